// R15: a medical ad needs a 医疗广告审查证明 and must show its number (办法第十四条). Whether the
// clinic has one comes from brand.adReviewCertificate; without a brand we cannot judge, so
// nothing fires (callers that gate publishing always pass the brand).
import { PROMOTIONAL_TYPES } from '../../domain/types.ts';
import type { Hit } from '../match.ts';
import type { PITCH_LISTS } from '../schema.ts';
import { after } from '../clause.ts';
import { affirmed } from './sentence.ts';
import { looksLikeScience, type ContextEnv, type ContextRule } from './types.ts';

/** The price-inducement category: whatever it finds (原价, 秒杀, 限时限量, 赠品) is a promotion too,
 *  so its hits count as promotion hits of R15 and the two word lists need not be kept in step. */
export const PRICE_CATEGORY = 'R16';

function priceHits(env: ContextEnv): Hit[] {
  return env.rawHits.filter((h) => h.rule.category === PRICE_CATEGORY);
}

const OWN_PURCHASE_LEXICONS = ['medical-projects', 'treatment-markers', 'everyday-shopping', 'buyer-voice'];

/** A consultant's life post about something she bought, not the clinic selling: a sale at an
 *  everyday shop (书店, 超市 — everyday-shopping) or the buyer's own voice (买了, 下单了, 囤了, 拼单 —
 *  buyer-voice: "大衣原价1299，到手599，果断下单了"), and no medical project or treatment named. */
export function ownPurchase(env: ContextEnv): boolean {
  if (env.mentions('medical-projects') || env.mentions('treatment-markers')) return false;
  return env.mentions('everyday-shopping') || env.mentions('buyer-voice');
}

/** R16: price inducement is about what the clinic sells; in a post about the writer's own shopping
 *  (ownPurchase) the 原价/半价 of a coat or a milk tea is not the clinic's price, so the hits go. */
export const ownPurchaseContext: ContextRule = {
  name: 'own-purchase',
  lexicons: OWN_PURCHASE_LEXICONS,
  apply: (_rule, hits, env) => (hits.length === 0 || ownPurchase(env) ? [] : hits),
};

/** Promotions (prices, packages, discounts, gifts, time limits): block without a certificate;
 *  review when the clinic has one but the text does not show its number. */
export const promotionCertificate: ContextRule = {
  name: 'promotion-certificate',
  lexicons: OWN_PURCHASE_LEXICONS,
  apply(rule, own, env) {
    const brand = env.ctx.brand;
    if (!brand) return [];
    if (ownPurchase(env)) return [];
    // A 生活美容 business's own prices (储值卡, 会员价 of a facial) are not a medical ad; when it names
    // a medical project, R17 blocks that and the prices stay an unreviewed medical ad.
    if (brand.isMedicalInstitution === false && !env.mentions('medical-projects')) return [];
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
  // 科普 first: a lexicon lookup, where the pitch phrases are six regexes over the whole text.
  return !looksLikeScience(env) && (pitchWords(env) || env.discourse.pitch.some((re) => re.test(env.text)));
}

/** A pitch-markers word that is not negated in its clause: "孕期能不能做光子？不可以" and
 *  "不建议做" answer a question, they do not invite (能做 inside 不能做 is not a pitch). */
function pitchWords(env: ContextEnv): boolean {
  if (!env.mentions('pitch-markers')) return false;
  return affirmed(env, env.lexicon('pitch-markers').within(0, env.text.length)).some((w) => !asked(env.text, w.end));
}

const QUESTION_MARKS = new Set([...'？?'].map((c) => c.charCodeAt(0)));

/** A pitch word in a clause that ends in a question mark asks, it does not invite: "未成年可以做吗？"
 *  — the FAQ's question, answered by the clinic's rule in the next clause. */
function asked(text: string, end: number): boolean {
  const rest = after(text, end, QUESTION_REACH);
  return rest.length < QUESTION_REACH && QUESTION_MARKS.has(text.charCodeAt(end + rest.length));
}

/** How far after the pitch word the question mark may be (可以做吗？, 能做这个项目吗？). */
const QUESTION_REACH = 8;

/** discourse.yaml's pitch section as compiled: each list as one regex alternative, folded. */
export type PitchSources = Record<(typeof PITCH_LISTS)[number], string>;

/** How consultants invite to a project, beyond the fixed pitch-markers words: the lists of
 *  discourse.yaml's pitch section in their fixed shapes, matched on the folded text, each within
 *  a clause. “想了解的可以来找我聊聊”“具体请到院面诊评估” are not pitches (an offer to talk, a
 *  disclaimer), so 找我聊 and 面诊评估 are left out of the lists on purpose. */
export function pitchRules(l: PitchSources): readonly RegExp[] {
  const re = (source: string) => new RegExp(source, 'u');
  return [
    // Whole phrases: 适合你、安排上、约起来、私我、来约、有档期、预约面诊
    re(l.phrases),
    // adverb + 来/到 + place or act: 可以来做、欢迎来院、随时来打、直接到店体验
    re(`(?:${l.comeAdverbs})(?:${l.comeVerbs})(?:${l.comeTargets})`),
    // verb + (whom)(们) + at most 3 units of the clause + act: 推荐你试试、建议姐妹们做、推荐入
    re(`(?:${l.recommendVerbs})(?:${l.recommendAddressees})?们?[^，。！？；\n]{0,3}(?:${l.recommendActions})`),
    // wish + 的 + whom: 需要的姐妹、想做的宝子、感兴趣的朋友
    re(`(?:${l.interestedIn})的(?:${l.interestedAudience})`),
    // way of contact + booking: 找我预约、扫码登记、点击报名
    re(`(?:${l.contactWays})(?:${l.contactActions})`),
    // coming to the clinic + why: 来院了解、到店咨询
    re(`(?:${l.visitWays})(?:${l.visitPurposes})`),
  ];
}

/** A product/promotion post about a medical project, with no price words, from a clinic
 *  without a certificate: probably still an ad, so one review finding at the first mention.
 *  When another rule of the category already fired (a promotion), that finding says it all. */
export const productWithoutCertificate: ContextRule = {
  name: 'product-without-certificate',
  lexicons: ['pitch-markers', 'science-markers'],
  apply(rule, hits, env) {
    const { brand } = env.ctx;
    // The cheap tests first: pitches() runs several regexes over the text.
    if (hits.length === 0 || !brand || brand.adReviewCertificate?.trim()) return [];
    if (env.rawHits.some((h) => (h.rule.category === rule.category && h.rule !== rule) || h.rule.category === PRICE_CATEGORY)) return [];
    if (!pitches(env)) return [];
    // The earliest mention, and of those the longest (光子嫩肤 rather than 光子).
    const first = hits.reduce<(typeof hits)[number] | undefined>(
      (a, h) => (!a || h.start < a.start || (h.start === a.start && h.end > a.end) ? h : a),
      undefined,
    );
    return first ? [first] : [];
  },
};
