// R15: a medical ad needs a 医疗广告审查证明 and must show its number (办法第十四条). Whether the
// clinic has one comes from brand.adReviewCertificate; without a brand we cannot judge, so
// nothing fires (callers that gate publishing always pass the brand).
import { PROMOTIONAL_TYPES } from '../../domain/types.ts';
import type { ContextRule } from './types.ts';

/** Promotions (prices, packages, discounts): block without a certificate; review when the
 *  clinic has one but the text does not show its number. */
export const promotionCertificate: ContextRule = {
  name: 'promotion-certificate',
  lexicons: [],
  apply(_rule, hits, env) {
    const brand = env.ctx.brand;
    if (!brand || hits.length === 0) return [];
    const cert = brand.adReviewCertificate?.trim();
    if (!cert) return hits;
    if (env.text.includes(env.fold(cert))) return [];
    return hits.map((h) => ({ ...h, severity: 'review' as const }));
  },
};

/** A product/promotion post about a medical project, with no price words, from a clinic
 *  without a certificate: probably still an ad, so one review finding at the first mention.
 *  When another rule of the category already fired (a promotion), that finding says it all. */
export const productWithoutCertificate: ContextRule = {
  name: 'product-without-certificate',
  lexicons: [],
  apply(rule, hits, env) {
    const { brand, contentType } = env.ctx;
    if (!brand || brand.adReviewCertificate?.trim() || !contentType || !PROMOTIONAL_TYPES.includes(contentType)) return [];
    if (env.rawHits.some((h) => h.rule.category === rule.category && h.rule !== rule)) return [];
    // The earliest mention, and of those the longest (光子嫩肤 rather than 光子).
    const first = hits.reduce<(typeof hits)[number] | undefined>(
      (a, h) => (!a || h.start < a.start || (h.start === a.start && h.end > a.end) ? h : a),
      undefined,
    );
    return first ? [first] : [];
  },
};
