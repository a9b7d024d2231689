// The plain-text report for a person: marked text, then rule, category, severity in Chinese,
// the law, the explanation and the fix for every finding.
import { beforeAll, describe, expect, it } from 'vitest';
import { explainFindings, loadChecker, renderExplanation, type Checker } from '../../src/check/index.ts';

let checker: Checker;
beforeAll(async () => {
  checker = await loadChecker();
});

describe('renderExplanation', () => {
  it('marks each finding in the text and explains it', () => {
    const text = '姐妹们👋热玛吉效果最好，无副作用！\n术前术后对比看这里';
    const out = renderExplanation(text, checker.check(text), { categories: checker.categories });
    expect(out).toContain('合规检查：禁止发布，必须修改（3 处禁止）');
    expect(out).toContain(`规则包 ${checker.version}`);
    expect(out).toContain('姐妹们👋热玛吉效果【最好】①，【无副作用】②！\n【术前术后】③对比看这里');
    expect(out).toContain('① 禁止 · R13 绝对化用语 · 规则 R13-absolute');
    expect(out).toContain('   原文：“最好”（第 1 行第 10 字）');
    expect(out).toContain('   依据：《广告法》第九条第（三）项');
    expect(out).toContain('③ 禁止 · R08 以患者名义或形象作证明 · 规则 R08-before-after');
    expect(out).toContain('   原文：“术前术后”（第 2 行第 1 字）');
    expect(out).toMatch(/说明：.+\n {3}建议：.+/);
  });

  it('marks with brackets the text does not use itself', () => {
    const text = '【护肤小贴士】热玛吉效果最好';
    const out = explainFindings(text, checker.check(text).findings);
    expect(out).toContain('\n【护肤小贴士】热玛吉效果〖最好〗①'); // the text's own brackets untouched
    const both = '【通知】〖重要〗热玛吉效果最好';
    expect(explainFindings(both, checker.check(both).findings)).toContain('〔最好〕');
  });

  it('marks overlapping findings once with all their numbers', () => {
    const text = '限时秒杀';
    const result = checker.check(text, { brand: { isMedicalInstitution: true, adReviewCertificate: null, licensedDepartments: ['美容皮肤科'] } });
    expect(result.findings.length).toBe(2);
    expect(explainFindings(text, result.findings)).toContain('【限时秒杀】①②');
  });

  it('labels review and warn in Chinese and says when there is nothing to do', () => {
    expect(renderExplanation('原三甲医院出身', checker.check('原三甲医院出身'))).toContain('需审核 · R12');
    expect(renderExplanation('最喜欢的咖啡', checker.check('最喜欢的咖啡'))).toContain('提醒 · R13');
    const clean = renderExplanation('今天天气很好', checker.check('今天天气很好'));
    expect(clean).toContain('可以发布');
    expect(clean).toContain('未发现需要处理的内容。');
  });
});

describe('suggested replacements', () => {
  it('each finding carries a replacement or a deletion, shown as a suggestion', async () => {
    const { loadChecker, renderExplanation } = await import('../../src/check/index.ts');
    const checker = await loadChecker();
    const text = '零风险，顶级专家为您服务';
    const r = checker.check(text);
    const risk = r.findings.find((f) => f.match === '零风险');
    expect(risk?.replacement).toBe('任何医疗项目都存在风险');
    const top = r.findings.find((f) => f.match === '顶级');
    expect(top?.replacement).toBe('');
    const out = renderExplanation(text, r, { categories: checker.categories });
    expect(out).toContain('把“零风险”改为“任何医疗项目都存在风险”');
    expect(out).toContain('删除“顶级”');
  });
});
