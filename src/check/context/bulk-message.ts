// R21: a message addressed to customers at large (亲爱的顾客, 尊敬的会员 — bulk-salutations) that
// carries commercial content (积分兑换, 优惠, 活动 — commercial-markers) is an ad sent to many
// people: 《广告法》第四十三条 requires a way to refuse further messages. Without an opt-out phrase
// (opt-out-markers: 退订, 回复T …) the salutation hit stands; a plain service notice (no commercial
// content) or one that offers 退订 passes.
import type { ContextRule } from './types.ts';

/** Promotions (R15) and price inducement (R16) are commercial content too. */
const PROMOTION_CATEGORIES = ['R15', 'R16'];

export const bulkMessage: ContextRule = {
  name: 'bulk-message',
  lexicons: ['commercial-markers', 'opt-out-markers'],
  apply(_rule, hits, env) {
    if (hits.length === 0) return [];
    // Commercial content: the marker words, or anything the promotion/price rules found (特惠, 8折…).
    const commercial = env.mentions('commercial-markers') || env.rawHits.some((h) => PROMOTION_CATEGORIES.includes(h.rule.category) && h.severity !== 'warn');
    if (hits.length === 0 || !commercial || env.mentions('opt-out-markers')) return [];
    return [hits[0]!];
  },
};
