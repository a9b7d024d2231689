// The checker: fold the text, find raw hits, let each rule's context rule decide, turn hits into
// findings, compute the verdict. Pure and synchronous per call; everything costly was compiled
// once by loadChecker.
import type { CompiledPack } from './compile.ts';
import { CONTEXT_RULES, type ContextEnv } from './context/index.ts';
import { LexiconHits } from './lexicon-hits.ts';
import type { Hit } from './match.ts';
import { Scanner, type Scan } from './scanner.ts';
import { foldText, normaliseInto, normaliseTerm, type OriginBuffers } from './normalise.ts';
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

  lexicon(name: string): LexiconHits {
    // The loader rejects packs missing a lexicon a context rule needs, so this is a bug.
    if (!this.pack.lexiconNames.has(name)) throw new Error(`lexicon "${name}" not loaded`);
    return this.scan.lexicons.get(name) ?? NONE;
  }

  mentions(name: string): boolean {
    return this.lexicon(name).any;
  }
}

/** Runs each rule's context rule over its hits; rules without one keep their hits unchanged. */
function applyContext(pack: CompiledPack, hits: Hit[], env: ContextEnv): Hit[] {
  const byRule = new Map<string, Hit[]>();
  for (const h of hits) {
    const list = byRule.get(h.rule.id);
    if (list) list.push(h);
    else byRule.set(h.rule.id, [h]);
  }
  const out: Hit[] = [];
  for (const rule of pack.rules) {
    const own = byRule.get(rule.id) ?? [];
    const context = rule.context ? CONTEXT_RULES.get(rule.context) : undefined;
    // Append one by one: spreading a huge array into push() overflows the call stack.
    for (const h of context ? context.apply(rule, own, env) : own) out.push(h);
  }
  return out;
}

export function createChecker(pack: CompiledPack): Checker {
  const scanner = new Scanner(pack);
  const fold = memoFold(pack);
  const origins: OriginBuffers = { start: new Int32Array(1024), end: new Int32Array(1024) };
  return {
    version: pack.version,
    categories: pack.categories,
    ruleCount: pack.rules.length,
    vocabulary: pack.vocabulary,
    check(text: string, ctx: CheckContext = {}): CheckReport {
      if (text.length === 0) return { verdict: 'pass', findings: [], rulePackVersion: pack.version };
      const folded = foldText(text, pack.table);
      const scan = scanner.scan(folded);
      const hits = applyContext(pack, scan.hits, new CheckEnv(pack, fold, folded, ctx, scan));
      // Offsets back into the original are worked out only for a text with something to report.
      const findings = hits.length === 0 ? [] : toFindings(hits, normaliseInto(text, pack.table, origins), text, pack.version);
      return { verdict: verdictOf(findings), findings, rulePackVersion: pack.version };
    },
  };
}
