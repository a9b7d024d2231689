// Scoring the checker against the labelled set. Pure functions: the caller runs the checker and
// passes each case with its report. A category counts as found when the report has a finding of
// that category with severity block or review (warnings are shown to the editor, they decide
// nothing). Categories listed in a case's alsoAllowed are neither required nor false positives.
import type { Severity, Verdict } from '../../domain/types.ts';
import { CATEGORY_IDS } from '../schema.ts';
import { VERDICTS } from './fixtures.ts';

/** The part of a case the scorer needs (EvalCase fits). */
export interface ScoredCase {
  id: string;
  text: string;
  expect: Verdict;
  categories: readonly string[];
  alsoAllowed?: readonly string[];
}

/** The part of a checker report the scorer needs (CheckReport fits). */
export interface ScoredReport {
  verdict: Verdict;
  findings: readonly { category: string; severity: Severity }[];
}

export interface CaseOutcome {
  case: ScoredCase;
  report: ScoredReport;
}

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
  /** tp / (tp + fp); null when nothing was found. */
  precision: number | null;
  /** tp / (tp + fn); null when no case expects the category. */
  recall: number | null;
}

export interface CategoryCounts extends Counts {
  category: string;
  /** Cases that require this category. */
  positives: number;
}

export interface Miss {
  id: string;
  expected: Verdict;
  actual: Verdict;
  /** Required categories the checker did not find. */
  missing: string[];
  /** Categories found (block/review) that the case neither requires nor allows. */
  extra: string[];
  /** The text on one line, truncated. */
  text: string;
}

export interface EvalScore {
  cases: number;
  categories: CategoryCounts[];
  /** Micro-averaged over all categories. */
  overall: Counts;
  block: {
    /** Cases expected block. */
    expectedBlock: number;
    /** Of those, how many the checker blocked. */
    blocked: number;
    /** blocked / expectedBlock; null when no case expects block. */
    recall: number | null;
    /** Cases expected pass or review. */
    negatives: number;
    /** Of those, how many the checker blocked. */
    falseBlocks: number;
    /** falseBlocks / negatives; null when there are none. */
    falseBlockRate: number | null;
  };
  /** Share of cases whose verdict equals the expected one. */
  verdictAccuracy: number | null;
  /** confusion[expected][actual] = number of cases. */
  confusion: Record<Verdict, Record<Verdict, number>>;
  misses: Miss[];
}

export const TARGETS = { blockRecall: 0.95, falseBlockRate: 0.03 } as const;

const ratio = (a: number, b: number): number | null => (b === 0 ? null : a / b);

/** Categories reported at block or review severity. */
export function foundCategories(report: ScoredReport): Set<string> {
  return new Set(report.findings.filter((f) => f.severity === 'block' || f.severity === 'review').map((f) => f.category));
}

/** One line, at most `max` characters (line breaks shown as ⏎). */
export function truncate(text: string, max = 60): string {
  const one = text.trim().replace(/\s*\n\s*/g, '⏎');
  const chars = [...one];
  return chars.length <= max ? one : `${chars.slice(0, max - 1).join('')}…`;
}

/** What went wrong in one case, or undefined when verdict and categories are as expected. */
export function missOf({ case: c, report }: CaseOutcome, maxText = 60): Miss | undefined {
  const found = foundCategories(report);
  const allowed = new Set([...c.categories, ...(c.alsoAllowed ?? [])]);
  const missing = c.categories.filter((x) => !found.has(x));
  const extra = [...found].filter((x) => !allowed.has(x)).sort();
  if (report.verdict === c.expect && missing.length === 0 && extra.length === 0) return undefined;
  return { id: c.id, expected: c.expect, actual: report.verdict, missing, extra, text: truncate(c.text, maxText) };
}

function counts(tp: number, fp: number, fn: number): Counts {
  return { tp, fp, fn, precision: ratio(tp, tp + fp), recall: ratio(tp, tp + fn) };
}

export function score(outcomes: readonly CaseOutcome[], categoryIds: readonly string[] = CATEGORY_IDS): EvalScore {
  const per = new Map(categoryIds.map((id) => [id, { tp: 0, fp: 0, fn: 0, positives: 0 }]));
  const row = (id: string) => {
    let r = per.get(id);
    if (!r) per.set(id, (r = { tp: 0, fp: 0, fn: 0, positives: 0 }));
    return r;
  };
  const confusion = Object.fromEntries(VERDICTS.map((e) => [e, Object.fromEntries(VERDICTS.map((a) => [a, 0]))])) as EvalScore['confusion'];
  let expectedBlock = 0;
  let blocked = 0;
  let negatives = 0;
  let falseBlocks = 0;
  let correct = 0;
  const misses: Miss[] = [];

  for (const outcome of outcomes) {
    const { case: c, report } = outcome;
    const found = foundCategories(report);
    const allowed = new Set(c.alsoAllowed ?? []);
    for (const id of c.categories) {
      const r = row(id);
      r.positives++;
      if (found.has(id)) r.tp++;
      else r.fn++;
    }
    for (const id of found) if (!c.categories.includes(id) && !allowed.has(id)) row(id).fp++;

    confusion[c.expect][report.verdict]++;
    if (c.expect === report.verdict) correct++;
    if (c.expect === 'block') {
      expectedBlock++;
      if (report.verdict === 'block') blocked++;
    } else {
      negatives++;
      if (report.verdict === 'block') falseBlocks++;
    }
    const miss = missOf(outcome);
    if (miss) misses.push(miss);
  }

  const categories = [...per.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([category, r]) => ({ category, positives: r.positives, ...counts(r.tp, r.fp, r.fn) }));
  const sum = (k: 'tp' | 'fp' | 'fn') => categories.reduce((s, r) => s + r[k], 0);
  return {
    cases: outcomes.length,
    categories,
    overall: counts(sum('tp'), sum('fp'), sum('fn')),
    block: { expectedBlock, blocked, recall: ratio(blocked, expectedBlock), negatives, falseBlocks, falseBlockRate: ratio(falseBlocks, negatives) },
    verdictAccuracy: ratio(correct, outcomes.length),
    confusion,
    misses,
  };
}

/** Whether the block-level targets are met (null figures — no cases — count as not met). */
export function meetsTargets(s: EvalScore): { blockRecall: boolean; falseBlockRate: boolean } {
  return {
    blockRecall: s.block.recall !== null && s.block.recall >= TARGETS.blockRecall,
    falseBlockRate: s.block.falseBlockRate !== null && s.block.falseBlockRate <= TARGETS.falseBlockRate,
  };
}

/** Misses grouped by category: each miss is listed under every missing or extra category, and
 *  under "verdict" when only the verdict is wrong. */
export function missesByCategory(misses: readonly Miss[]): Map<string, Miss[]> {
  const out = new Map<string, Miss[]>();
  const add = (k: string, m: Miss) => {
    const list = out.get(k);
    if (list) list.push(m);
    else out.set(k, [m]);
  };
  for (const m of misses) {
    const keys = [...m.missing, ...m.extra];
    if (keys.length === 0) add('verdict', m);
    for (const k of new Set(keys)) add(k, m);
  }
  return new Map([...out.entries()].sort(([a], [b]) => a.localeCompare(b)));
}
