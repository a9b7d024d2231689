// Shared fixtures for the compliance tests: one checker per test file, and workspace-like
// contexts in the shape the CLI passes (brand.yaml / services.yaml).
import type { CheckContext } from '../../src/check/index.ts';

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
