// The shipped example workspace: it must load, and it must model the clinic the domain brief
// describes (the other stages and the demo rely on these properties).
import { describe, expect, it } from 'vitest';
import { CONTENT_TYPES } from '../../src/domain/types.ts';
import { loadWorkspace } from '../../src/workspace/load.ts';
import type { Workspace } from '../../src/workspace/schema.ts';

const ws: Workspace = await loadWorkspace('examples/workspace');
const campaign = (id: string) => ws.campaigns.find((c) => c.id === id);

/** Words and figures the compliance rules forbid in claims; objective facts must not contain them. */
const FORBIDDEN = /最|第一|首家|顶级|唯一|国家级|[0-9０-９]\s*[%％]|百分之|保证|永久|零风险|无副作用|不反弹|根治|前后对比|术前术后|原价|秒杀|折扣/;

describe('example workspace', () => {
  it('loads with personas, segments, services, policy and campaigns', () => {
    expect(ws.personas).toHaveLength(3);
    expect(ws.segments.length).toBeGreaterThanOrEqual(6);
    expect(ws.services.length).toBeGreaterThanOrEqual(10);
    expect(ws.brand.isMedicalInstitution).toBe(true);
  });

  it('has no ad-review certificate, so promotions are held', () => {
    expect(ws.brand.adReviewCertificate ?? null).toBeNull();
  });

  it('has a service outside the licensed departments (for R04) and a prescription service', () => {
    const outside = ws.services.filter((s) => !ws.brand.licensedDepartments.includes(s.department));
    expect(outside.map((s) => s.department)).toContain('美容中医科');
    expect(ws.services.some((s) => s.prescription && s.name.includes('肉毒'))).toBe(true);
  });

  it('segments cover interest, lifecycle and tier, each with WeCom tag ids', () => {
    const interests = ws.segments.flatMap((s) => s.interests);
    for (const i of ['面部抗衰', '皮肤管理', '美体塑形', '口腔']) expect(interests).toContain(i);
    for (const l of ['new', 'silent', 'repurchase'] as const) expect(ws.segments.some((s) => s.lifecycle === l)).toBe(true);
    for (const t of ['regular', 'silver', 'gold'] as const) expect(ws.segments.some((s) => s.tier === t)).toBe(true);
    for (const s of ws.segments) for (const tag of s.wecomTagIds) expect(tag).toMatch(/^et_/);
  });

  it('personas have a voice, sign-offs and an emoji policy, and one of them uses no emoji', () => {
    for (const p of ws.personas) {
      expect(p.voice.length).toBeGreaterThan(0);
      expect(p.signOffs.length).toBeGreaterThan(0);
      expect(p.lifestyleThemes.length).toBeGreaterThan(0);
      expect(p.openers?.length ?? 0).toBeGreaterThan(0);
    }
    expect(ws.personas.filter((p) => !p.emoji.allowed)).toHaveLength(1);
  });

  it('service facts are objective: no absolute terms, percentages, guarantees or prices', () => {
    for (const s of ws.services) for (const f of s.facts) expect(f, `${s.id}: ${f}`).not.toMatch(FORBIDDEN);
  });

  it('policy follows the SOP: five windows, 2–3 posts a day, knowledge the largest share', () => {
    const m = ws.policy.moments;
    expect(m.windows.map((w) => `${w.start}-${w.end}`)).toEqual(['07:30-10:00', '12:00-14:00', '15:30-17:00', '18:00-19:30', '22:00-23:00']);
    expect(m.perDay).toEqual({ min: 2, max: 3 });
    const mix = ws.policy.mix;
    for (const t of CONTENT_TYPES) expect(mix[t] ?? 0).toBeGreaterThan(0);
    const largest = CONTENT_TYPES.reduce((a, b) => ((mix[a] ?? 0) >= (mix[b] ?? 0) ? a : b));
    expect(largest).toBe('knowledge');
    expect(ws.policy.promotionalCeiling).toBe(0.25);
    expect(ws.policy.repeatIntervalDays).toBe(5);
    expect(ws.policy.cards).toMatchObject({ knowledge: 'knowledge_card', promotion: 'campaign_poster', lifestyle: 'quote_card' });
  });

  it('has onboarding, education and welfare groups, one with a daily question', () => {
    const purposes = ws.policy.groups.map((g) => g.purpose);
    for (const p of ['onboarding', 'education', 'welfare'] as const) expect(purposes).toContain(p);
    expect(ws.policy.groups.some((g) => g.dailyQuestion)).toBe(true);
  });

  it('festival dates of 2026 and 2027 are the real ones', () => {
    const day = (id: string) => campaign(id)?.start;
    expect(day('chunjie-2026')).toBe('2026-02-17');
    expect(day('chunjie-2027')).toBe('2027-02-06');
    expect(day('yuanxiao-2026')).toBe('2026-03-03');
    expect(day('yuanxiao-2027')).toBe('2027-02-20');
    expect(day('qixi-2026')).toBe('2026-08-19');
    expect(day('qixi-2027')).toBe('2027-08-08');
    expect(day('zhongqiu-2026')).toBe('2026-09-25');
    expect(day('zhongqiu-2027')).toBe('2027-09-15');
    for (const y of [2026, 2027]) {
      expect(day(`yuandan-${y}`)).toBe(`${y}-01-01`);
      expect(day(`nvshen-${y}`)).toBe(`${y}-03-08`);
      expect(day(`day520-${y}`)).toBe(`${y}-05-20`);
      expect(day(`day618-${y}`)).toBe(`${y}-06-18`);
      expect(day(`guoqing-${y}`)).toBe(`${y}-10-01`);
      expect(day(`double11-${y}`)).toBe(`${y}-11-11`);
      expect(day(`double12-${y}`)).toBe(`${y}-12-12`);
      expect(day(`christmas-${y}`)).toBe(`${y}-12-25`);
    }
  });

  it('has quarterly themes Q1–Q4 and a member-birthday activity for every month', () => {
    for (const y of [2026, 2027]) {
      const quarters = ws.campaigns.filter((c) => c.kind === 'quarterly' && c.start.startsWith(`${y}`));
      expect(quarters.map((q) => q.start)).toEqual([`${y}-01-01`, `${y}-04-01`, `${y}-07-01`, `${y}-10-01`]);
      expect(quarters.map((q) => q.end)).toEqual([`${y}-03-31`, `${y}-06-30`, `${y}-09-30`, `${y}-12-31`]);
      const months = ws.campaigns.filter((c) => c.kind === 'member' && c.start.startsWith(`${y}`)).map((c) => c.start.slice(5, 7));
      expect(months).toEqual(['01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12']);
    }
    expect(campaign('birthday-2028-02')).toBeUndefined();
    expect(campaign('birthday-2027-02')?.end).toBe('2027-02-28');
  });

  it('campaigns feature no prescription service and say nothing forbidden', () => {
    const prescription = new Set(ws.services.filter((s) => s.prescription).map((s) => s.id));
    for (const c of ws.campaigns) {
      expect(c.services.filter((s) => prescription.has(s)), c.id).toEqual([]);
      expect(`${c.name} ${c.theme}`, c.id).not.toMatch(FORBIDDEN);
    }
  });
});
