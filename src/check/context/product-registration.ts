// R02, registration check: only some models of these products (水光针, 童颜针, 嗨体…) are
// registered, each for given body areas, so copy that promotes one needs a reviewer to check the
// registration first. Copy that informs and sells nothing — 科普, aftercare, a warning against
// salon injections — does not advertise the product: the finding stays in front of the editor as
// a warning, and no sign-off is asked for. Whether the text sells is read from the selling, pitch
// and commercial lexicons, a price or offer found by R15/R16, or a promotional content type.
import { PROMOTIONAL_TYPES } from '../../domain/types.ts';
import { PRICE_CATEGORY, promotionCertificate } from './certificate.ts';
import { looksLikeScience, type ContextEnv, type ContextRule } from './types.ts';


function sells(env: ContextEnv): boolean {
  const { contentType } = env.ctx;
  if (contentType && PROMOTIONAL_TYPES.includes(contentType)) return true;
  return (
    env.mentions('selling-markers') ||
    env.mentions('pitch-markers') ||
    env.mentions('commercial-markers') ||
    // A price or offer: the price-inducement category, or R15's promotion rule (whatever its id: the
    // one the promotion-certificate context judges). R15's other raw hits are mere project names,
    // which 科普 has too.
    env.rawHits.some((h) => h.rule.category === PRICE_CATEGORY || h.rule.context === promotionCertificate.name)
  );
}

/** Reads as 科普, a Q&A, aftercare or a warning. A text that is neither this nor selling (童颜针…
 *  我们也可以用来丰臀) keeps the review: off-label talk without a selling word is still promotion. */
function informs(env: ContextEnv): boolean {
  return looksLikeScience(env) || env.mentions('knowledge-formats') || env.mentions('warning-markers');
}

export const registrationWhenSelling: ContextRule = {
  name: 'registration-when-selling',
  lexicons: ['selling-markers', 'pitch-markers', 'commercial-markers', 'science-markers', 'knowledge-formats', 'warning-markers'],
  apply(_rule, hits, env) {
    if (hits.length === 0 || sells(env) || !informs(env)) return hits;
    return hits.map((h) => ({ ...h, severity: 'warn' as const }));
  },
};
