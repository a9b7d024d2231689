// Shared fixtures for the compliance tests: one checker per test file, and workspace-like
// contexts in the shape the CLI passes (brand.yaml / services.yaml).
import { expect } from 'vitest';
import type { CheckContext, Checker } from '../../src/check/index.ts';
import type { Severity } from '../../src/domain/types.ts';

/** A licensed clinic without an ad-review certificate (the common case). */
export const clinic: NonNullable<CheckContext['brand']> = {
  isMedicalInstitution: true,
  adReviewCertificate: null,
  licensedDepartments: ['美容皮肤科'],
};

export const CERTIFICATE = '（沪）医广【2026】第12-34-5678号';

export const certifiedClinic: NonNullable<CheckContext['brand']> = { ...clinic, adReviewCertificate: CERTIFICATE };

/** A 生活美容 salon: not a medical institution. */
export const salon: NonNullable<CheckContext['brand']> = {
  isMedicalInstitution: false,
  adReviewCertificate: null,
  licensedDepartments: ['生活美容'],
};

export const services: NonNullable<CheckContext['services']> = [
  { name: '光子嫩肤', department: '美容皮肤科' },
  { name: '双眼皮', department: '美容外科' },
];

/** Per-category assertions for the phrase-family tests: the checker is read through a getter
 *  because each test file loads it in beforeAll. */
export function categoryExpectations(checker: () => Checker, ctx: CheckContext) {
  const ofCategory = (text: string, category: string) => checker().check(text, ctx).findings.filter((f) => f.category === category);
  return {
    /** The category's findings in the text, any severity. */
    ofCategory,
    /** Caught in the category at the given severity. */
    expectHit(text: string, category: string, severity: Severity = 'block'): void {
      const found = ofCategory(text, category);
      expect(found.map((f) => f.severity), `${category} ${severity} in「${text}」: ${found.map((f) => f.match).join(' ')}`).toContain(severity);
    },
    /** Not caught at block or review (a warning is allowed: it is shown to the editor only). */
    expectNoClaim(text: string, category: string): void {
      const found = ofCategory(text, category).filter((f) => f.severity !== 'warn');
      expect(found.map((f) => `${f.rule} ${f.match}`), `no ${category} in「${text}」`).toEqual([]);
    },
  };
}
