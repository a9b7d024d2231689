// The verdict rule and the shape of a result: block > review > pass, warnings never count;
// every finding carries the rule data and the pack version; one problem is one finding.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadChecker, verdictOf, type Checker } from '../../src/check/index.ts';
import type { Severity } from '../../src/domain/types.ts';

const f = (...severities: Severity[]) => severities.map((severity) => ({ severity }));

describe('verdictOf', () => {
  it('blocks on any block, else reviews on any review, else passes', () => {
    expect(verdictOf(f())).toBe('pass');
    expect(verdictOf(f('warn', 'warn'))).toBe('pass');
    expect(verdictOf(f('warn', 'review'))).toBe('review');
    expect(verdictOf(f('review', 'block', 'warn'))).toBe('block');
    expect(verdictOf(f('block'))).toBe('block');
  });
});

describe('check results', () => {
  let checker: Checker;
  beforeAll(async () => {
    checker = await loadChecker();
  });

  it('passes empty text with no findings', () => {
    expect(checker.check('')).toEqual({ verdict: 'pass', findings: [], rulePackVersion: checker.version });
  });

  it('a warning alone does not change the verdict', () => {
    const r = checker.check('最喜欢的咖啡是拿铁');
    expect(r.findings.map((x) => x.severity)).toEqual(['warn']);
    expect(r.verdict).toBe('pass');
  });

  it('a review finding makes the verdict review', () => {
    const r = checker.check('原三甲医院出身的医生团队');
    expect(r.findings.map((x) => x.severity)).toContain('review');
    expect(r.findings.some((x) => x.severity === 'block')).toBe(false);
    expect(r.verdict).toBe('review');
  });

  it('records the rule data and the pack version on every finding', () => {
    const r = checker.check('热玛吉保证效果');
    expect(checker.version).toMatch(/^\d{4}\.\d{2}-\d+$/);
    expect(r.rulePackVersion).toBe(checker.version);
    expect(r.findings[0]).toMatchObject({
      rule: 'R05-guarantee',
      category: 'R05',
      severity: 'block',
      match: '保证',
      basis: expect.stringContaining('《广告法》第十六条'),
      explanation: expect.stringMatching(/\p{Script=Han}/u),
      suggestion: expect.stringMatching(/\p{Script=Han}/u),
      rulePackVersion: checker.version,
    });
  });

  it('merges overlapping hits of the same rule into one finding', () => {
    // 最 and 最好 (both R13 terms) overlap; 零风险 and 无副作用 touch.
    const r = checker.check('效果最好，零风险无副作用');
    expect(r.findings.map((x) => [x.rule, x.match])).toEqual([
      ['R13-absolute', '最好'],
      ['R05-no-risk', '零风险无副作用'],
    ]);
  });

  it('keeps findings of different categories on the same words', () => {
    const r = checker.check('绝对安全');
    expect(r.findings.map((x) => x.category).sort()).toEqual(['R05', 'R13']);
  });
});
