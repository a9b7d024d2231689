// The context rules v1 promises: absolute terms, disclaimers vs negated risks, disguised ads,
// promotions without a certificate, prescription drugs, licence scope, non-medical businesses.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadChecker, type Checker } from '../../src/check/index.ts';
import { CERTIFICATE, certifiedClinic, clinic, salon, services } from './helpers.ts';

let checker: Checker;
beforeAll(async () => {
  checker = await loadChecker();
});

const of = (text: string, category: string, ctx = {}) => checker.check(text, ctx).findings.filter((f) => f.category === category);

describe('R13 absolute terms', () => {
  it.each(['效果最好', '最安全', '全国第一', '顶级专家', '我们的医生最专业', '全网最低价'])('blocks “%s” (qualifies efficacy/safety/institution/doctor)', (text) => {
    const r = checker.check(text);
    expect(of(text, 'R13').map((f) => f.severity)).toContain('block');
    expect(r.verdict).toBe('block');
  });

  it.each(['第一次来院请带身份证', '最近天气很干燥', '最喜欢的咖啡是拿铁', '这是我第一次做瑜伽', '选择正规机构最重要'])('never blocks or reviews “%s”', (text) => {
    const r = checker.check(text);
    expect(of(text, 'R13').filter((f) => f.severity !== 'warn')).toEqual([]);
    expect(r.verdict).toBe('pass');
  });

  it('warns (with a note) when the term qualifies nothing', () => {
    const [f] = of('最喜欢的咖啡是拿铁', 'R13');
    expect(f).toMatchObject({ severity: 'warn', match: '最喜欢' });
    expect(f?.explanation).toContain('暂不构成违法');
  });

  it('does not tie an absolute term to a claim word in another clause', () => {
    expect(of('最近很忙，效果稍后再说', 'R13')).toEqual([]);
    expect(of('最喜欢的咖啡，效果提神', 'R13').map((f) => f.severity)).toEqual(['warn']);
  });
});

describe('disclaimers pass, negated risks are findings', () => {
  it.each(['存在个体差异', '请理性选择', '效果因人而异', '本项目效果因人而异，存在个体差异，请理性选择。', '任何医疗项目都存在风险', '没有任何医美项目是零风险的'])(
    'passes the disclaimer “%s”',
    (text) => {
      const r = checker.check(text);
      expect(r.findings.filter((f) => f.severity !== 'warn')).toEqual([]);
      expect(r.verdict).toBe('pass');
    },
  );

  it.each([
    ['无风险', '无风险'],
    ['这个项目没有副作用哦', '没有副作用'],
    ['零风险，放心做', '零风险'],
    ['安全无副作用', '安全无副作用'],
  ])('blocks the negated risk in “%s”', (text, match) => {
    const f = of(text, 'R05');
    expect(f.map((x) => [x.match, x.severity])).toContainEqual([match, 'block']);
  });
});

describe('R14 disguised ads', () => {
  const text = '科普：光子嫩肤的原理是强脉冲光。想了解更多请扫码，电话 138-1234-5678';

  it('reviews contact details in 科普 text, by content type or by wording', () => {
    expect(of(text, 'R14', { contentType: 'knowledge' }).map((f) => f.match)).toEqual(['扫码', '138-1234-5678']);
    expect(of(text, 'R14').every((f) => f.severity === 'review')).toBe(true);
    expect(of('术后护理注意事项，详情扫码咨询', 'R14', { contentType: 'knowledge' })).toHaveLength(1);
  });

  it('leaves contact details alone in objective service information', () => {
    expect(of('地址：XX路 88 号，电话 13812345678，营业时间 9:00–18:00', 'R14')).toEqual([]);
  });
});

describe('R15 promotions and the ad-review certificate', () => {
  const promo = '国庆特惠，光子嫩肤体验价 299 元';

  it('blocks a promotion when the clinic has no certificate', () => {
    const r = checker.check(promo, { brand: clinic, contentType: 'promotion' });
    expect(r.verdict).toBe('block');
    // 体验价 and 299 元 touch once the space is folded away, so they are one finding.
    expect(r.findings.filter((f) => f.category === 'R15').map((f) => f.match)).toEqual(['特惠', '体验价 299 元']);
  });

  it('reviews a promotion when the clinic has a certificate but the text does not show it', () => {
    const f = of(promo, 'R15', { brand: certifiedClinic, contentType: 'promotion' });
    expect(f.map((x) => x.severity)).toEqual(['review', 'review']);
    expect(f[0]?.explanation).toContain('未标注');
  });

  it('accepts a promotion that shows the certificate number', () => {
    expect(of(`${promo}。${CERTIFICATE}`, 'R15', { brand: certifiedClinic, contentType: 'promotion' })).toEqual([]);
  });

  it('reviews a product post about a medical project without price words, once', () => {
    const f = of('光子嫩肤适合面部暗沉、色斑的人群，光子嫩肤后注意防晒。', 'R15', { brand: clinic, contentType: 'product' });
    expect(f.map((x) => [x.rule, x.severity, x.match])).toEqual([['R15-ad-no-certificate', 'review', '光子嫩肤']]);
  });

  it('does not judge without a brand', () => {
    expect(of(promo, 'R15', { contentType: 'promotion' })).toEqual([]);
  });
});

describe('R03 botulinum and prescription drugs', () => {
  it.each(['瘦脸针', '肉毒素', '衡力', '保妥适', 'Botox', '司美格鲁肽'])('blocks “%s”', (term) => {
    const text = `今天给大家介绍一下${term}。`;
    expect(of(text, 'R03')).toMatchObject([{ severity: 'block', match: term }]);
  });
});

describe('R04 licence scope', () => {
  it('reviews a service whose department is not licensed, and only that one', () => {
    const f = of('光子嫩肤和双眼皮都可以预约', 'R04', { brand: clinic, services });
    expect(f).toMatchObject([{ severity: 'review', match: '双眼皮' }]);
  });

  it('accepts the service once its department is licensed', () => {
    const brand = { ...clinic, licensedDepartments: ['美容皮肤科', '美容外科'] };
    expect(of('光子嫩肤和双眼皮都可以预约', 'R04', { brand, services })).toEqual([]);
  });
});

describe('R17 non-medical businesses', () => {
  it('blocks medical projects for a salon but not for a clinic', () => {
    const text = '本店新到超声刀，激光祛斑也能做';
    expect(of(text, 'R17', { brand: salon }).map((f) => f.match)).toEqual(['超声刀', '激光']);
    expect(of(text, 'R17', { brand: clinic })).toEqual([]);
    expect(of(text, 'R17')).toEqual([]);
  });
});

describe('R11 doctors in 科普', () => {
  it('blocks in an ad and reviews in 科普', () => {
    const text = '院长亲自解答术后护理问题';
    expect(of(text, 'R11', { contentType: 'product' }).map((f) => f.severity)).toEqual(['block']);
    const [f] = of(text, 'R11', { contentType: 'knowledge' });
    expect(f?.severity).toBe('review');
    expect(f?.explanation).toContain('科普');
  });
});
