// R17: a 生活美容 business (brand.isMedicalInstitution false) may not advertise medical projects
// at all. Only an explicit false counts: an unknown brand is not assumed to be non-medical.
import type { ContextRule } from './types.ts';

export const nonMedicalBusiness: ContextRule = {
  name: 'non-medical-business',
  lexicons: [],
  apply: (_rule, hits, env) => (env.ctx.brand?.isMedicalInstitution === false ? hits : []),
};
