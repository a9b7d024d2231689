// `siyu check --jsonl`: one output line per input line, in order; bad lines become error lines
// naming the line and processing continues; huge texts do not crash it.
import { PassThrough, Readable } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadChecker, runJsonl, type Checker } from '../../src/check/index.ts';
import { clinic } from './helpers.ts';

let checker: Checker;
beforeAll(async () => {
  checker = await loadChecker();
});

async function run(input: string | string[], ctx = {}) {
  const output = new PassThrough();
  const chunks: Buffer[] = [];
  output.on('data', (c: Buffer) => chunks.push(c));
  const source = Readable.from(Array.isArray(input) ? input : [input]);
  const counts = await runJsonl(source, output, checker, ctx);
  output.end();
  const text = Buffer.concat(chunks).toString('utf8');
  expect(text.endsWith('\n')).toBe(true);
  return { counts, lines: text.trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>) };
}

describe('runJsonl', () => {
  it('writes verdict and findings for good lines, with the documented fields only', async () => {
    const input = [
      JSON.stringify({ id: 'a1', text: '热玛吉效果最好，无副作用' }),
      JSON.stringify({ id: 2, text: '秋冬换季，记得多喝水。' }),
      JSON.stringify({ id: 'a3', text: '' }),
    ].join('\n');
    const { counts, lines } = await run(`${input}\n`);
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatchObject({ id: 'a1', verdict: 'block' });
    const findings = lines[0]!.findings as Record<string, unknown>[];
    expect(findings.map((f) => f.match)).toEqual(['最好', '无副作用']);
    expect(Object.keys(findings[0]!).sort()).toEqual(['basis', 'category', 'end', 'match', 'rule', 'severity', 'start']);
    expect(lines[1]).toEqual({ id: 2, verdict: 'pass', findings: [] });
    expect(lines[2]).toEqual({ id: 'a3', line: 3, error: '第 3 行的 text 是空的，没有可检查的文字' });
    expect(counts).toEqual({ lines: 3, checked: 2, errors: 1, verdicts: { pass: 1, review: 0, block: 1 } });
  });

  it('answers bad lines with an error naming the line and keeps going', async () => {
    const input = [
      '{"id": "ok1", "text": "保证效果"}',
      '{not json',
      '{"text": "没有 id"}',
      '{"id": "t1", "text": 42}',
      '{"id": "t2"}',
      '["id", "text"]',
      '',
      '{"id": {"x": 1}, "text": "id 不对"}',
      '{"id": "ok2", "text": "最近天气很好"}',
    ].join('\r\n');
    const { counts, lines } = await run(input);
    expect(lines).toHaveLength(9);
    expect(lines.map((l) => l.id)).toEqual(['ok1', null, null, 't1', 't2', null, null, null, 'ok2']);
    expect(lines[0]).toMatchObject({ verdict: 'block' });
    expect(lines[8]).toMatchObject({ verdict: 'pass' });
    for (const n of [2, 3, 4, 5, 6, 7, 8]) {
      const l = lines[n - 1]!;
      expect(l.line).toBe(n);
      expect(l.error).toEqual(expect.stringContaining(`第 ${n} 行`));
      expect(l).not.toHaveProperty('verdict');
    }
    expect(lines[1]!.error).toContain('不是有效的 JSON');
    expect(lines[2]!.error).toContain('缺少 id');
    expect(lines[3]!.error).toContain('text 必须是文本');
    expect(lines[4]!.error).toContain('缺少 text');
    expect(counts).toMatchObject({ lines: 9, checked: 2, errors: 7 });
  });

  it('handles input split across chunks, a BOM and the brand context', async () => {
    const line = JSON.stringify({ id: 'p', text: '国庆特惠，光子嫩肤体验价 299 元' });
    const { lines } = await run(['\ufeff', line.slice(0, 10), `${line.slice(10)}\n`], { brand: clinic, contentType: 'promotion' });
    expect(lines).toEqual([expect.objectContaining({ id: 'p', verdict: 'block' })]);
  });

  it('checks a 1 MB text and points into it correctly', async () => {
    const filler = '今天天气不错，适合出门走走。'.repeat(80_000); // > 1 MB of UTF-16
    const text = `${filler}😀无副作用`;
    expect(text.length).toBeGreaterThan(1_000_000);
    const { lines } = await run(`${JSON.stringify({ id: 'big', text })}\n`);
    expect(lines[0]).toMatchObject({ id: 'big', verdict: 'block' });
    const [f] = lines[0]!.findings as { start: number; end: number; match: string }[];
    expect(f).toEqual(expect.objectContaining({ match: '无副作用', start: text.length - 4, end: text.length }));
  });

  // Thousands of findings in one endless "sentence": each finding once read its whole sentence,
  // and searched the rest of the text for quotation marks (debunk.ts); a check of these took 100
  // to 160 s. Sentences are now bounded and quotes looked for inside them.
  it.each([
    ['comma-separated claims', '姐妹们一定要来试试，效果能好十八岁，最好的医生，马上预约，', 'block'],
    ['prices', '只要99元，立减100元，', 'review'],
    ['spaced-out claims', '最 好 的 医 生 ', 'block'],
  ] as const)('checks 1 MB of %s without a sentence mark', async (_, unit, verdict) => {
    const text = unit.repeat(Math.ceil(1_000_000 / unit.length));
    const { lines } = await run(`${JSON.stringify({ id: 'endless', text })}\n`);
    expect(lines[0]).toMatchObject({ id: 'endless', verdict });
    expect((lines[0]!.findings as unknown[]).length).toBeGreaterThan(30_000);
  }, 30_000);
});
