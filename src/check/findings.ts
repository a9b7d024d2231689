// From hits (folded offsets) to findings (original offsets): merge overlapping hits of the same
// rule, drop hits already covered by a stronger-or-equal hit of the same category (a term and a
// pattern of R05 on "无副作用" are one problem, not two), map back to the original text, sort.
import type { Severity } from '../domain/types.ts';
import type { Hit } from './match.ts';
import { toOriginal, type Normalised } from './normalise.ts';
import type { CheckedFinding } from './types.ts';
import { SEVERITY_RANK } from './verdict.ts';

const stronger = (a: Severity, b: Severity): Severity => (SEVERITY_RANK[a] >= SEVERITY_RANK[b] ? a : b);

const byPosition = (a: Hit, b: Hit) =>
  a.start - b.start || b.end - a.end || SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] || a.rule.order - b.rule.order;

function groupBy<K>(hits: readonly Hit[], key: (h: Hit) => K): Map<K, Hit[]> {
  const groups = new Map<K, Hit[]>();
  for (const h of hits) {
    const g = groups.get(key(h));
    if (g) g.push(h);
    else groups.set(key(h), [h]);
  }
  return groups;
}

/** Overlapping (or touching) hits of one rule become one hit spanning them all, at the strongest
 *  severity: "零风险无副作用" or "最最最" is one problem, and a pathological text stays one finding. */
export function mergeSameRule(hits: readonly Hit[]): Hit[] {
  const out: Hit[] = [];
  for (const group of groupBy(hits, (h) => h.rule).values()) {
    group.sort(byPosition);
    let cur: Hit | undefined;
    for (const h of group) {
      if (cur && h.start <= cur.end) {
        cur = { ...cur, end: Math.max(cur.end, h.end), severity: stronger(cur.severity, h.severity) };
      } else {
        if (cur) out.push(cur);
        cur = h;
      }
    }
    if (cur) out.push(cur);
  }
  return out;
}

/** Drops a hit contained in an earlier-kept hit of the same category with at least its severity.
 *  Sweeping by start with the furthest end per severity keeps this O(n log n) on huge texts. */
export function dropContained(hits: readonly Hit[]): Hit[] {
  const out: Hit[] = [];
  for (const group of groupBy(hits, (h) => h.rule.category).values()) {
    group.sort(byPosition);
    const maxEnd = [-1, -1, -1]; // by severity rank
    for (const h of group) {
      const rank = SEVERITY_RANK[h.severity];
      if (maxEnd.some((end, r) => r >= rank && end >= h.end)) continue;
      out.push(h);
      maxEnd[rank] = Math.max(maxEnd[rank] ?? -1, h.end);
    }
  }
  return out;
}

export function toFindings(hits: readonly Hit[], norm: Normalised, original: string, version: string): CheckedFinding[] {
  return dropContained(mergeSameRule(hits))
    .sort(byPosition)
    .map((h) => {
      const { start, end } = toOriginal(norm, h.start, h.end);
      const note = h.severity !== h.rule.severity ? h.rule.notes[h.severity] : undefined;
      return {
        rule: h.rule.id,
        category: h.rule.category,
        severity: h.severity,
        start,
        end,
        match: original.slice(start, end),
        basis: h.rule.basis,
        explanation: note ? `${h.rule.explanation}${note}` : h.rule.explanation,
        suggestion: h.rule.suggestion,
        replacement: h.rule.replace.get(norm.text.slice(h.start, h.end)) ?? '',
        rulePackVersion: version,
      };
    });
}
