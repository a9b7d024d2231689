// R03: botulinum toxin and prescription drugs must not be advertised at all, so any mention in
// copy that sells is blocked. A text that only warns ("肉毒毒素是处方药，来路不明的千万别打")
// and carries nothing that sells (booking, contact, price, promotion) is not an ad for it; it
// still goes to a reviewer, because naming the drug in public copy is sensitive either way.
import type { ContextRule } from './types.ts';

export const prescriptionWarning: ContextRule = {
  name: 'prescription-warning',
  lexicons: ['warning-markers', 'selling-markers'],
  apply(_rule, hits, env) {
    if (hits.length === 0) return hits;
    const warningOnly = env.mentions('warning-markers') && !env.mentions('selling-markers');
    return warningOnly ? hits.map((h) => ({ ...h, severity: 'review' as const })) : hits;
  },
};
