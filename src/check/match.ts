// Raw matching on the folded text: literal terms (one pass over the shared term index) and each
// rule's regexes, then the per-rule data filters (except / unlessPrecededBy / unlessFollowedBy).
// Context rules run afterwards (context/), so this module knows nothing about brands or content types.
import type { Severity } from '../domain/types.ts';
import { after, before } from './clause.ts';
import type { CompiledPack, CompiledRule } from './compile.ts';

/** A hit in folded-text offsets. Severity starts as the rule's and may be re-graded by context. */
export interface Hit {
  rule: CompiledRule;
  start: number;
  end: number;
  severity: Severity;
}

/** How far (in folded units, within the clause) a negation may sit from the hit it cancels. */
export const NEGATION_REACH = 10;

/** True when the hit lies inside an occurrence of one of the rule's exception phrases. */
function insideException(text: string, start: number, end: number, except: readonly string[]): boolean {
  const hit = text.slice(start, end);
  for (const phrase of except) {
    for (let at = phrase.indexOf(hit); at >= 0; at = phrase.indexOf(hit, at + 1)) {
      if (start - at >= 0 && text.startsWith(phrase, start - at)) return true;
    }
  }
  return false;
}

function negated(text: string, start: number, end: number, rule: CompiledRule): boolean {
  if (rule.unlessPrecededBy.length > 0) {
    const b = before(text, start, NEGATION_REACH);
    if (rule.unlessPrecededBy.some((p) => b.includes(p))) return true;
  }
  if (rule.unlessFollowedBy.length > 0) {
    const a = after(text, end, NEGATION_REACH);
    if (rule.unlessFollowedBy.some((p) => a.includes(p))) return true;
  }
  return false;
}

function accept(text: string, rule: CompiledRule, start: number, end: number): boolean {
  return !insideException(text, start, end, rule.except) && !negated(text, start, end, rule);
}

/** Every hit of every rule in the folded text, unordered. */
export function findHits(pack: CompiledPack, text: string): Hit[] {
  const hits: Hit[] = [];
  for (const t of pack.terms.findAll(text)) {
    for (const rule of t.payloads) {
      if (accept(text, rule, t.start, t.end)) hits.push({ rule, start: t.start, end: t.end, severity: rule.severity });
    }
  }
  for (const rule of pack.rules) {
    for (const re of rule.patterns) {
      re.lastIndex = 0;
      for (let m = re.exec(text); m; m = re.exec(text)) {
        const start = m.index;
        const end = start + m[0].length;
        // Patterns are validated not to match empty text, but a lookaround-only branch could
        // still yield an empty match somewhere; never loop on it.
        if (end === start) {
          re.lastIndex = start + 1;
          continue;
        }
        if (accept(text, rule, start, end)) hits.push({ rule, start, end, severity: rule.severity });
      }
    }
  }
  return hits;
}
