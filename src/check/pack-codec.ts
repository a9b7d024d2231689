// A compiled pack as bytes, for the compiled-pack cache (pack-cache.ts). Compiling means parsing
// YAML, folding every term, generating pinyin variants and building the automaton — most of a cold
// start; reading this back is a JSON parse and a few typed-array views.
//
// Layout: "SIYUPK01" | u32 header length | header (JSON) | padding to 8 | array blobs | SHA-256 of
// everything before it. The checksum is checked before anything is read: a torn or edited file is
// rejected (decodePack throws) and the caller compiles from the YAML instead.
import { createHash } from 'node:crypto';
import type { CompiledPack, CompiledPattern, CompiledRule, TermPayload } from './compile.ts';
import { buildDiscourse, type DiscourseSources } from './discourse.ts';
import { stickyOf } from './pattern-sticky.ts';
import { twinPattern } from './pattern-twin.ts';
import { TermIndex, type TermTables } from './terms.ts';

const MAGIC = Buffer.from('SIYUPK01', 'latin1');
const DIGEST = 32;

type ArrayKind = 'u16' | 'i32';
type Typed = Uint16Array | Int32Array;
const CTORS = { u16: Uint16Array, i32: Int32Array } as const;

/** One payload as stored: a rule by its order, a lexicon by name, a pattern gate or start by
 *  index, a twin's reading as itself. */
type StoredPayload = ['r', number] | ['l', string] | ['g', number, number] | ['s', number] | ['y', string];

interface StoredRule extends Omit<CompiledRule, 'replace'> {
  replace: [string, string][];
}

interface Header {
  key: string;
  version: string;
  name: string;
  categories: CompiledPack['categories'];
  rules: StoredRule[];
  patterns: { rule: number; source: string; flags: string; gates: number; reach: (number | null)[]; byStarts: boolean; twin: { source: string; readings: string[] } | null }[];
  /** Distinct payloads; the term → payload lists in the arrays index into this. */
  payloads: StoredPayload[];
  allow: readonly string[];
  departments: CompiledPack['departments'];
  lexiconNames: string[];
  vocabulary: CompiledPack['vocabulary'];
  /** discourse.yaml's lists as regex sources; the rules are rebuilt from them on load. */
  discourse: DiscourseSources;
  arrays: { name: string; kind: ArrayKind; offset: number; length: number }[];
}

const TABLE_NAMES = ['edgeStart', 'edgeChar', 'edgeTarget', 'fail', 'termAt', 'dictLink', 'termLength'] as const satisfies readonly (keyof TermTables)[];

export function encodePack(pack: CompiledPack, key: string): Buffer {
  const { tables, payloads } = pack.terms.export();
  const patternIndex = new Map(pack.patterns.map((p, i) => [p, i]));
  const payloadIndex = new Map<TermPayload, number>();
  const stored: StoredPayload[] = [];
  const payloadStart = new Int32Array(payloads.length + 1);
  const payloadIds: number[] = [];
  payloads.forEach((list, id) => {
    payloadStart[id] = payloadIds.length;
    for (const p of list) {
      let at = payloadIndex.get(p);
      if (at === undefined) {
        at = stored.length;
        payloadIndex.set(p, at);
        stored.push(
          p.kind === 'rule'
            ? ['r', p.rule.order]
            : p.kind === 'lexicon'
              ? ['l', p.name]
              : p.kind === 'gate'
                ? ['g', patternIndex.get(p.pattern)!, p.set]
                : p.kind === 'start'
                  ? ['s', patternIndex.get(p.pattern)!]
                  : ['y', p.reading],
        );
      }
      payloadIds.push(at);
    }
  });
  payloadStart[payloads.length] = payloadIds.length;

  const arrays: [string, Typed][] = [
    ['table', pack.table.map],
    ...TABLE_NAMES.map((n): [string, Typed] => [n, tables[n]]),
    ['payloadStart', payloadStart],
    ['payloadIds', Int32Array.from(payloadIds)],
  ];
  const described: Header['arrays'] = [];
  let offset = 0;
  for (const [name, a] of arrays) {
    described.push({ name, kind: a instanceof Uint16Array ? 'u16' : 'i32', offset, length: a.length });
    offset += Math.ceil(a.byteLength / 8) * 8; // keep every blob 8-aligned for the typed views
  }
  const header: Header = {
    key,
    version: pack.version,
    name: pack.name,
    categories: pack.categories,
    rules: pack.rules.map((r) => ({ ...r, replace: [...r.replace] })),
    // JSON has no Infinity: an unbounded reach is stored as null.
    patterns: pack.patterns.map((p) => ({ rule: p.rule.order, source: p.regex.source, flags: p.regex.flags, gates: p.gates, reach: p.reach.map((r) => (Number.isFinite(r) ? r : null)), byStarts: p.sticky !== undefined, twin: p.twin ? { source: p.twin.source, readings: [...p.twin.readings] } : null })),
    payloads: stored,
    allow: pack.allow,
    departments: pack.departments,
    lexiconNames: [...pack.lexiconNames],
    vocabulary: pack.vocabulary,
    discourse: pack.discourse.sources,
    arrays: described,
  };
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const blobsAt = Math.ceil((MAGIC.length + 4 + json.length) / 8) * 8;
  const out = Buffer.alloc(blobsAt + offset + DIGEST);
  MAGIC.copy(out, 0);
  out.writeUInt32LE(json.length, MAGIC.length);
  json.copy(out, MAGIC.length + 4);
  arrays.forEach(([, a], i) => Buffer.from(a.buffer, a.byteOffset, a.byteLength).copy(out, blobsAt + described[i]!.offset));
  createHash('sha256').update(out.subarray(0, out.length - DIGEST)).digest().copy(out, out.length - DIGEST);
  return out;
}

/** The pack stored in `bytes`; throws if they are damaged or were written for another key. */
export function decodePack(bytes: Buffer, key: string): CompiledPack {
  if (bytes.length < MAGIC.length + 4 + DIGEST || !bytes.subarray(0, MAGIC.length).equals(MAGIC)) throw new Error('not a compiled pack');
  const body = bytes.subarray(0, bytes.length - DIGEST);
  if (!createHash('sha256').update(body).digest().equals(bytes.subarray(bytes.length - DIGEST))) throw new Error('checksum mismatch');
  const jsonLength = bytes.readUInt32LE(MAGIC.length);
  const header = JSON.parse(bytes.toString('utf8', MAGIC.length + 4, MAGIC.length + 4 + jsonLength)) as Header;
  if (header.key !== key) throw new Error('written for another pack');
  const blobsAt = Math.ceil((MAGIC.length + 4 + jsonLength) / 8) * 8;
  // One aligned copy of the blobs: a Buffer read from disk may sit at any offset of its pool.
  const blobs = new Uint8Array(body.length - blobsAt);
  blobs.set(body.subarray(blobsAt));
  const array = (name: string): Typed => {
    const d = header.arrays.find((a) => a.name === name);
    if (!d) throw new Error(`array ${name} missing`);
    const view = new CTORS[d.kind](blobs.buffer, d.offset, d.length);
    if (d.offset + view.byteLength > blobs.length) throw new Error(`array ${name} truncated`);
    return view;
  };

  const rules = header.rules.map((r): CompiledRule => ({ ...r, replace: new Map(r.replace) }));
  const patterns = header.patterns.map((p): CompiledPattern => {
    const regex = new RegExp(p.source, p.flags);
    const rule = rules[p.rule]!;
    const reach = p.reach.map((r) => r ?? Number.POSITIVE_INFINITY);
    const twin = p.twin === null ? undefined : twinPattern(p.twin.source, p.flags, p.twin.readings, rule, p.gates, reach);
    return { rule, regex, gates: p.gates, reach, sticky: p.byStarts ? stickyOf(regex) : undefined, twin };
  });
  const payloads = header.payloads.map((p): TermPayload => {
    if (p[0] === 'r') return { kind: 'rule', rule: rules[p[1]]! };
    if (p[0] === 'l') return { kind: 'lexicon', name: p[1] };
    if (p[0] === 'g') return { kind: 'gate', pattern: patterns[p[1]]!, set: p[2] };
    if (p[0] === 'y') return { kind: 'syllable', reading: p[1] };
    return { kind: 'start', pattern: patterns[p[1]]! };
  });
  const payloadStart = array('payloadStart') as Int32Array;
  const payloadIds = array('payloadIds') as Int32Array;
  const termPayloads: TermPayload[][] = [];
  for (let id = 0; id + 1 < payloadStart.length; id++) {
    const list: TermPayload[] = [];
    for (let k = payloadStart[id]!; k < payloadStart[id + 1]!; k++) list.push(payloads[payloadIds[k]!]!);
    termPayloads.push(list);
  }
  const tables = Object.fromEntries(TABLE_NAMES.map((n) => [n, array(n)])) as unknown as TermTables;
  return {
    version: header.version,
    name: header.name,
    categories: header.categories,
    rules,
    table: { map: array('table') as Uint16Array },
    terms: TermIndex.fromTables(tables, termPayloads),
    patterns,
    allow: header.allow,
    departments: header.departments,
    lexiconNames: new Set(header.lexiconNames),
    vocabulary: header.vocabulary,
    discourse: buildDiscourse(header.discourse),
  };
}
