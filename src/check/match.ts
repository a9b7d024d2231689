// Raw matching on the folded text: one automaton pass finds every rule term, lexicon word and
// pattern anchor; then only the regexes whose anchors occurred run. Each hit goes through its
// rule's data filters (except / unlessPrecededBy / unlessFollowedBy).
// Context rules run afterwards (context/), so this module knows nothing about brands or content types.
import type { Severity } from '../domain/types.ts';
import { after, before } from './clause.ts';
import type { CompiledPack, CompiledPattern, CompiledRule } from './compile.ts';

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

function accept(pack: CompiledPack, text: string, rule: CompiledRule, start: number, end: number): boolean {
  return (
    !insideException(text, start, end, rule.except) &&
    !insideException(text, start, end, pack.allow) &&
    !negated(text, start, end, rule)
  );
}

/** Where one lexicon's words occur in the folded text, answered from the single scan. Spans are
 *  kept sorted by start so window queries are a binary search, not a walk over every span (a
 *  long text can hold tens of thousands of lexicon hits and as many queries). */
export class LexiconHits {
  private readonly spans: { start: number; end: number }[] = [];
  private sorted = true;

  push(start: number, end: number): void {
    const last = this.spans[this.spans.length - 1];
    if (last && start < last.start) this.sorted = false;
    this.spans.push({ start, end });
  }

  get any(): boolean {
    return this.spans.length > 0;
  }

  /** Index of the first span starting at or after `from`. */
  private lowerBound(from: number): number {
    if (!this.sorted) {
      this.spans.sort((a, b) => a.start - b.start || a.end - b.end);
      this.sorted = true;
    }
    let lo = 0;
    let hi = this.spans.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.spans[mid]!.start < from) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Whether a word of the lexicon lies entirely within [from, to). */
  occursIn(from: number, to: number): boolean {
    for (let i = this.lowerBound(from); i < this.spans.length && this.spans[i]!.start < to; i++) {
      if (this.spans[i]!.end <= to) return true;
    }
    return false;
  }

  /** Every occurrence within [from, to). */
  within(from: number, to: number): { start: number; end: number }[] {
    const out: { start: number; end: number }[] = [];
    for (let i = this.lowerBound(from); i < this.spans.length && this.spans[i]!.start < to; i++) {
      if (this.spans[i]!.end <= to) out.push(this.spans[i]!);
    }
    return out;
  }
}

export interface Scan {
  /** Every accepted hit of every rule, unordered. */
  hits: Hit[];
  /** Lexicon occurrences by lexicon name (absent: none). */
  lexicons: Map<string, LexiconHits>;
}

function runPattern(pack: CompiledPack, text: string, pattern: CompiledPattern, hits: Hit[]): void {
  const { regex: re, rule } = pattern;
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    // Patterns are validated not to match empty text, but a lookaround-only branch could still
    // yield an empty match somewhere; never loop on it.
    if (end === start) {
      re.lastIndex = start + 1;
      continue;
    }
    if (accept(pack, text, rule, start, end)) hits.push({ rule, start, end, severity: rule.severity });
  }
}

/** One pass of the automaton over the folded text, then the regexes whose anchors occurred. */
export function scanText(pack: CompiledPack, text: string): Scan {
  const hits: Hit[] = [];
  const lexicons = new Map<string, LexiconHits>();
  const triggered = new Set<CompiledPattern>();
  pack.terms.forEachHit(text, (payloads, start, end) => {
    for (const p of payloads) {
      if (p.kind === 'rule') {
        if (accept(pack, text, p.rule, start, end)) hits.push({ rule: p.rule, start, end, severity: p.rule.severity });
      } else if (p.kind === 'lexicon') {
        let l = lexicons.get(p.name);
        if (!l) lexicons.set(p.name, (l = new LexiconHits()));
        l.push(start, end);
      } else {
        triggered.add(p.pattern);
      }
    }
  });
  for (const pattern of pack.patterns) {
    if (!pattern.gated || triggered.has(pattern)) runPattern(pack, text, pattern, hits);
  }
  return { hits, lexicons };
}
