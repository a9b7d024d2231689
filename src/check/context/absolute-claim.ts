// R13: an absolute term (最, 第一, 顶级 …) is illegal when it qualifies efficacy, safety, the
// institution or a doctor — "效果最好", "全国第一", "顶级专家". Otherwise ("最喜欢的咖啡") it is
// only a warning. "Qualifies" is approximated as: a claim-targets word in the same clause within
// REACH units, the hit itself included (so "最安全" counts).
// Two uses are not the writer's claim even next to such a word:
//  - a quantity limit, 最多/最少/最长 + a number ("最多两次", "最长不超过3天"): a bound, not a ranking;
//  - the name of a prize won by a person or a team, 最佳/最受欢迎 … 奖 ("拿了最佳团队奖", "最佳新人奖"):
//    it names the award; an institution's or a treatment's award ("最佳医美机构奖") still counts, and
//    honours as such are R12's (荣获…奖).
import { clauseWindow } from '../clause.ts';
import type { ContextRule } from './types.ts';

const REACH = 8;

/** Right after the hit (folded text): a number, so the term bounds a quantity. */
const QUANTITY = /^(?:不超过|不超|也就|也不过|只|只有|才)?(?:\d|[两几半十百千万])/u;
const BOUND_TERMS = new Set(['最多', '最少', '最长', '最短', '最快', '最慢', '最晚', '最早', '最高', '最低']);
/** Right after the hit: the rest of an award's name, up to its 奖. */
const AWARD = /^([^，。！？；,!?;\n]{0,6}?)(?:奖|大奖)/u;
/** Words that make an award an institution's or a treatment's (kept as a claim). */
const AWARD_CLAIM = /机构|医院|诊所|门诊|医美|整形|品牌|项目|技术|效果|疗效|设备|仪器|产品|服务/u;

export const absoluteClaim: ContextRule = {
  name: 'absolute-claim',
  lexicons: ['claim-targets'],
  apply(_rule, hits, env) {
    const targets = env.lexicon('claim-targets');
    return hits.map((h) => {
      const word = env.text.slice(h.start, h.end);
      const after = env.text.slice(h.end, h.end + 12);
      if (BOUND_TERMS.has(word) && QUANTITY.test(after)) return { ...h, severity: 'warn' as const };
      const award = AWARD.exec(after);
      if (word.startsWith('最') && award && !AWARD_CLAIM.test(award[1] ?? '')) return { ...h, severity: 'warn' as const };
      const { from, to } = clauseWindow(env.text, h.start, h.end, REACH);
      return targets.occursIn(from, to) ? h : { ...h, severity: 'warn' as const };
    });
  },
};
