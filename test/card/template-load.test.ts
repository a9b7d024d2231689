// Card layouts are data a clinic edits: a broken one is an error naming the file and line.
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CardError } from '../../src/card/errors.ts';
import { validateFields } from '../../src/card/template/fields.ts';
import { loadCardTemplates, templateNamed } from '../../src/card/template/load.ts';
import { findPrices } from '../../src/card/template/prices.ts';
import { DEFAULT_CARD_TEMPLATES_DIR } from '../../src/card/render.ts';

async function layoutsWith(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'siyu-layouts-'));
  await mkdir(path.join(dir, 'cards', 'layouts'), { recursive: true });
  for (const [name, text] of Object.entries(files)) await writeFile(path.join(dir, 'cards', 'layouts', name), text);
  return dir;
}

const GOOD = `---
description: 测试
fields:
  title: { type: text, label: 标题 }
sizes:
  moments_square:
    safe: 40
    boxes:
      title: { width: 900, height: 200, size: [60, 40] }
---
<div style="display:flex">{{fields.title}}</div>
`;

async function problemsOf(files: Record<string, string>): Promise<string[]> {
  try {
    await loadCardTemplates(await layoutsWith(files));
  } catch (e) {
    expect(e).toBeInstanceOf(CardError);
    return (e as CardError).details;
  }
  throw new Error('expected the layouts to be refused');
}

describe('loading card layouts', () => {
  it('loads the shipped layouts', async () => {
    const t = await loadCardTemplates(DEFAULT_CARD_TEMPLATES_DIR);
    expect(t.has('knowledge_card')).toBe(true);
    for (const tpl of t.values()) expect(tpl.supportedSizes.length).toBeGreaterThan(0);
  });

  it('names the file and line of a bad declaration', async () => {
    const badType = GOOD.replace('type: text, label: 标题', 'type: txt, label: 标题');
    const badSize = GOOD.replace('size: [60, 40]', 'size: [30, 40]');
    const problems = (await problemsOf({ 'a.hbs': badType, 'b.hbs': badSize })).join('\n');
    expect(problems).toMatch(/templates\/cards\/layouts\/a\.hbs 第 4 行 fields\.title\.type：type 只能是/);
    expect(problems).toMatch(/b\.hbs 第 9 行 sizes\.moments_square\.boxes\.title\.size：最大字号不能小于最小字号/);
  });

  it('refuses a text field without a box, and a box without a field', async () => {
    const bad = GOOD.replace('title: { width', 'subtitle: { width');
    const text = (await problemsOf({ 'b.hbs': bad })).join('\n');
    expect(text).toMatch(/文字框 subtitle 没有对应的文字字段/);
    expect(text).toMatch(/缺少字段 title 的文字框/);
  });

  it('reports Handlebars syntax errors and missing front matter', async () => {
    const text = (await problemsOf({ 'c.hbs': GOOD.replace('{{fields.title}}', '{{#if fields.title}}'), 'd.hbs': '<div></div>' })).join('\n');
    expect(text).toMatch(/c\.hbs.*模板语法错误/);
    expect(text).toMatch(/d\.hbs：开头缺少/);
  });

  it('names an unknown template and lists the known ones', async () => {
    const t = await loadCardTemplates(await layoutsWith({ 'good.hbs': GOOD }));
    expect(() => templateNamed(t, 'nope')).toThrow(/没有名为 nope 的卡片模板/);
  });
});

describe('card data', () => {
  it('names missing, wrong-typed, too long and unknown fields', async () => {
    const t = templateNamed(await loadCardTemplates(DEFAULT_CARD_TEMPLATES_DIR), 'knowledge_card');
    try {
      validateFields(t, { points: ['一', 2], footer: 'x'.repeat(300), colour: 'red' });
      throw new Error('expected a CardError');
    } catch (e) {
      const text = (e as CardError).details.join('\n');
      expect(text).toMatch(/字段 title（标题）：缺少这个字段/);
      expect(text).toMatch(/字段 points\[1\]（要点）：每一条都必须是文字/);
      expect(text).toMatch(/字段 footer（页脚）：不能超过 60 个字/);
      expect(text).toMatch(/未知字段 colour/);
    }
    expect(() => validateFields(t, [])).toThrow(CardError);
    expect(validateFields(t, { title: ' 标题 ', points: ['a', 'b', 'c'] })).toEqual({ title: '标题', points: ['a', 'b', 'c'], footer: null });
  });

  it('finds prices in any text field', () => {
    expect(findPrices({ title: '周年庆 ¥2980', points: ['限时 8.8 折', '面诊评估'], footer: null })).toEqual(['字段 title：“¥2'.concat('”'), '字段 points[0]：“8.8 折”']);
    expect(findPrices({ title: '周年庆活动', points: ['所有项目需先面诊评估'] })).toEqual([]);
  });
});
