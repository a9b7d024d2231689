// The checker: fold the text, find raw hits, let each rule's context rule decide, turn hits into
// findings, compute the verdict. Pure and synchronous per call; everything costly was compiled
// once by loadChecker.
import type { CompiledPack } from './compile.ts';
import { CONTEXT_RULES, type ContextEnv } from './context/index.ts';
import { LexiconHits } from './lexicon-hits.ts';
import type { Hit } from './match.ts';
import { Scanner, type Scan } from './scanner.ts';
import { normalise, normaliseTerm } from './normalise.ts';
import { toFindings } from './findings.ts';
import type { CheckContext, Checker, CheckReport } from './types.ts';
import { verdictOf } from './verdict.ts';

const NONE = new LexiconHits();

function environment(pack: CompiledPack, text: string, ctx: CheckContext, scan: Scan): ContextEnv {
  const lexicon = (name: string) => {
    // The loader rejects packs missing a lexicon a context rule needs, so this is a bug.
    if (!pack.lexiconNames.has(name)) throw new Error(`lexicon "${name}" not loaded`);
    return scan.lexicons.get(name) ?? NONE;
  };
  return {
    text,
    ctx,
    rawHits: scan.hits,
    lexicon,
    mentions: (name) => lexicon(name).any,
    departments: pack.departments,
    fold: (s) => normaliseTerm(s, pack.table),
  };
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
  return {
    version: pack.version,
    categories: pack.categories,
    ruleCount: pack.rules.length,
    vocabulary: pack.vocabulary,
    check(text: string, ctx: CheckContext = {}): CheckReport {
      if (text.length === 0) return { verdict: 'pass', findings: [], rulePackVersion: pack.version };
      const norm = normalise(text, pack.table);
      const scan = scanner.scan(norm.text);
      const hits = applyContext(pack, scan.hits, environment(pack, norm.text, ctx, scan));
      const findings = toFindings(hits, norm, text, pack.version);
      return { verdict: verdictOf(findings), findings, rulePackVersion: pack.version };
    },
  };
}
