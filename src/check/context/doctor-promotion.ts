// R11: a doctor's name and title used to attract customers is forbidden in ads, but genuine 科普
// may name the doctor (《医疗广告认定指南》). The checker cannot tell genuine 科普 from a disguise,
// so in 科普-looking text the hit goes to a reviewer instead of being blocked.
import { clauseWindow } from '../clause.ts';
import type { Hit } from '../match.ts';
import { affirmed, sentenceWindow } from './sentence.ts';
import { looksLikeScience, type ContextEnv, type ContextRule } from './types.ts';

export const doctorPromotion: ContextRule = {
  name: 'doctor-promotion',
  lexicons: ['science-markers'],
  apply: (_rule, hits, env) => (looksLikeScience(env) ? hits.map((h) => ({ ...h, severity: 'review' as const })) : hits),
};

/** How far (folded units, within the sentence) praise may sit from a named doctor. */
const PRAISE_REACH = 40;
/** How far (within the clause) a call to choose or book may sit from a named doctor. */
const CALL_REACH = 8;

/** 科普-like text, not counting a science marker that is part of the doctor's own words
 *  ("刘医生说：交给我" — quoting the doctor is not what makes a text 科普). */
function scienceApartFrom(hits: readonly Hit[], env: ContextEnv): boolean {
  if (env.ctx.contentType === 'knowledge') return true;
  if (!env.mentions('science-markers')) return false;
  const markers = env.lexicon('science-markers').within(0, env.text.length);
  // A marker that is part of the hit's own words (张医生说 → 医生说) is not a label of the text; one
  // that starts after the title (王丽医生科普：) is.
  return markers.some((m) => !hits.some((h) => m.start < h.end && m.end > h.start));
}

/**
 * R11 named doctors (张主任, 刘医生, 李娜医生). A name alone is objective information (王医生周三
 * 出诊) — a warning at most. It is promotion when the same sentence praises the doctor (从事25年,
 * 手法细腻, 经验丰富, 最好) → block, review in 科普; or when the clause calls the reader to choose or
 * book that doctor (认准张主任, 预约李医生, 交给我) → block even in 科普. In 科普 without either,
 * naming a doctor with a title is reviewed (genuine 科普 may do so, a reviewer confirms it).
 */
export const namedDoctor: ContextRule = {
  name: 'named-doctor',
  lexicons: ['science-markers', 'doctor-praise', 'doctor-calls'],
  apply(_rule, hits, env) {
    if (hits.length === 0) return hits;
    const praise = env.lexicon('doctor-praise');
    const calls = env.lexicon('doctor-calls');
    const science = scienceApartFrom(hits, env);
    return hits.map((h) => {
      const c = clauseWindow(env.text, h.start, h.end, CALL_REACH);
      if (affirmed(env, calls.within(c.from, c.to)).length > 0) return h;
      const s = sentenceWindow(env.text, h.start, h.end, PRAISE_REACH);
      if (affirmed(env, praise.within(s.from, s.to)).length > 0) return science ? { ...h, severity: 'review' as const } : h;
      return { ...h, severity: science ? ('review' as const) : ('warn' as const) };
    });
  },
};
