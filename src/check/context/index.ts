// The registry of context rules, by the name the pack data uses.
import { absoluteClaim } from './absolute-claim.ts';
import { productWithoutCertificate, promotionCertificate } from './certificate.ts';
import { disguisedAd } from './disguised-ad.ts';
import { doctorPromotion } from './doctor-promotion.ts';
import { experienceLink } from './experience-link.ts';
import { licensedDepartment } from './licensed-department.ts';
import { nonMedicalBusiness } from './non-medical-business.ts';
import { prescriptionWarning } from './prescription-warning.ts';
import { productMedicalClaim } from './product-medical-claim.ts';
import type { ContextRule } from './types.ts';

export type { ContextEnv, ContextRule } from './types.ts';

export const CONTEXT_RULES: ReadonlyMap<string, ContextRule> = new Map(
  [
    absoluteClaim,
    disguisedAd,
    doctorPromotion,
    promotionCertificate,
    productWithoutCertificate,
    licensedDepartment,
    nonMedicalBusiness,
    productMedicalClaim,
    prescriptionWarning,
    experienceLink,
  ].map((r) => [r.name, r]),
);
