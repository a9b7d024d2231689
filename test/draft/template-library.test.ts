// A clinic edits the templates folder by hand, so a broken template must be reported at load with
// its file and line, and a template that misbehaves at render time must not crash a drafting run.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Slot } from '../../src/domain/types.ts';
import type { DraftContext } from '../../src/draft/drafter.ts';
import { TemplateDrafter } from '../../src/draft/template-drafter.ts';
import { SiyuError } from '../../src/shared/errors.ts';
import { loadWorkspace } from '../../src/workspace/load.ts';

const ws = await loadWorkspace('examples/workspace');
const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

/** A templates folder made of the given files (relative path → content). */
async function templates(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'siyu-tpl-'));
  dirs.push(dir);
  for (const [rel, content] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, rel)), { recursive: true });
    await writeFile(path.join(dir, rel), content);
  }
  return dir;
}

/** The details of the SiyuError that loading `dir` must throw. */
async function loadErrors(dir: string): Promise<string[]> {
  const err = await TemplateDrafter.load(dir).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(SiyuError);
  expect((err as SiyuError).message).toContain('模板');
  return (err as SiyuError).details;
}

function ctx(contentType: Slot['contentType'] = 'knowledge', kind: Slot['kind'] = 'moments'): DraftContext {
  const persona = ws.personas[0]!;
  const segment = ws.segments.find((s) => s.id === persona.segments[0])!;
  return {
    workspace: ws,
    persona,
    segment,
    service: ws.services.find((s) => s.id === 'ipl')!,
    slot: { key: 'k1', kind, contentType, personaId: persona.id, segmentId: segment.id, date: '2026-12-01', time: '08:30', at: '2026-12-01T00:30:00Z', topic: 'ipl' },
  };
}

const OK = '{{service.name}}的小知识\n{{signoff}}\n';

describe('loading a templates folder', () => {
  it('a missing folder is a clear error', async () => {
    await expect(TemplateDrafter.load(path.join(os.tmpdir(), 'siyu-no-such-templates'))).rejects.toThrow(/模板文件夹 .* 不存在/);
  });

  it('an unclosed block names the file and the line where the block opens', async () => {
    const dir = await templates({ 'moments/knowledge/01.hbs': '第一行\n{{#if service}}\n第三行\n{{#each service.facts}}{{this}}{{/each}}\n第五行\n' });
    expect(await loadErrors(dir)).toEqual(['moments/knowledge/01.hbs 第 2 行：模板语法错误：{{#if}} 没有对应的 {{/if}}']);
  });

  it('an unclosed mustache names its line', async () => {
    const dir = await templates({ 'moments/knowledge/01.hbs': '第一行\n{{service.name\n第三行\n' });
    expect(await loadErrors(dir)).toEqual(['moments/knowledge/01.hbs 第 2 行：模板语法错误：“{{” 没有对应的 “}}”']);
  });

  it('an unknown helper names the helper and its line', async () => {
    const dir = await templates({ 'group_topic/check_in/a.hbs': '【打卡】\n今天\n{{shout service.name}}\n' });
    expect(await loadErrors(dir)).toEqual([expect.stringMatching(/^group_topic\/check_in\/a\.hbs 第 3 行：使用了未知的模板函数 “shout”/)]);
  });

  it('a missing partial names the partial and its line', async () => {
    const dir = await templates({ 'moments/lifestyle/a.hbs': '{{theme}}\n{{> nope}}\n' });
    expect(await loadErrors(dir)).toEqual(['moments/lifestyle/a.hbs 第 2 行：引用了不存在的片段 “nope”（片段放在 partials/ 文件夹，文件名即片段名）']);
  });

  it('a broken partial is reported too', async () => {
    const dir = await templates({ 'partials/bye.hbs': '{{#each x}}\n', 'moments/lifestyle/a.hbs': '{{> bye}}\n' });
    const details = await loadErrors(dir);
    expect(details.some((d) => d.startsWith('partials/bye.hbs'))).toBe(true);
  });

  it('unknown folder names are reported with the allowed names', async () => {
    const dir = await templates({ 'moments/knowlege/a.hbs': OK, 'group_topic/quiz/a.hbs': OK, 'layouts/a.hbs': OK });
    const details = await loadErrors(dir);
    expect(details).toContainEqual(expect.stringMatching(/^moments\/knowlege：不认识的文件夹名（可用：knowledge、/));
    expect(details).toContainEqual(expect.stringMatching(/^group_topic\/quiz：不认识的文件夹名（可用：daily_question、/));
    expect(details).toContainEqual(expect.stringMatching(/^layouts：不认识的文件夹/));
  });

  it('every problem is listed, not only the first', async () => {
    const dir = await templates({ 'moments/knowledge/a.hbs': '{{#if x}}\n', 'moments/product/b.hbs': '{{nope 1}}\n' });
    const details = await loadErrors(dir);
    expect(details.map((d) => d.split(' ')[0])).toEqual(['moments/knowledge/a.hbs', 'moments/product/b.hbs']);
  });

  it('ignores README files and hidden files', async () => {
    const dir = await templates({ 'README.md': '# 说明', 'moments/README.md': '说明', 'moments/knowledge/.draft.hbs': '{{#if', 'moments/knowledge/a.hbs': OK });
    const drafter = await TemplateDrafter.load(dir);
    expect(drafter.library.moments.knowledge).toHaveLength(1);
  });
});

describe('loading card templates', () => {
  const card = (points: string) => `# 说明
variants:
  - title: "{{service.name}}"
    points: |-
${points}
    footer: "{{persona.name}}"
`;

  it('a template error inside a block field names the line of the file', async () => {
    // Line 5 is the first template line of `points`, line 6 the second: the broken one.
    const dir = await templates({ 'cards/k.yaml': card('      第一条\n      {{#each service.facts}}\n      第三条') });
    expect(await loadErrors(dir)).toEqual(['cards/k.yaml 第 6 行：模板语法错误：{{#each}} 没有对应的 {{/each}}']);
    const unknown = await templates({ 'cards/k.yaml': card('      第一条\n      {{shout service.name}}') });
    expect(await loadErrors(unknown)).toEqual([expect.stringMatching(/^cards\/k\.yaml 第 6 行：使用了未知的模板函数 “shout”/)]);
  });

  it('a template error in a one-line field names that line', async () => {
    const dir = await templates({ 'cards/k.yaml': 'variants:\n  - title: "标题"\n    footer: "{{shout persona.name}}"\n' });
    expect(await loadErrors(dir)).toEqual([expect.stringMatching(/^cards\/k\.yaml 第 3 行：使用了未知的模板函数/)]);
  });

  it('YAML errors and missing fields name the line', async () => {
    const syntax = await templates({ 'cards/k.yaml': 'variants:\n  - title: "标题\n    footer: x\n' });
    expect((await loadErrors(syntax))[0]).toMatch(/^cards\/k\.yaml 第 [2-4] 行：YAML 格式错误/);
    const missing = await templates({ 'cards/k.yaml': 'variants:\n  - footer: "x"\n  - title: "y"\n' });
    expect(await loadErrors(missing)).toEqual(['cards/k.yaml 第 2 行：variants.0.title：缺少卡片标题 title']);
    const unknownField = await templates({ 'cards/k.yaml': 'variants:\n  - title: "y"\n    subtitel: "z"\n' });
    expect((await loadErrors(unknownField))[0]).toMatch(/^cards\/k\.yaml 第 2 行/);
  });
});

describe('drafting with misbehaving templates', () => {
  it('falls back to another variant when one fails at render time, and names the file when all do', async () => {
    const dir = await templates({
      'moments/knowledge/a.hbs': '{{servce.name}}\n{{signoff}}\n',
      'moments/knowledge/b.hbs': OK,
      'moments/product/only.hbs': '{{service.nmae}}\n',
    });
    const drafter = await TemplateDrafter.load(dir);
    // Two consecutive days start the rotation at different variants, so one of them starts at a.
    for (const date of ['2026-12-01', '2026-12-02']) {
      const c = ctx('knowledge');
      const r = await drafter.draft({ ...c, slot: { ...c.slot, date } });
      expect(r).toMatchObject({ ok: true, text: expect.stringContaining('强脉冲光治疗（光子）的小知识') });
    }
    const bad = await drafter.draft(ctx('product'));
    expect(bad).toEqual({ ok: false, reason: '模板 moments/product/only.hbs 渲染失败：第 1 行的 {{service.nmae}} 找不到字段 “nmae”（名称写错了吗？见 templates/README.md）' });
  });

  it('no template for a content type or group kind is a reason, not an exception', async () => {
    const drafter = await TemplateDrafter.load(await templates({ 'moments/knowledge/a.hbs': OK }));
    const r = await drafter.draft(ctx('lifestyle'));
    expect(r).toEqual({ ok: false, reason: expect.stringContaining('没有朋友圈（生活）的模板') });
  });

  it('text over the WeCom 2000-character limit is refused', async () => {
    const long = `{{service.name}}\n${'这是一段很长的说明文字。'.repeat(200)}\n{{signoff}}\n`;
    const drafter = await TemplateDrafter.load(await templates({ 'moments/knowledge/a.hbs': long }));
    const r = await drafter.draft(ctx('knowledge'));
    expect(r).toEqual({ ok: false, reason: expect.stringContaining('超过企业微信 2000 字上限') });
  });

  it('a template that renders no Chinese is refused', async () => {
    const drafter = await TemplateDrafter.load(await templates({ 'moments/knowledge/a.hbs': '{{#if theme}}x{{/if}}\n' }));
    const r = await drafter.draft(ctx('knowledge'));
    expect(r).toEqual({ ok: false, reason: expect.stringContaining('为空或没有中文') });
  });

  it('literal emoji in a template are removed for a persona without emoji', async () => {
    const drafter = await TemplateDrafter.load(await templates({ 'moments/knowledge/a.hbs': '🌸✨今天聊聊{{service.name}}👍🏻\n{{signoff}}\n' }));
    const zhoumin = ws.personas.find((p) => p.id === 'zhoumin')!;
    const r = await drafter.draft({ ...ctx('knowledge'), persona: zhoumin });
    expect(r).toMatchObject({ ok: true, text: expect.stringMatching(/^今天聊聊强脉冲光治疗（光子）\n/) });
  });
});
