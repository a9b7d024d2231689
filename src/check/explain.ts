// A plain-text report for a person (editor or compliance reviewer): the text with every finding
// marked 【…】 (or another bracket pair the text does not use) and numbered, then one block per
// finding with the rule, severity, law, reason and fix.
import { SEVERITY_LABELS, VERDICT_LABELS, type CheckResult, type Finding, type Severity } from '../domain/types.ts';

export { SEVERITY_LABELS, VERDICT_LABELS };

export interface ExplainOptions {
  /** Category id → Chinese title (Checker.categories). Without it only the id is shown. */
  categories?: Readonly<Record<string, string>>;
}

/** ①…⑳, then (21), (22)… */
export function marker(n: number): string {
  return n >= 1 && n <= 20 ? String.fromCharCode(0x2460 + n - 1) : `(${n})`;
}

/** Bracket pairs for marking, in order of preference: the first one the text does not use itself,
 *  so a marked 【年终福利】 post never shows brackets a reader cannot tell apart. */
const MARKS: readonly (readonly [string, string])[] = [
  ['【', '】'],
  ['〖', '〗'],
  ['〔', '〕'],
  ['⟦', '⟧'],
];

function marksFor(text: string): readonly [string, string] {
  return MARKS.find(([open, close]) => !text.includes(open) && !text.includes(close)) ?? MARKS[0]!;
}

/** Findings that overlap are marked as one bracket followed by all their numbers. */
function markText(text: string, findings: readonly Finding[]): string {
  const [open, close] = marksFor(text);
  const order = findings.map((f, i) => ({ f, n: i + 1 })).sort((a, b) => a.f.start - b.f.start || a.n - b.n);
  let out = '';
  let pos = 0;
  let i = 0;
  while (i < order.length) {
    const first = order[i]!;
    let end = first.f.end;
    const numbers = [first.n];
    for (i++; i < order.length && order[i]!.f.start < end; i++) {
      end = Math.max(end, order[i]!.f.end);
      numbers.push(order[i]!.n);
    }
    const start = Math.max(first.f.start, pos);
    out += `${text.slice(pos, start)}${open}${text.slice(start, end)}${close}${numbers.sort((a, b) => a - b).map(marker).join('')}`;
    pos = Math.max(pos, end);
  }
  return out + text.slice(pos);
}

const codePoints = (s: string): number => {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0xdc00 || c > 0xdfff) n++; // a low surrogate belongs to the character before it
  }
  return n;
};

/** Line and column (in characters as a person counts them, so an emoji is one) of offsets asked
 *  in increasing order. Each answer continues from the previous one, so a huge single-line text
 *  with many findings costs one pass, not one pass per finding. */
function positions(text: string) {
  const lineStarts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  let line = 0;
  let at = 0;
  let column = 1;
  return (offset: number): { line: number; column: number } => {
    if (offset < at) {
      line = 0;
      at = 0;
      column = 1;
    }
    while (line + 1 < lineStarts.length && lineStarts[line + 1]! <= offset) {
      line++;
      at = lineStarts[line]!;
      column = 1;
    }
    column += codePoints(text.slice(at, offset));
    at = offset;
    return { line: line + 1, column };
  };
}

function summary(result: CheckResult): string {
  const count = (s: Severity) => result.findings.filter((f) => f.severity === s).length;
  const parts = (['block', 'review', 'warn'] as const).filter((s) => count(s) > 0).map((s) => `${count(s)} 处${SEVERITY_LABELS[s]}`);
  const tally = parts.length > 0 ? `（${parts.join('，')}）` : '';
  return `合规检查：${VERDICT_LABELS[result.verdict]}${tally} · 规则包 ${result.rulePackVersion}`;
}

/** The marked text and one block per finding, without a verdict line (for callers that print
 *  the verdict themselves, e.g. `siyu show`). */
export function explainFindings(text: string, findings: readonly Finding[], opts: ExplainOptions = {}): string {
  if (findings.length === 0) return '未发现需要处理的内容。';
  const lines = ['标注原文：', markText(text, findings), ''];
  const positionOf = positions(text);
  findings.forEach((f, i) => {
    const title = opts.categories?.[f.category];
    const { line, column } = positionOf(f.start);
    lines.push(
      `${marker(i + 1)} ${SEVERITY_LABELS[f.severity]} · ${f.category}${title ? ` ${title}` : ''} · 规则 ${f.rule}`,
      `   原文：“${f.match}”（第 ${line} 行第 ${column} 字）`,
      `   依据：${f.basis}`,
      `   说明：${f.explanation ?? '—'}`,
      `   建议：${f.suggestion ?? '—'}`,
      ...(f.replacement === undefined ? [] : [`   改法：${f.replacement ? `把“${f.match}”改为“${f.replacement}”` : `删除“${f.match}”`}（仅为建议，需编辑确认）`]),
      '',
    );
  });
  return lines.join('\n').trimEnd();
}

/** The full report: verdict line, then explainFindings. */
export function renderExplanation(text: string, result: CheckResult, opts: ExplainOptions = {}): string {
  return `${summary(result)}\n\n${explainFindings(text, result.findings, opts)}`;
}
