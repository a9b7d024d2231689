// Template-mode drafting from the shipped templates and the example workspace: every content type,
// kind and card template drafts in the persona's voice, deterministically, compliantly by default.
import { describe, expect, it } from 'vitest';
import { CONTENT_TYPES, type ContentType, type DraftKind, type DraftOutcome, type Slot } from '../../src/domain/types.ts';
import type { DraftContext } from '../../src/draft/drafter.ts';
import { groupTopicKind, TemplateDrafter, variantOrder } from '../../src/draft/template-drafter.ts';
import { GROUP_TOPIC_KINDS } from '../../src/draft/template-library.ts';
import { charCount, countEmoji, limitEmoji, normaliseText, WECOM_TEXT_LIMIT } from '../../src/draft/template-text.ts';
import { loadWorkspace } from '../../src/workspace/load.ts';
import type { Persona, Workspace } from '../../src/workspace/schema.ts';

const ws: Workspace = await loadWorkspace('examples/workspace');
const drafter = await TemplateDrafter.load();

/** What compliant-by-default text must not contain (absolute terms, figures, guarantees, prices). */
const FORBIDDEN = /最|第一|首家|顶级|唯一|国家级|[0-9０-９]\s*[%％]|百分之|保证|永久|零风险|无副作用|不反弹|根治|前后对比|术前术后|原价|秒杀|折扣|¥|￥|院长|专家坐诊/;
const CHINESE = /\p{Script=Han}/u;

const persona = (id: string) => ws.personas.find((p) => p.id === id)!;
const segment = (id: string) => ws.segments.find((s) => s.id === id)!;
const service = (id: string) => ws.services.find((s) => s.id === id)!;

interface Spec {
  personaId?: string;
  segmentId?: string;
  kind?: DraftKind;
  contentType?: ContentType;
  date?: string;
  time?: string;
  topic?: string;
  serviceId?: string;
  theme?: string;
  campaignId?: string;
  groupId?: string;
  cardTemplate?: string;
  personaOverride?: Persona;
}

/** A hand-built slot and the context the draft stage would resolve for it. */
function ctx(spec: Spec = {}): DraftContext {
  const p = spec.personaOverride ?? persona(spec.personaId ?? 'xiaoyu');
  const segmentId = spec.segmentId ?? p.segments[0]!;
  const kind = spec.kind ?? 'moments';
  const contentType = spec.contentType ?? 'knowledge';
  const date = spec.date ?? '2026-12-01';
  const time = spec.time ?? '08:30';
  const slot: Slot = {
    key: `${date}|${p.id}|${segmentId}|${kind}|${contentType}|${time}`,
    kind,
    contentType,
    personaId: p.id,
    segmentId,
    date,
    time,
    at: `${date}T00:30:00.000Z`,
    topic: spec.topic ?? spec.serviceId ?? spec.theme ?? spec.campaignId ?? '',
    ...(spec.groupId ? { groupId: spec.groupId } : {}),
    ...(spec.campaignId ? { campaignId: spec.campaignId } : {}),
    ...(spec.cardTemplate ? { cardTemplate: spec.cardTemplate } : {}),
  };
  return {
    workspace: ws,
    slot,
    persona: p,
    segment: segment(segmentId),
    ...(spec.serviceId ? { service: service(spec.serviceId) } : {}),
    ...(spec.theme ? { theme: spec.theme } : {}),
    ...(spec.campaignId ? { campaign: ws.campaigns.find((c) => c.id === spec.campaignId)! } : {}),
    ...(spec.groupId ? { group: ws.policy.groups.find((g) => g.id === spec.groupId)! } : {}),
  };
}

/** The natural slot of each content type: a service for most, a campaign for promotion, a theme for lifestyle. */
function typical(contentType: ContentType, personaId: string, extra: Spec = {}): Spec {
  const p = persona(personaId);
  const seg = segment(p.segments[0]!);
  const svc = seg.services.find((id) => !service(id).prescription)!;
  const base: Spec = { personaId, contentType, ...extra };
  if (contentType === 'lifestyle') return { ...base, theme: p.lifestyleThemes[0]! };
  if (contentType === 'promotion') return { ...base, campaignId: 'qixi-2026', serviceId: svc };
  return { ...base, serviceId: svc };
}

function expectOk(r: DraftOutcome): asserts r is Extract<DraftOutcome, { ok: true }> {
  if (!r.ok) throw new Error(`起草失败：${r.reason}`);
}

function expectGoodText(text: string, p: Persona) {
  expect(text.length).toBeGreaterThan(10);
  expect(text).toMatch(CHINESE);
  expect(text).not.toMatch(FORBIDDEN);
  expect(text).not.toMatch(/\{\{|\}\}|undefined|null|\[object/);
  expect(charCount(text)).toBeLessThanOrEqual(WECOM_TEXT_LIMIT);
  expect(text).toBe(text.trim());
  expect(text).not.toMatch(/\n{3,}/);
  for (const banned of p.bannedPhrases) expect(text).not.toContain(banned);
}

const signedOff = (text: string, p: Persona) => p.signOffs.some((s) => text.includes(s));
const DAYS = ['2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04', '2026-12-05', '2026-12-06', '2026-12-07'];

describe('TemplateDrafter: Moments', () => {
  it('is the template mode', () => {
    expect(drafter.mode).toBe('template');
  });

  for (const p of ws.personas) {
    for (const type of CONTENT_TYPES) {
      it(`${p.name} · ${type}: Chinese, signed off, compliant, deterministic — on every day of a week`, async () => {
        for (const date of DAYS) {
          const c = ctx(typical(type, p.id, { date }));
          const r = await drafter.draft(c);
          expectOk(r);
          expect(r.source).toBe('template');
          expect(r.card).toBeUndefined();
          expectGoodText(r.text, p);
          expect(signedOff(r.text, p), r.text).toBe(true);
          if (!p.emoji.allowed) expect(countEmoji(r.text)).toBe(0);
          else expect(countEmoji(r.text)).toBeLessThanOrEqual(p.emoji.maxPerPost);
          const again = await drafter.draft(ctx(typical(type, p.id, { date })));
          expect(again).toEqual(r);
        }
      });
    }
  }

  it('a week of posts of one type in one lane uses every variant', async () => {
    for (const type of CONTENT_TYPES) {
      const n = drafter.library.moments[type]!.length;
      expect(n, type).toBeGreaterThanOrEqual(3);
      const texts = new Set<string>();
      for (const date of DAYS) {
        const r = await drafter.draft(ctx(typical(type, 'xiaoyu', { date })));
        expectOk(r);
        texts.add(r.text);
      }
      expect(texts.size, type).toBeGreaterThanOrEqual(Math.min(n, DAYS.length));
    }
  });

  it('consecutive days of a lane start at consecutive variants', () => {
    const slot = ctx({ date: '2026-12-01' }).slot;
    const next = ctx({ date: '2026-12-02' }).slot;
    expect(variantOrder(next, 4)[0]).toBe((variantOrder(slot, 4)[0]! + 1) % 4);
    expect([...variantOrder(slot, 4)].sort()).toEqual([0, 1, 2, 3]);
  });

  it('is deterministic across drafter instances', async () => {
    const other = await TemplateDrafter.load();
    const c = ctx(typical('knowledge', 'chenyiming'));
    expect(await other.draft(c)).toEqual(await drafter.draft(c));
  });

  it('adapts to the segment: new, silent and gold customers read differently', async () => {
    const texts = new Map<string, string>();
    for (const segmentId of ['new-customers', 'silent-customers', 'gold-members', 'skin-care']) {
      const p = ws.personas.find((x) => x.segments.includes(segmentId))!;
      // The knowledge checklist variant carries the segment hook; find a date that uses it.
      let text = '';
      for (const date of DAYS) {
        const r = await drafter.draft(ctx({ personaId: p.id, segmentId, contentType: 'knowledge', serviceId: 'ipl', date }));
        expectOk(r);
        if (r.text.includes('1. ')) {
          text = r.text;
          break;
        }
      }
      texts.set(segmentId, text);
    }
    expect(texts.get('new-customers')).toMatch(/刚加上微信|新认识|刚刚认识/);
    expect(texts.get('silent-customers')).toMatch(/好久没|有段时间没聊|这阵子/);
    expect(texts.get('gold-members')).toMatch(/金卡会员/);
    expect(texts.get('skin-care')).not.toMatch(/金卡会员|好久没|刚加上微信/);
  });

  it('uses only the facts of the service it is about', async () => {
    const r = await drafter.draft(ctx({ personaId: 'chenyiming', contentType: 'product', serviceId: 'clear-aligners' }));
    expectOk(r);
    expect(r.text).toContain('隐形矫治');
    const otherFacts = ws.services.filter((s) => s.id !== 'clear-aligners').flatMap((s) => s.facts);
    for (const f of otherFacts) expect(r.text).not.toContain(f);
    expect(service('clear-aligners').facts.some((f) => r.text.includes(f))).toBe(true);
  });

  it('promotion names the institution and carries the certificate once the clinic has one', async () => {
    const spec = typical('promotion', 'xiaoyu');
    const r = await drafter.draft(ctx(spec));
    expectOk(r);
    expect(r.text).toContain(ws.brand.name);
    expect(r.text).not.toContain('审查证明文号');
    const certified = { ...ws, brand: { ...ws.brand, adReviewCertificate: '浙医广【2027】第 0001 号' } };
    const c = { ...ctx(spec), workspace: certified };
    const r2 = await drafter.draft(c);
    expectOk(r2);
    expect(r2.text).toContain('医疗广告审查证明文号：浙医广【2027】第 0001 号');
  });

  it('word-of-mouth shares customer feedback (the checker will hold it for review)', async () => {
    const r = await drafter.draft(ctx(typical('word_of_mouth', 'xiaoyu')));
    expectOk(r);
    expect(r.text).toMatch(/顾客|留言/);
    expect(r.text).toMatch(/“.+”/);
  });
});

describe('TemplateDrafter: emoji policy', () => {
  it('the persona without emoji gets none, even from templates', async () => {
    for (const type of CONTENT_TYPES) {
      for (const kind of ['moments', 'group_topic', 'card'] as const) {
        const r = await drafter.draft(
          ctx(typical(type, 'zhoumin', { kind, groupId: 'member-welfare', ...(kind === 'card' ? { cardTemplate: ws.policy.cards[type] ?? 'knowledge_card' } : {}) })),
        );
        expectOk(r);
        expect(countEmoji(r.text), `${kind}/${type}: ${r.text}`).toBe(0);
      }
    }
  });

  it('switching emoji off removes exactly the emoji and nothing else', async () => {
    const xiaoyu = persona('xiaoyu');
    const off: Persona = { ...xiaoyu, emoji: { ...xiaoyu.emoji, allowed: false } };
    let withEmoji = 0;
    for (const type of CONTENT_TYPES) {
      for (const date of DAYS.slice(0, 3)) {
        const on = await drafter.draft(ctx(typical(type, 'xiaoyu', { date })));
        const plain = await drafter.draft(ctx({ ...typical(type, 'xiaoyu', { date }), personaOverride: off }));
        expectOk(on);
        expectOk(plain);
        withEmoji += countEmoji(on.text);
        expect(countEmoji(plain.text)).toBe(0);
        expect(plain.text).toBe(normaliseText(limitEmoji(on.text, 0)));
      }
    }
    expect(withEmoji).toBeGreaterThan(0);
  });

  it('caps emoji at maxPerPost', async () => {
    const chen = persona('chenyiming');
    const one: Persona = { ...chen, emoji: { ...chen.emoji, maxPerPost: 1 } };
    for (const type of CONTENT_TYPES) {
      const r = await drafter.draft(ctx({ ...typical(type, 'chenyiming'), personaOverride: one }));
      expectOk(r);
      expect(countEmoji(r.text)).toBeLessThanOrEqual(1);
    }
  });
});

describe('TemplateDrafter: group topics', () => {
  const groupsByPersona = (id: string) => ws.policy.groups.filter((g) => g.ownerPersona === id);

  it('maps content types to group-post kinds, honouring the daily-question switch and explicit kinds', () => {
    const g = (id: string) => ws.policy.groups.find((x) => x.id === id)!;
    const slot = (contentType: ContentType, topic = '') => ({ ...ctx({ contentType }).slot, kind: 'group_topic' as const, topic });
    expect(groupTopicKind(slot('interaction'), g('skin-school'))).toBe('daily_question');
    expect(groupTopicKind(slot('interaction'), g('newbie'))).toBe('discussion');
    expect(groupTopicKind(slot('knowledge'), g('newbie'))).toBe('discussion');
    expect(groupTopicKind(slot('product'), g('newbie'))).toBe('expert_qa');
    expect(groupTopicKind(slot('promotion'), g('member-welfare'))).toBe('welfare');
    expect(groupTopicKind(slot('word_of_mouth'), g('newbie'))).toBe('story_share');
    expect(groupTopicKind(slot('lifestyle'), g('newbie'))).toBe('check_in');
    expect(groupTopicKind(slot('knowledge', 'expert_qa'), g('newbie'))).toBe('expert_qa');
  });

  for (const kind of GROUP_TOPIC_KINDS) {
    it(`${kind}: drafts for every group, signed off by its owner`, async () => {
      for (const group of ws.policy.groups) {
        const owner = persona(group.ownerPersona);
        const r = await drafter.draft(
          ctx({ personaId: owner.id, segmentId: group.segments[0]!, kind: 'group_topic', contentType: 'knowledge', topic: kind, groupId: group.id, serviceId: segment(group.segments[0]!).services[0]! }),
        );
        expectOk(r);
        expectGoodText(r.text, owner);
        expect(signedOff(r.text, owner), r.text).toBe(true);
        expect(r.text).toMatch(/^【/);
      }
    });
  }

  it('the daily question asks a question with lettered options; oral groups get an oral question', async () => {
    const skin = await drafter.draft(ctx({ personaId: 'xiaoyu', segmentId: 'skin-care', kind: 'group_topic', contentType: 'interaction', groupId: 'skin-school' }));
    const oral = await drafter.draft(ctx({ personaId: 'chenyiming', segmentId: 'oral', kind: 'group_topic', contentType: 'interaction', groupId: 'smile-club' }));
    expectOk(skin);
    expectOk(oral);
    for (const r of [skin, oral]) {
      expect(r.text).toContain('【每日一题】');
      expect(r.text).toMatch(/？\n/);
      expect(r.text).toMatch(/\nA\. .+\nB\. .+\nC\. .+/);
    }
    expect(oral.text).toMatch(/牙|刷/);
    expect(skin.text).not.toMatch(/牙/);
  });

  it('the expert Q&A announces the next day at the group time and names no doctor', async () => {
    const r = await drafter.draft(ctx({ personaId: 'xiaoyu', segmentId: 'skin-care', kind: 'group_topic', contentType: 'product', groupId: 'skin-school', serviceId: 'ipl', date: '2026-12-01' }));
    expectOk(r);
    expect(r.text).toMatch(/12月2日|周三/);
    expect(r.text).toContain('12:30');
    expect(r.text).not.toMatch(/医生：|主任|院长|专家/);
    expect(groupsByPersona('xiaoyu').length).toBeGreaterThan(0);
  });

  it('fails cleanly when the group is missing', async () => {
    const c = ctx({ kind: 'group_topic', contentType: 'knowledge', serviceId: 'ipl' });
    const r = await drafter.draft(c);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toContain('社群');
  });
});

describe('TemplateDrafter: cards', () => {
  const CARDS = ['knowledge_card', 'campaign_poster', 'quote_card', 'topic_card'];
  const typeOf: Record<string, ContentType> = { knowledge_card: 'knowledge', campaign_poster: 'promotion', quote_card: 'lifestyle', topic_card: 'interaction' };

  it('every card template named in the policy exists', () => {
    for (const name of Object.values(ws.policy.cards)) expect(drafter.library.cards[name!], name).toBeDefined();
    expect(Object.keys(drafter.library.cards).sort()).toEqual([...CARDS].sort());
  });

  for (const name of CARDS) {
    it(`${name}: card fields present for every persona and every style`, async () => {
      for (const p of ws.personas) {
        const seen = new Set<string>();
        for (const date of DAYS) {
          const r = await drafter.draft(ctx(typical(typeOf[name]!, p.id, { kind: 'card', cardTemplate: name, date })));
          expectOk(r);
          expect(r.card).toBeDefined();
          const card = r.card!;
          expect(card.template).toBe(name);
          expect(card.title.length).toBeGreaterThan(0);
          expect(card.title).toMatch(CHINESE);
          expectGoodText(r.text, p);
          // Every word on the card is in the text the checker reads.
          for (const v of [card.title, ...(card.points ?? []), card.quote, card.question, ...(card.options ?? []), card.footer]) {
            if (v) expect(r.text).toContain(v);
          }
          if (name === 'knowledge_card' || name === 'campaign_poster') expect(card.points?.length ?? 0).toBeGreaterThan(0);
          if (name === 'quote_card') expect(card.quote).toMatch(CHINESE);
          if (name === 'topic_card') {
            expect(card.question).toMatch(/？$/);
            expect(card.options?.length ?? 0).toBeGreaterThanOrEqual(2);
          }
          seen.add(card.title + (card.quote ?? '') + (card.question ?? ''));
        }
        expect(seen.size, `${name} for ${p.id}`).toBeGreaterThan(1);
      }
    });
  }

  it('takes the card template from the policy when the slot names none', async () => {
    const r = await drafter.draft(ctx(typical('lifestyle', 'xiaoyu', { kind: 'card' })));
    expectOk(r);
    expect(r.card?.template).toBe('quote_card');
  });

  it('knowledge card points are the service facts (plus the consultation reminder), 3 to 5 of them as the layout needs', async () => {
    for (const serviceId of ['chemical-peel', 'tcm-facial']) {
      for (let day = 1; day <= 4; day++) {
        const r = await drafter.draft(ctx({ contentType: 'knowledge', kind: 'card', cardTemplate: 'knowledge_card', serviceId, date: `2026-12-0${day}` }));
        expectOk(r);
        const points = r.card!.points!;
        expect(points.length).toBeGreaterThanOrEqual(3);
        expect(points.length).toBeLessThanOrEqual(5);
        for (const p of points) expect([...service(serviceId).facts, '具体方案以面诊评估为准']).toContain(p);
      }
    }
  });

  it('fails cleanly for a content type without a card and for an unknown card template', async () => {
    const none = await drafter.draft(ctx({ contentType: 'product', kind: 'card', serviceId: 'ipl' }));
    expect(none).toEqual({ ok: false, reason: expect.stringContaining('没有配置卡片模板') });
    const unknown = await drafter.draft(ctx({ contentType: 'knowledge', kind: 'card', cardTemplate: 'no_such_card', serviceId: 'ipl' }));
    expect(unknown).toEqual({ ok: false, reason: expect.stringContaining('no_such_card') });
  });
});

describe('TemplateDrafter: refusals', () => {
  it('never drafts product or promotion content for a prescription service', async () => {
    for (const contentType of ['product', 'promotion'] as const) {
      const r = await drafter.draft(ctx({ personaId: 'zhoumin', contentType, serviceId: 'botulinum-injection' }));
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.reason).toContain('处方药');
    }
  });

  it('product content needs a service, promotion a campaign or service', async () => {
    const product = await drafter.draft(ctx({ contentType: 'product' }));
    const promotion = await drafter.draft(ctx({ contentType: 'promotion' }));
    expect(product.ok || promotion.ok).toBe(false);
    if (!product.ok) expect(product.reason).toContain('项目');
    if (!promotion.ok) expect(promotion.reason).toContain('活动');
  });

  it('campaign text leaves out prescription services', async () => {
    const withBotox = { ...ws, campaigns: ws.campaigns.map((c) => (c.id === 'qixi-2026' ? { ...c, services: ['botulinum-injection', 'teeth-whitening'] } : c)) };
    const c = ctx({ personaId: 'chenyiming', contentType: 'promotion', campaignId: 'qixi-2026' });
    const r = await drafter.draft({ ...c, workspace: withBotox, campaign: withBotox.campaigns.find((x) => x.id === 'qixi-2026')! });
    expectOk(r);
    expect(r.text).not.toContain('肉毒');
  });

  it('falls back to another variant when one contains a banned phrase, and fails when all do', async () => {
    const xiaoyu = persona('xiaoyu');
    const first = await drafter.draft(ctx(typical('knowledge', 'xiaoyu')));
    expectOk(first);
    // Ban a phrase only that variant's wording has (its first line after the opener).
    const line = first.text.split('\n').find((l) => l.includes('「') || l.includes('皮肤检测'))!;
    const strict: Persona = { ...xiaoyu, bannedPhrases: [...xiaoyu.bannedPhrases, line] };
    const again = await drafter.draft(ctx({ ...typical('knowledge', 'xiaoyu'), personaOverride: strict }));
    expectOk(again);
    expect(again.text).not.toContain(line);
    const noSignOff: Persona = { ...xiaoyu, bannedPhrases: ['晓雨'] };
    const none = await drafter.draft(ctx({ ...typical('knowledge', 'xiaoyu'), personaOverride: noSignOff }));
    expect(none.ok).toBe(false);
    if (!none.ok) expect(none.reason).toContain('禁用语 “晓雨”');
  });
});
