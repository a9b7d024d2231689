// `siyu check --jsonl`: a stable, line-oriented interface for other tools. Exactly one output line
// per input line, in order, so callers can zip input and output. A bad line yields an error line
// and processing continues; only a failing output stream stops the run.
//
// in:  {"id": "a1", "text": "…"}
// out: {"id": "a1", "verdict": "block", "findings": [{"rule","category","severity","start","end","match","basis"}]}
// bad: {"id": "a1" | null, "line": 3, "error": "第 3 行……"}
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import type { Verdict } from '../domain/types.ts';
import type { CheckContext, Checker } from './types.ts';

export interface JsonlCounts {
  /** Input lines read (blank lines included: they get an error line too). */
  lines: number;
  /** Lines checked successfully. */
  checked: number;
  /** Lines answered with an error line. */
  errors: number;
  verdicts: Record<Verdict, number>;
}

type Id = string | number;
type Parsed = { ok: true; id: Id; text: string } | { ok: false; id: Id | null; error: string };

const isId = (v: unknown): v is Id => typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v));

function parseLine(raw: string, n: number): Parsed {
  if (raw.trim() === '') return { ok: false, id: null, error: `第 ${n} 行是空行，应为 JSON 对象 {"id": …, "text": …}` };
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return { ok: false, id: null, error: `第 ${n} 行不是有效的 JSON` };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, id: null, error: `第 ${n} 行应为 JSON 对象 {"id": …, "text": …}` };
  }
  const { id, text } = value as Record<string, unknown>;
  if (id === undefined) return { ok: false, id: null, error: `第 ${n} 行缺少 id` };
  if (!isId(id)) return { ok: false, id: null, error: `第 ${n} 行的 id 必须是文本或数字` };
  if (text === undefined) return { ok: false, id, error: `第 ${n} 行缺少 text` };
  if (typeof text !== 'string') return { ok: false, id, error: `第 ${n} 行的 text 必须是文本` };
  if (text.trim() === '') return { ok: false, id, error: `第 ${n} 行的 text 是空的，没有可检查的文字` };
  return { ok: true, id, text };
}

async function writeLine(output: NodeJS.WritableStream, value: unknown): Promise<void> {
  // Respect back-pressure: huge results for 1 MB texts must not pile up in memory.
  if (!output.write(`${JSON.stringify(value)}\n`)) await once(output, 'drain');
}

export async function runJsonl(
  input: NodeJS.ReadableStream,
  output: NodeJS.WritableStream,
  checker: Checker,
  ctx?: CheckContext,
): Promise<JsonlCounts> {
  const counts: JsonlCounts = { lines: 0, checked: 0, errors: 0, verdicts: { pass: 0, review: 0, block: 0 } };
  const lines = createInterface({ input, crlfDelay: Infinity });
  for await (let raw of lines) {
    const n = ++counts.lines;
    if (n === 1 && raw.charCodeAt(0) === 0xfeff) raw = raw.slice(1); // UTF-8 BOM from Windows editors
    const parsed = parseLine(raw, n);
    if (!parsed.ok) {
      counts.errors++;
      await writeLine(output, { id: parsed.id, line: n, error: parsed.error });
      continue;
    }
    let result;
    try {
      result = checker.check(parsed.text, ctx);
    } catch (e) {
      // A checker bug on one text must not lose the answers for the rest of the stream.
      counts.errors++;
      await writeLine(output, { id: parsed.id, line: n, error: `第 ${n} 行检查失败（内部错误：${(e as Error).message}）` });
      continue;
    }
    counts.checked++;
    counts.verdicts[result.verdict]++;
    await writeLine(output, {
      id: parsed.id,
      verdict: result.verdict,
      findings: result.findings.map(({ rule, category, severity, start, end, match, basis }) => ({
        rule,
        category,
        severity,
        start,
        end,
        match,
        basis,
      })),
    });
  }
  return counts;
}
