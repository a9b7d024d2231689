// How well blocking survives pinyin stand-ins: every Chinese character inside a block finding of a
// case that blocks is written, one at a time, as its pinyin (one reading), and the text checked
// again. A writer dodging the checker changes one character, not five: this is the evasion the
// automaton's term variants and the patterns' twins (pattern-pinyin.ts) exist for.
import { pinyin } from 'pinyin-pro';
import type { Checker } from '../types.ts';
import type { EvalCase } from './fixtures.ts';
import type { EvalContexts } from './run.ts';

export interface PinyinRobustness {
  /** Cases that block as written. */
  cases: number;
  /** Of those, cases where some one-character stand-in no longer blocks. */
  evadedCases: number;
  /** Texts tried (one per character inside a block finding). */
  variants: number;
  /** Of those, still blocked. */
  stillBlocked: number;
  /** A few of the texts that got through, for a pack editor to look at. */
  examples: { id: string; text: string }[];
}

const isIdeograph = (c: string) => c >= '\u4e00' && c <= '\u9fff';
const EXAMPLES = 10;

export function pinyinRobustness(checker: Checker, cases: readonly EvalCase[], contexts: EvalContexts): PinyinRobustness {
  const out: PinyinRobustness = { cases: 0, evadedCases: 0, variants: 0, stillBlocked: 0, examples: [] };
  for (const c of cases) {
    if (c.expect !== 'block') continue;
    const ctx = contexts[c.brand];
    const report = checker.check(c.text, ctx);
    if (report.verdict !== 'block') continue;
    out.cases++;
    const positions = new Set<number>();
    for (const f of report.findings) if (f.severity === 'block') for (let i = f.start; i < f.end; i++) if (isIdeograph(c.text[i]!)) positions.add(i);
    let evaded = false;
    for (const i of positions) {
      const reading = pinyin(c.text[i]!, { toneType: 'none' }).replace(/ü/g, 'v');
      if (!/^[a-z]+$/.test(reading)) continue;
      const text = c.text.slice(0, i) + reading + c.text.slice(i + 1);
      out.variants++;
      if (checker.check(text, ctx).verdict === 'block') out.stillBlocked++;
      else {
        evaded = true;
        if (out.examples.length < EXAMPLES) out.examples.push({ id: c.id, text });
      }
    }
    if (evaded) out.evadedCases++;
  }
  return out;
}
