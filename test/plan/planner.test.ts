import { describe, expect, it } from 'vitest';
import { PROMOTIONAL_TYPES, type Slot } from '../../src/domain/types.ts';
import { toMinutes } from '../../src/plan/dates.ts';
import { planCalendar } from '../../src/plan/planner.ts';
import { fixtureWorkspace } from '../support/workspace-fixture.ts';

const ws = fixtureWorkspace();
const plan = (from = '2026-12-01', days = 14, w = ws) => planCalendar({ workspace: w, from, days });
const moments = (slots: Slot[]) => slots.filter((s) => s.kind === 'moments');
const groupBy = <T>(xs: T[], key: (x: T) => string) => {
  const m = new Map<string, T[]>();
  for (const x of xs) m.set(key(x), [...(m.get(key(x)) ?? []), x]);
  return m;
};

describe('planner: windows and caps', () => {
  const { slots } = plan();

  it('puts every Moments post inside a posting window, at least 5 minutes before it closes', () => {
    for (const s of moments(slots)) {
      const t = toMinutes(s.time);
      const inside = ws.policy.moments.windows.some((w) => t >= toMinutes(w.start) && t <= toMinutes(w.end) - 5);
      expect(inside, `${s.key} at ${s.time}`).toBe(true);
    }
  });

  it('gives each persona and segment between min and max posts a day', () => {
    for (const [key, xs] of groupBy(moments(slots), (s) => `${s.date}|${s.personaId}|${s.segmentId}`)) {
      expect(xs.length, key).toBeGreaterThanOrEqual(2);
      expect(xs.length, key).toBeLessThanOrEqual(3);
    }
    // Every persona-segment pair gets posts every day.
    const pairs = ws.personas.flatMap((p) => p.segments.map((s) => `${p.id}|${s}`));
    const days = new Set(slots.map((s) => s.date));
    expect(days.size).toBe(14);
    for (const d of days) for (const pair of pairs) expect(moments(slots).some((s) => `${s.personaId}|${s.segmentId}` === pair && s.date === d)).toBe(true);
  });

  it('keeps each account within its daily cap and per-window cap, and a segment out of the same window twice', () => {
    for (const [key, xs] of groupBy(moments(slots), (s) => `${s.date}|${s.personaId}`)) {
      expect(xs.length, key).toBeLessThanOrEqual(ws.policy.moments.perPersonaDailyCap);
      const windowOf = (s: Slot) => ws.policy.moments.windows.findIndex((w) => toMinutes(s.time) >= toMinutes(w.start) && toMinutes(s.time) < toMinutes(w.end));
      for (const [w, inWindow] of groupBy(xs, (s) => String(windowOf(s)))) {
        expect(inWindow.length, `${key} window ${w}`).toBeLessThanOrEqual(ws.policy.moments.perWindowCap);
        expect(new Set(inWindow.map((s) => s.segmentId)).size, `${key} window ${w}`).toBe(inWindow.length);
        expect(new Set(inWindow.map((s) => s.time)).size).toBe(inWindow.length);
      }
    }
  });

  it('lowers counts to the daily cap and says so', () => {
    const tight = fixtureWorkspace();
    tight.policy = { ...tight.policy, moments: { ...tight.policy.moments, perPersonaDailyCap: 3 } };
    const r = plan('2026-12-01', 5, tight);
    for (const [, xs] of groupBy(moments(r.slots).filter((s) => s.personaId === 'nurse'), (s) => s.date)) expect(xs.length).toBeLessThanOrEqual(3);
    expect(r.warnings.some((w) => w.includes('小林') && w.includes('每日上限 3 条'))).toBe(true);
  });

  it('converts local wall-clock times to UTC instants (Asia/Shanghai is UTC+8)', () => {
    const s = moments(slots)[0]!;
    expect(new Date(s.at).toISOString()).toBe(new Date(`${s.date}T${s.time}:00+08:00`).toISOString());
  });

  it('is deterministic', () => {
    expect(plan().slots).toEqual(slots);
  });
});

describe('planner: content mix', () => {
  const { slots } = plan('2026-11-02', 28);

  it('never lets the promotional share of a persona-segment pair exceed the ceiling', () => {
    for (const [key, xs] of groupBy(moments(slots), (s) => `${s.personaId}|${s.segmentId}`)) {
      const promo = xs.filter((s) => PROMOTIONAL_TYPES.includes(s.contentType)).length;
      expect(promo / xs.length, key).toBeLessThanOrEqual(ws.policy.promotionalCeiling + 1e-9);
    }
  });

  it('follows the target shares: knowledge is the largest type and every type with a share appears', () => {
    const byType = groupBy(moments(slots), (s) => s.contentType);
    const counts = Object.fromEntries([...byType].map(([k, v]) => [k, v.length]));
    const total = moments(slots).length;
    expect(Math.max(...Object.values(counts))).toBe(counts.knowledge);
    for (const t of ['knowledge', 'interaction', 'product', 'promotion', 'word_of_mouth', 'lifestyle']) expect(counts[t] ?? 0, t).toBeGreaterThan(0);
    // Within a few points of the targets (knowledge 35 %, lifestyle 20 %).
    expect(Math.abs(counts.knowledge! / total - 0.35)).toBeLessThan(0.06);
    expect(Math.abs(counts.lifestyle! / total - 0.2)).toBeLessThan(0.06);
  });

  it('never makes a prescription product a topic', () => {
    expect(slots.filter((s) => s.topic === 'service:botox')).toEqual([]);
  });

  it('a lower ceiling lowers the promotional share', () => {
    const strict = fixtureWorkspace();
    strict.policy = { ...strict.policy, promotionalCeiling: 0.1 };
    const r = plan('2026-11-02', 28, strict);
    for (const [key, xs] of groupBy(moments(r.slots), (s) => `${s.personaId}|${s.segmentId}`)) {
      expect(xs.filter((s) => PROMOTIONAL_TYPES.includes(s.contentType)).length / xs.length, key).toBeLessThanOrEqual(0.1 + 1e-9);
    }
  });
});

describe('planner: repeat interval', () => {
  it('does not send the same topic to the same audience within the interval when there are enough topics', () => {
    const { slots, warnings } = plan('2026-12-01', 10);
    expect(warnings.filter((w) => w.includes('重复'))).toEqual([]);
    for (const [key, xs] of groupBy(slots.filter((s) => s.kind !== 'card'), (s) => `${s.groupId ? `g:${s.groupId}` : `${s.personaId}|${s.segmentId}`}|${s.topic}`)) {
      const dates = [...new Set(xs.map((s) => s.date))].sort();
      for (let i = 1; i < dates.length; i++) {
        const gap = (Date.parse(dates[i]!) - Date.parse(dates[i - 1]!)) / 86_400_000;
        expect(gap, key).toBeGreaterThanOrEqual(ws.policy.repeatIntervalDays);
      }
      // Nor twice on one day to one audience.
      expect(new Set(xs.map((s) => s.date)).size, key).toBe(xs.length);
    }
  });

  it('takes earlier posts from the calendar into account', () => {
    const first = plan('2026-12-01', 1).slots.filter((s) => s.kind === 'moments');
    const history = first.map((s) => ({ personaId: s.personaId, segmentId: s.segmentId, date: s.date, contentType: s.contentType, topic: s.topic, kind: s.kind }));
    const next = planCalendar({ workspace: ws, from: '2026-12-02', days: 1, history }).slots.filter((s) => s.kind === 'moments');
    for (const s of next) {
      expect(first.some((f) => f.personaId === s.personaId && f.segmentId === s.segmentId && f.topic === s.topic), s.key).toBe(false);
    }
  });

  it('warns when a segment has too few topics to respect the interval', () => {
    const narrow = fixtureWorkspace();
    narrow.segments = narrow.segments.map((s) => (s.id === 'new' ? { ...s, services: ['hydra'], interests: [] } : s));
    narrow.policy = { ...narrow.policy, repeatIntervalDays: 7 };
    expect(plan('2026-12-01', 7, narrow).warnings.some((w) => w.startsWith('新客') && w.includes('重复'))).toBe(true);
  });
});

describe('planner: campaigns, groups and cards', () => {
  const { slots } = plan('2026-12-08', 7);

  it('puts the festival on its date and warms up in the lead days, nowhere else', () => {
    const tagged = moments(slots).filter((s) => s.campaignId === 'double12');
    const dates = new Set(tagged.map((s) => s.date));
    expect([...dates].sort()).toEqual(['2026-12-10', '2026-12-11', '2026-12-12']);
    // One campaign post per persona and segment per day.
    for (const [key, xs] of groupBy(tagged, (s) => `${s.date}|${s.personaId}|${s.segmentId}`)) expect(xs.length, key).toBe(1);
    for (const s of tagged.filter((x) => x.date < '2026-12-12')) expect(['knowledge', 'interaction']).toContain(s.contentType);
    // A campaign post is about the campaign's service where the segment has it, or its theme.
    for (const s of tagged) expect(['theme:年终护肤季', ...(s.segmentId === 'gold' ? [] : ['service:hydra'])], s.key).toContain(s.topic);
  });

  it('posts group topics on the group topic days and the daily question every day', () => {
    const group = slots.filter((s) => s.kind === 'group_topic');
    const questions = group.filter((s) => s.time === '12:00');
    expect(questions.length).toBe(7);
    const topics = group.filter((s) => s.time === '20:00');
    expect(topics.map((s) => s.date).sort()).toEqual(['2026-12-08', '2026-12-10']); // Tuesday, Thursday
    for (const s of topics) expect(s.contentType).toBe('knowledge'); // an education group
  });

  it('adds a card to each post whose content type calls for one', () => {
    const cards = slots.filter((s) => s.kind === 'card');
    const knowledge = moments(slots).filter((s) => s.contentType === 'knowledge');
    expect(cards.filter((c) => c.parentKey && !c.groupId).length).toBe(knowledge.length);
    for (const c of cards) {
      const parent = slots.find((s) => s.key === c.parentKey)!;
      expect(parent.contentType).toBe('knowledge');
      expect(c.cardTemplate).toBe('knowledge_card');
      expect(c.at).toBe(parent.at);
    }
  });
});
