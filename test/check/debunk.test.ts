// Claims named to warn against them become warnings; claims made, prices and testimony stay.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadChecker, type Checker } from '../../src/check/index.ts';

let checker: Checker;
const clinic = { brand: { isMedicalInstitution: true, adReviewCertificate: null, licensedDepartments: ['美容皮肤科', '美容外科'] } };
beforeAll(async () => {
  checker = await loadChecker();
});
const verdict = (text: string) => checker.check(text, clinic).verdict;
const severities = (text: string, category: string) => checker.check(text, clinic).findings.filter((f) => f.category === category).map((f) => f.severity);

describe('debunked claims', () => {
  it('a quoted claim in a sentence that warns against it is a warning', () => {
    expect(verdict('不要相信“一次见效”这种说法，光子通常需要多次治疗，效果因人而异。')).toBe('pass');
    expect(severities('不要相信“一次见效”这种说法，光子通常需要多次治疗。', 'R05')).toEqual(['warn']);
    expect(verdict('别被“明星同款”“网红推荐”带节奏，适不适合做水光要听医生的。')).not.toBe('block');
  });

  it('a claim introduced as someone else\'s (所谓, 误区) is a warning', () => {
    expect(severities('所谓永久脱毛其实并不存在，只能让毛发变少变细。', 'R05')).toEqual(['warn']);
    expect(verdict('医美误区盘点：\n误区一：做一次就能管很久；\n以上说法都不对，以医生面诊为准。')).toBe('pass');
    // …but not when the writer then claims it: the smuggled claim still blocks.
    expect(verdict('所谓永久脱毛，就是我们家的冰点脱毛。')).toBe('block');
  });

  it('a claim asked about is not claimed, but 什么？ is not a yes/no question', () => {
    expect(verdict('做完玻尿酸会不会移位？一般不会，但要遵医嘱按摩。')).not.toBe('block');
    expect(verdict('九十九%的姐妹做完射频都说好，你还在犹豫什么？')).toBe('block');
  });

  it('an explanation of the law that forbids it is not the thing itself; 不得不说 is not the law', () => {
    expect(verdict('按照相关规定，医疗广告不得利用患者的形象作证明，术后前后对比图也属于这一类。')).not.toBe('block');
    expect(verdict('防晒霜是化妆品，不能祛斑，也不能替代医生的治疗。')).not.toBe('block');
    expect(verdict('不得不说，我们的光子效果最好，做完皮肤立刻白一个度。')).toBe('block');
  });

  it('the same claims made, unquoted and unwarned, still block', () => {
    expect(verdict('热玛吉一次见效，做完立刻年轻十岁！')).toBe('block');
    expect(verdict('我们的光子永久脱毛，一次就好。')).toBe('block');
  });

  it('advice against procedures for minors passes; an offer to students still blocks', () => {
    expect(verdict('学生党先别急着做医美，把作息和防晒做好就够了。')).toBe('pass');
    expect(verdict('高考结束了，学生党双眼皮特惠安排起来！')).toBe('block');
  });

  it('a quoted price with a warning word is still a price', () => {
    const price = severities('别错过“原价1980，今天只要980”的水光针福利。', 'R15');
    expect(price.length).toBeGreaterThan(0);
    expect(price.every((s) => s === 'block')).toBe(true);
  });
});
