// Runs the labelled cases through a checker in the three brand contexts the fixtures can name.
// The contexts are built from a workspace (normally examples/workspace):
//   example      the workspace brand as is (a medical institution without ad-review certificate)
//   certified    the same brand with an ad-review certificate number
//   non-medical  a 生活美容 salon: not a medical institution, no licensed medical departments,
//                no medical services of its own
import type { CheckContext, Checker } from '../types.ts';
import type { Workspace } from '../../workspace/schema.ts';
import type { BrandContext, EvalCase } from './fixtures.ts';
import type { CaseOutcome } from './score.ts';

/** The certificate number used by the certified context; fixtures quote it in their text. */
export const EVAL_CERTIFICATE = '（沪）医广【2026】第1234号';

export type EvalContexts = Record<BrandContext, CheckContext>;

export function evalContexts(ws: Pick<Workspace, 'brand' | 'services'>): EvalContexts {
  const brand = {
    isMedicalInstitution: ws.brand.isMedicalInstitution,
    adReviewCertificate: ws.brand.adReviewCertificate ?? null,
    licensedDepartments: [...ws.brand.licensedDepartments],
  };
  const services = ws.services.map((s) => ({ name: s.name, department: s.department }));
  return {
    example: { brand, services },
    certified: { brand: { ...brand, adReviewCertificate: EVAL_CERTIFICATE }, services },
    'non-medical': {
      brand: { isMedicalInstitution: false, adReviewCertificate: null, licensedDepartments: ['生活美容'] },
      services: [],
    },
  };
}

export function runCases(checker: Checker, cases: readonly EvalCase[], contexts: EvalContexts): (CaseOutcome & { case: EvalCase })[] {
  return cases.map((c) => ({ case: c, report: checker.check(c.text, contexts[c.brand]) }));
}
