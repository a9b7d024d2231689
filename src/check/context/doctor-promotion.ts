// R11: a doctor's name and title used to attract customers is forbidden in ads, but genuine 科普
// may name the doctor (《医疗广告认定指南》). The checker cannot tell genuine 科普 from a disguise,
// so in 科普-looking text the hit goes to a reviewer instead of being blocked.
import { looksLikeScience, type ContextRule } from './types.ts';

export const doctorPromotion: ContextRule = {
  name: 'doctor-promotion',
  lexicons: ['science-markers'],
  apply: (_rule, hits, env) => (looksLikeScience(env) ? hits.map((h) => ({ ...h, severity: 'review' as const })) : hits),
};
