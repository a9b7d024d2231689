// The prompt files: loaded and validated at start-up, errors naming the file; rendering carries the
// persona, the segment, the service facts and the compliance limits that apply to this brand.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadCardTemplates } from '../../src/card/template/load.ts';
import { DEFAULT_CARD_TEMPLATES_DIR } from '../../src/draft/card-images.ts';
import { cardPrompt } from '../../src/draft/card-layout.ts';
import { cardTemplateFor, DEFAULT_PROMPTS_DIR, loadPrompts, promptView } from '../../src/draft/prompts.ts';
import { SiyuError } from '../../src/shared/errors.ts';
import { context, persona, workspace } from './llm-fixture.ts';

const layouts = await loadCardTemplates(DEFAULT_CARD_TEMPLATES_DIR);
const copies: string[] = [];
afterEach(() => {
  for (const dir of copies.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A scratch copy of prompts/ with one file changed. */
function brokenCopy(file: string, change: (source: string) => string | undefined): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'siyu-prompts-'));
  copies.push(dir);
  cpSync(DEFAULT_PROMPTS_DIR, dir, { recursive: true });
  const full = path.join(dir, file);
  const next = change(readFileSync(full, 'utf8'));
  if (next === undefined) rmSync(full);
  else writeFileSync(full, next);
  return dir;
}

function loadError(dir: string): SiyuError {
  try {
    loadPrompts(dir);
  } catch (e) {
    if (e instanceof SiyuError) return e;
    throw e;
  }
  throw new Error('expected loadPrompts to throw');
}

describe('loadPrompts', () => {
  const prompts = loadPrompts();

  it('renders the persona, audience, facts and compliance limits', () => {
    const { system, user } = prompts.render('moments', promptView(context('moments', 'product'), prompts.vocabulary));
    expect(system).toContain(`${persona.role}${persona.name}，从业 ${persona.yearsOfPractice} 年`);
    expect(system).toContain(persona.voice.join('；'));
    expect(system).toContain(persona.signOffs[0]);
    expect(system).toContain('每条最多 2 个');
    expect(system).toContain('新客（刚加好友不久');
    expect(system).toContain('不写任何价格');
    expect(system).toContain('前后对比');
    expect(system).not.toContain('&'); // not HTML-escaped
    expect(user).toContain('操作时间约 40 分钟');
    expect(`${system}\n${user}`).not.toMatch(/\{\{|\}\}/);
  });

  it('follows the brand and the persona: certificate, no emoji, prescription, non-medical', () => {
    const ctx = context('moments', 'promotion', {
      workspace: { ...workspace, brand: { ...workspace.brand, adReviewCertificate: '沪医广〔2025〕第 1 号', isMedicalInstitution: false } },
      persona: { ...persona, emoji: { allowed: false, maxPerPost: 0, favourites: [] } },
      service: { ...context().service!, prescription: true },
    });
    const { system, user } = prompts.render('moments', promptView(ctx, prompts.vocabulary));
    expect(system).toContain('沪医广〔2025〕第 1 号');
    expect(system).not.toContain('不写任何价格');
    expect(system).toContain('你从不使用表情符号');
    expect(system).toContain('不是医疗机构');
    expect(user).toContain('不写任何药品、产品的名称');
  });

  it("asks for card fields only for cards, each card for its layout's fields", () => {
    const cardView = (contentType: 'knowledge' | 'interaction' | 'lifestyle') => {
      const ctx = context('card', contentType);
      return prompts.render('card', promptView(ctx, prompts.vocabulary, cardPrompt(layouts.get(cardTemplateFor(ctx))!))).system;
    };
    const moments = prompts.render('moments', promptView(context('moments', 'knowledge'), prompts.vocabulary)).system;
    const tips = cardView('knowledge');
    const poll = cardView('interaction');
    const quote = cardView('lifestyle');
    expect(moments).not.toContain('"card"');
    expect(tips).toContain('points（要点）：必填；写成列表，3 到 5 条，每条不超过 120 字');
    expect(tips).toContain('"points": ["要点一", "要点二", "要点三"]');
    expect(tips).not.toContain('"options"');
    expect(poll).toContain('options（选项）：必填；写成列表，2 到 5 条，每条不超过 40 字');
    expect(poll).toContain('"options": ["选项一", "选项二"]');
    expect(quote).toContain('quote（语录）：必填；不超过 200 字');
    expect(quote).not.toContain('"name"');
    for (const s of [tips, poll, quote]) {
      expect(s).not.toMatch(/\{\{|\}\}\}|undefined|null/);
      // The example output is JSON.
      const example = /^\{"text".*\}$/m.exec(s)?.[0];
      expect(() => JSON.parse(example ?? '')).not.toThrow();
    }
  });

  it("needs the layout's fields for a card", () => {
    expect(() => promptView(context('card', 'knowledge'), prompts.vocabulary)).toThrow(/版式/);
  });

  it('rejects a misspelt card field in card.yaml, naming the file', () => {
    const dir = brokenCopy('card.yaml', (s) => s.replace('{{maxLength}}', '{{maxLenght}}'));
    expect(loadError(dir).details).toEqual(['card.yaml system：模板第 14 行引用了不存在的字段 “maxLenght”']);
  });

  it('rejects a template that does not compile, naming the file', () => {
    const dir = brokenCopy('card.yaml', (s) => s.replace('{{> compliance}}', '{{#if brand.name}}{{> compliance}}'));
    const err = loadError(dir);
    expect(err.message).toContain(dir);
    expect(err.details).toHaveLength(1);
    expect(err.details[0]).toMatch(/^card\.yaml system：模板语法错误/);
  });

  it('rejects a missing file', () => {
    expect(loadError(brokenCopy('retry.hbs', () => undefined)).details).toEqual(['retry.hbs：文件不存在']);
  });

  it('rejects a kind file without its user template', () => {
    const dir = brokenCopy('group_topic.yaml', (s) => s.slice(0, s.indexOf('user:')));
    expect(loadError(dir).details).toEqual(['group_topic.yaml user：缺失或不是文本']);
  });

  it('rejects a reference to a partial that does not exist', () => {
    const dir = brokenCopy('moments.yaml', (s) => s.replace('{{> audience}}', '{{> audiance}}'));
    expect(loadError(dir).details).toEqual(['moments.yaml system：引用了不存在的片段 “audiance”（应为 partials/audiance.hbs）']);
  });

  it('blames a misspelt field on the partial that has it', () => {
    const dir = brokenCopy('partials/persona.hbs', (s) => s.replace('{{persona.name}}', '{{persona.nmae}}'));
    expect(loadError(dir).details).toEqual(['partials/persona.hbs：模板第 1 行引用了不存在的字段 “nmae”']);
  });

  it('rejects a vocabulary without a content type', () => {
    const dir = brokenCopy('vocabulary.yaml', (s) => s.replace(/ {2}lifestyle:\n.*\n.*\n/, ''));
    const details = loadError(dir).details;
    expect(details).toHaveLength(1);
    expect(details[0]).toMatch(/^vocabulary\.yaml contentTypes\.lifestyle：/);
  });

  it('rejects YAML that does not parse', () => {
    const dir = brokenCopy('moments.yaml', (s) => `system: [unclosed\n${s}`);
    expect(loadError(dir).details[0]).toMatch(/^moments\.yaml：YAML 格式错误/);
  });
});
