// R15: a medical ad needs a 医疗广告审查证明 and must show its number (办法第十四条). Whether the
// clinic has one comes from brand.adReviewCertificate; without a brand we cannot judge, so
// nothing fires (callers that gate publishing always pass the brand).
import { PROMOTIONAL_TYPES } from '../../domain/types.ts';
import type { Hit } from '../match.ts';
import { looksLikeScience, type ContextEnv, type ContextRule } from './types.ts';

/** The price-inducement category: whatever it finds (原价, 秒杀, 限时限量, 赠品) is a promotion too,
 *  so its hits count as promotion hits of R15 and the two word lists need not be kept in step. */
const PRICE_CATEGORY = 'R16';

function priceHits(env: ContextEnv): Hit[] {
  return env.rawHits.filter((h) => h.rule.category === PRICE_CATEGORY);
}

/** Promotions (prices, packages, discounts, gifts, time limits): block without a certificate;
 *  review when the clinic has one but the text does not show its number. */
export const promotionCertificate: ContextRule = {
  name: 'promotion-certificate',
  lexicons: [],
  apply(rule, own, env) {
    const brand = env.ctx.brand;
    if (!brand) return [];
    const hits = [...own];
    for (const h of priceHits(env)) {
      // Not already covered by one of this rule's own hits.
      if (!hits.some((o) => o.start < h.end && h.start < o.end)) hits.push({ ...h, rule, severity: rule.severity });
    }
    if (hits.length === 0) return [];
    const cert = brand.adReviewCertificate?.trim();
    if (!cert) return hits;
    if (env.text.includes(env.fold(cert))) return [];
    return hits.map((h) => ({ ...h, severity: 'review' as const }));
  },
};

/** Whether the text is a product/promotion post: the declared content type when there is one,
 *  otherwise selling wording (pitch-markers) in a text that does not read as 科普 (R14's ground). */
function pitches(env: ContextEnv): boolean {
  const { contentType } = env.ctx;
  if (contentType) return PROMOTIONAL_TYPES.includes(contentType);
  return env.mentions('pitch-markers') && !looksLikeScience(env);
}

/** A product/promotion post about a medical project, with no price words, from a clinic
 *  without a certificate: probably still an ad, so one review finding at the first mention.
 *  When another rule of the category already fired (a promotion), that finding says it all. */
export const productWithoutCertificate: ContextRule = {
  name: 'product-without-certificate',
  lexicons: ['pitch-markers', 'science-markers'],
  apply(rule, hits, env) {
    const { brand } = env.ctx;
    if (!brand || brand.adReviewCertificate?.trim() || !pitches(env)) return [];
    if (env.rawHits.some((h) => (h.rule.category === rule.category && h.rule !== rule) || h.rule.category === PRICE_CATEGORY)) return [];
    // The earliest mention, and of those the longest (光子嫩肤 rather than 光子).
    const first = hits.reduce<(typeof hits)[number] | undefined>(
      (a, h) => (!a || h.start < a.start || (h.start === a.start && h.end > a.end) ? h : a),
      undefined,
    );
    return first ? [first] : [];
  },
};
