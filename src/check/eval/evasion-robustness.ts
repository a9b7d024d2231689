// How well blocking survives the evasions the normaliser exists for (issue: matching that
// survives evasion). Every case that blocks as written is rewritten the way a writer dodging the
// checker would — one change at a time, inside a block finding — and checked again:
//   pinyin   one Chinese character as its pinyin (一定neng透亮)
//   noise    a space, dot, slash, emoji… between two characters (无·副作用)
//   repeat   one character doubled (最最好)
//   digits   each digit as a Chinese, circled or full-width digit (３天 / 三天 / ③天)
//   trad     the whole text in traditional characters
//   width    the whole text's ASCII in full width (１００％)
// A writer changes one character, not five; each figure is the share of such texts still blocked.
import * as OpenCC from 'opencc-js';
import { pinyin } from 'pinyin-pro';
import type { Checker } from '../types.ts';
import type { EvalCase } from './fixtures.ts';
import type { EvalContexts } from './run.ts';

export const EVASIONS = ['pinyin', 'noise', 'repeat', 'digits', 'trad', 'width'] as const;
export type Evasion = (typeof EVASIONS)[number];

export interface EvasionFigures {
  /** Texts tried. */
  variants: number;
  /** Of those, still blocked. */
  stillBlocked: number;
  /** Cases with at least one variant that got through. */
  evadedCases: number;
  /** A few of the texts that got through, for a pack editor to look at. */
  examples: { id: string; text: string }[];
}

export interface EvasionRobustness {
  /** Cases that block as written (the ones rewritten). */
  cases: number;
  by: Record<Evasion, EvasionFigures>;
}

const isIdeograph = (c: string) => c >= '\u4e00' && c <= '\u9fff';
const NOISE = [' ', '·', '/', '-', '😊', '…', '*'];
const CN_DIGITS = '〇一二三四五六七八九';
const CIRCLED = '⓪①②③④⑤⑥⑦⑧⑨';
const EXAMPLES = 10;

/** Chinese-character positions inside the block findings of a report. */
function blockPositions(text: string, report: ReturnType<Checker['check']>): number[] {
  const at = new Set<number>();
  for (const f of report.findings) if (f.severity === 'block') for (let i = f.start; i < f.end; i++) if (isIdeograph(text[i]!)) at.add(i);
  return [...at].sort((a, b) => a - b);
}

const replaceAt = (text: string, i: number, by: string, length = 1) => text.slice(0, i) + by + text.slice(i + length);

function variantsOf(text: string, positions: readonly number[], toTraditional: (s: string) => string): Record<Evasion, string[]> {
  const pinyinOf = (c: string) => pinyin(c, { toneType: 'none' }).replace(/ü/g, 'v');
  const digitsAt = [...text].flatMap((c, i) => (/[0-9]/.test(c) ? [i] : []));
  const swapDigits = (table: string) => text.replace(/[0-9]/g, (d) => table[Number(d)]!);
  return {
    pinyin: positions.map((i) => replaceAt(text, i, pinyinOf(text[i]!))).filter((t) => t !== text),
    // Between this character and the next one inside the finding.
    noise: positions.filter((i) => positions.includes(i + 1)).map((i, k) => replaceAt(text, i + 1, NOISE[k % NOISE.length]! + text[i + 1]!)),
    repeat: positions.map((i) => replaceAt(text, i, text[i]!.repeat(2))),
    digits: digitsAt.length === 0 ? [] : [swapDigits(CN_DIGITS), swapDigits(CIRCLED), swapDigits('０１２３４５６７８９')],
    trad: [toTraditional(text)].filter((t) => t !== text),
    width: [text.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0))].filter((t) => t !== text),
  };
}

export function evasionRobustness(checker: Checker, cases: readonly EvalCase[], contexts: EvalContexts): EvasionRobustness {
  const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });
  const empty = (): EvasionFigures => ({ variants: 0, stillBlocked: 0, evadedCases: 0, examples: [] });
  const out: EvasionRobustness = { cases: 0, by: Object.fromEntries(EVASIONS.map((e) => [e, empty()])) as Record<Evasion, EvasionFigures> };
  for (const c of cases) {
    if (c.expect !== 'block') continue;
    const ctx = contexts[c.brand];
    const report = checker.check(c.text, ctx);
    if (report.verdict !== 'block') continue;
    out.cases++;
    const variants = variantsOf(c.text, blockPositions(c.text, report), toTraditional);
    for (const e of EVASIONS) {
      const fig = out.by[e];
      let evaded = false;
      for (const text of variants[e]) {
        fig.variants++;
        if (checker.check(text, ctx).verdict === 'block') fig.stillBlocked++;
        else {
          evaded = true;
          if (fig.examples.length < EXAMPLES) fig.examples.push({ id: c.id, text });
        }
      }
      if (evaded) fig.evadedCases++;
    }
  }
  return out;
}
