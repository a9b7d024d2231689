// The checker: fold the text, find raw hits, let each rule's context rule decide, turn hits into
// findings, compute the verdict. Pure and synchronous per call; everything costly was compiled
// once by loadChecker.
import type { CompiledPack } from './compile.ts';
import { CONTEXT_RULES, type ContextEnv, type ContextRule } from './context/index.ts';
import { LexiconHits } from './lexicon-hits.ts';
import type { Hit } from './match.ts';
import { Scanner, type Scan } from './scanner.ts';
import { foldText, normaliseInto, normaliseTerm, type OriginBuffers } from './normalise.ts';
import { softenDebunked } from './debunk.ts';
import { toFindings } from './findings.ts';
import type { CheckContext, Checker, CheckReport } from './types.ts';
import { verdictOf } from './verdict.ts';

const NONE = new LexiconHits();
/** Folded workspace strings remembered per checker (service names, certificate numbers). */
const MAX_FOLDED = 256;

function memoFold(pack: CompiledPack): (s: string) => string {
  const folded = new Map<string, string>();
  return (s) => {
    let f = folded.get(s);
    if (f === undefined) {
      f = normaliseTerm(s, pack.table);
      if (folded.size < MAX_FOLDED) folded.set(s, f);
    }
    return f;
  };
}

/** What the context rules see of one check. A class rather than an object of closures: one
 *  allocation per check instead of one per function. */
class CheckEnv implements ContextEnv {
  constructor(
    private readonly pack: CompiledPack,
    /** Made once per checker; a plain function, since context rules pass it around unbound. */
    readonly fold: (s: string) => string,
    readonly text: string,
    readonly ctx: CheckContext,
    private readonly scan: Scan,
  ) {}

  get rawHits(): readonly Hit[] {
    return this.scan.hits;
  }

  get departments(): ContextEnv['departments'] {
    return this.pack.departments;
  }

  get discourse(): ContextEnv['discourse'] {
    return this.pack.discourse;
  }

  lexicon(name: string): LexiconHits {
    // The loader rejects packs missing a lexicon a context rule needs, so this is a bug.
    if (!this.pack.lexiconNames.has(name)) throw new Error(`lexicon "${name}" not loaded`);
    return this.scan.lexicons.get(name) ?? NONE;
  }

  mentions(name: string): boolean {
    return this.lexicon(name).any;
  }
}

/** Runs each rule's context rule over its hits; rules without one keep their hits unchanged.
 *  `contexts[i]` is the context rule of pack.rules[i] (looked up once per checker). */
function applyContext(pack: CompiledPack, contexts: readonly (ContextRule | undefined)[], hits: Hit[], env: ContextEnv): Hit[] {
  const byRule: (Hit[] | undefined)[] = new Array(pack.rules.length);
  for (let i = 0; i < hits.length; i++) {
    const h = hits[i]!;
    const list = byRule[h.rule.order];
    if (list) list.push(h);
    else byRule[h.rule.order] = [h];
  }
  const out: Hit[] = [];
  for (let r = 0; r < pack.rules.length; r++) {
    const context = contexts[r];
    const own = byRule[r];
    if (!context && !own) continue;
    const kept = context ? context.apply(pack.rules[r]!, own ?? [], env) : own!;
    // Append one by one: spreading a huge array into push() overflows the call stack.
    for (let i = 0; i < kept.length; i++) out.push(kept[i]!);
  }
  return out;
}

export function createChecker(pack: CompiledPack): Checker {
  const scanner = new Scanner(pack);
  const fold = memoFold(pack);
  const contexts = pack.rules.map((rule) => (rule.context ? CONTEXT_RULES.get(rule.context) : undefined));
  const origins: OriginBuffers = { start: new Int32Array(1024), end: new Int32Array(1024) };
  return {
    version: pack.version,
    categories: pack.categories,
    ruleCount: pack.rules.length,
    vocabulary: pack.vocabulary,
    check(text: string, ctx: CheckContext = {}): CheckReport {
      if (text.length === 0) return { verdict: 'pass', findings: [], rulePackVersion: pack.version };
      const folded = foldText(text, pack.table);
      const scan = scanner.scan(folded, text);
      const hits = applyContext(pack, contexts, scan.hits, new CheckEnv(pack, fold, folded, ctx, scan));
      // Offsets back into the original are worked out only for a text with something to report.
      const findings = hits.length === 0 ? [] : softenDebunked(pack.discourse.debunk, text, toFindings(hits, normaliseInto(text, pack.table, origins), text, pack.version));
      return { verdict: verdictOf(findings), findings, rulePackVersion: pack.version };
    },
  };
}
