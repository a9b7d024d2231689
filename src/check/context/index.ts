// The registry of context rules, by the name the pack data uses.
import { absoluteClaim } from './absolute-claim.ts';
import { guaranteeObject, medicalClaim } from './claims.ts';
import { bulkMessage } from './bulk-message.ts';
import { minorsTarget } from './minors-target.ts';
import { ownPurchaseContext, productWithoutCertificate, promotionCertificate } from './certificate.ts';
import { disguisedAd } from './disguised-ad.ts';
import { doctorPromotion, namedDoctor } from './doctor-promotion.ts';
import { aestheticSubject, testimony } from './testimony.ts';
import { experienceLink } from './experience-link.ts';
import { licensedDepartment } from './licensed-department.ts';
import { nonMedicalBusiness } from './non-medical-business.ts';
import { prescriptionWarning } from './prescription-warning.ts';
import { productMedicalClaim } from './product-medical-claim.ts';
import { registrationWhenSelling } from './product-registration.ts';
import type { ContextRule } from './types.ts';

export type { ContextEnv, ContextRule } from './types.ts';

export const CONTEXT_RULES: ReadonlyMap<string, ContextRule> = new Map(
  [
    absoluteClaim,
    guaranteeObject, medicalClaim,
    disguisedAd,
    doctorPromotion, namedDoctor, testimony, aestheticSubject,
    promotionCertificate,
    productWithoutCertificate,
    ownPurchaseContext,
    licensedDepartment,
    nonMedicalBusiness,
    productMedicalClaim,
    registrationWhenSelling,
    prescriptionWarning,
    experienceLink,
    bulkMessage,
    minorsTarget,
  ].map((r) => [r.name, r]),
);
