// Scope rules: licence departments (R04), unapproved products (R02), prescription drugs (R03),
// products claiming medical effects (R18), superstition (R20) — positives and negatives in new
// wording, plus the evasions these categories see most.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadChecker, type Checker, type CheckContext } from '../../src/check/index.ts';
import { clinic, salon } from './helpers.ts';

let checker: Checker;
beforeAll(async () => {
  checker = await loadChecker();
});

const categories = (text: string, ctx: CheckContext = { brand: clinic }) =>
  checker.check(text, ctx).findings.filter((f) => f.severity !== 'warn').map((f) => f.category);

describe('R04 project words of departments missing from the licence', () => {
  it('flags 中医 projects for a clinic licensed for 美容皮肤科 only', () => {
    expect(categories('本周新开艾灸调理，暖宫祛湿，欢迎预约体验')).toContain('R04');
    expect(categories('耳穴压豆帮你控制食欲')).toContain('R04');
  });
  it('does not flag them when the licence covers the department (or an alias)', () => {
    const tcm: CheckContext = { brand: { ...clinic, licensedDepartments: ['美容皮肤科', '中医科'] } };
    expect(categories('本周新开艾灸调理，暖宫祛湿', tcm)).not.toContain('R04');
  });
  it('leaves a salon to R17 rather than R04', () => {
    expect(categories('本店推出艾灸调理', { brand: salon })).not.toContain('R04');
  });
});

describe('R03 prescription drugs', () => {
  it('blocks botulinum toxin in copy that sells', () => {
    expect(checker.check('瘦脸针限时特价，想做的私我', { brand: clinic }).verdict).toBe('block');
  });
  it('sends a pure warning to review instead of blocking it', () => {
    const r = checker.check('提醒一下：瘦脸针是处方药，来路不明的针剂千万别碰。', { brand: clinic });
    expect(r.verdict).toBe('review');
    expect(r.findings.find((f) => f.category === 'R03')?.explanation).toMatch(/提醒/);
  });
  it('catches look-alike digits in brand names', () => {
    expect(categories('B0T0X小剂量，自然不僵')).toContain('R03');
  });
});

describe('R02 unapproved products', () => {
  it.each(['干细胞回输，逆转衰老', '外泌体导入修复屏障'])('%s', (text) => {
    expect(checker.check(text, { brand: clinic }).verdict).toBe('block');
  });

  const registration = (text: string) =>
    checker.check(text, { brand: { ...clinic, adReviewCertificate: '（沪）医广【2026】第1234号' } }).findings.find((f) => f.rule === 'R02-check-registration')?.severity;
  it.each([
    '水光针本周特价，名额有限，私我预约', // selling
    '童颜针除了填苹果肌，我们也可以用来丰臀', // off-label talk, neither selling nor informing
    '答疑｜水光针多久打一次？一般一个月一次，欢迎到院咨询', // a Q&A that invites
  ])('asks for the registration check where the product is promoted: %s', (text) => {
    expect(registration(text)).toBe('review');
  });
  it.each(['答疑｜做完水光针多久可以化妆？一般建议24小时后', '科普｜水光针术后三天不要泡温泉、蒸桑拿'])(
    'only warns in copy that informs and sells nothing: %s',
    (text) => {
      expect(registration(text)).toBe('warn');
    },
  );
});

describe('R18 products claiming medical effects', () => {
  it('catches a claim a comma away from the product', () => {
    expect(categories('这款酵素果冻，饭后一颗，通便排毒')).toContain('R18');
  });
  it('does not read a clinic’s own treatment as a product claim', () => {
    expect(categories('皮秒激光可以淡化色斑，需面诊评估')).not.toContain('R18');
  });
  it('does not tie a product to a claim in another sentence', () => {
    expect(categories('面膜记得冷藏。\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n门诊的祛斑项目需面诊。')).not.toContain('R18');
  });
});

describe('R20 superstition', () => {
  it('flags 改运/转运 selling a project', () => {
    expect(categories('做个饱满额头，转运又旺夫')).toContain('R20');
  });
  it('leaves logistics alone', () => {
    expect(categories('你的包裹已到达转运中心，预计明天送达')).not.toContain('R20');
  });
});

describe('evasions', () => {
  it('reads ling风险 as 零风险 and slashes between characters as noise', () => {
    expect(categories('做完ling风险')).toContain('R05');
    expect(categories('无/副/作/用')).toContain('R05');
  });
  it('keeps slashes in links', () => {
    const r = checker.check('详情见 https://example.com/a/b');
    expect(r.findings).toEqual([]);
  });
});
