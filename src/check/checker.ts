// The checker: fold the text, find raw hits, let each rule's context rule decide, turn hits into
// findings, compute the verdict. Pure and synchronous per call; everything costly was compiled
// once by loadChecker.
import type { CompiledPack } from './compile.ts';
import { CONTEXT_RULES, type ContextEnv } from './context/index.ts';
import { findHits, type Hit } from './match.ts';
import { normalise, normaliseTerm } from './normalise.ts';
import { toFindings } from './findings.ts';
import type { CheckContext, Checker, CheckReport } from './types.ts';
import { verdictOf } from './verdict.ts';

function environment(pack: CompiledPack, text: string, ctx: CheckContext, rawHits: readonly Hit[]): ContextEnv {
  const memo = new Map<string, boolean>();
  const lexicon = (name: string) => {
    const index = pack.lexicons.get(name);
    // The loader rejects packs missing a lexicon a context rule needs, so this is a bug.
    if (!index) throw new Error(`lexicon "${name}" not loaded`);
    return index;
  };
  return {
    text,
    ctx,
    rawHits,
    lexicon,
    mentions(name) {
      let found = memo.get(name);
      if (found === undefined) memo.set(name, (found = lexicon(name).occursIn(text)));
      return found;
    },
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
  return {
    version: pack.version,
    categories: pack.categories,
    ruleCount: pack.rules.length,
    vocabulary: pack.vocabulary,
    check(text: string, ctx: CheckContext = {}): CheckReport {
      if (text.length === 0) return { verdict: 'pass', findings: [], rulePackVersion: pack.version };
      const norm = normalise(text, pack.table);
      const raw = findHits(pack, norm.text);
      const hits = applyContext(pack, raw, environment(pack, norm.text, ctx, raw));
      const findings = toFindings(hits, norm, text, pack.version);
      return { verdict: verdictOf(findings), findings, rulePackVersion: pack.version };
    },
  };
}
