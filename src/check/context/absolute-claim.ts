// R13: an absolute term (最, 第一, 顶级 …) is illegal when it qualifies efficacy, safety, the
// institution or a doctor — "效果最好", "全国第一", "顶级专家". Otherwise ("最喜欢的咖啡") it is
// only a warning. "Qualifies" is approximated as: a claim-targets word in the same clause within
// REACH units, the hit itself included (so "最安全" counts).
// Two uses are not the writer's claim even next to such a word:
//  - a quantity limit, 最多/最少/最长 + a number ("最多两次", "最长不超过3天"): a bound, not a ranking;
//  - the name of a prize won by a person or a team, 最佳/最受欢迎 … 奖 ("拿了最佳团队奖", "最佳新人奖"):
//    it names the award; an institution's or a treatment's award ("最佳医美机构奖") still counts, and
//    honours as such are R12's (荣获…奖);
//  - the writer's own experience ranked, 最 … + a stance word right after ("我最大的感受是", "花最多
//    时间的是", "最大的收获", "行业最不缺的就是…"): it ranks what the writer felt or spent, not a
//    treatment or an institution.
// The words (bound terms, what may lead a number, an award's 奖, what makes an award a claim) are
// data (compliance/discourse.yaml, section absoluteClaim); this module holds the shape of each test.
import { clauseWindow } from '../clause.ts';
import type { ABSOLUTE_CLAIM_LISTS } from '../schema.ts';
import { insideMatches } from './inside-matches.ts';
import type { ContextRule } from './types.ts';

const REACH = 8;

/** discourse.yaml's absoluteClaim section as compiled: each list as one regex alternative, folded. */
export type AbsoluteClaimSources = Record<(typeof ABSOLUTE_CLAIM_LISTS)[number], string>;

/** The lists of discourse.yaml in their fixed shape; matched on the folded text. */
export interface AbsoluteClaimRules {
  /** The whole hit is one of these (最多, 最长 …): it may bound a quantity. */
  readonly boundTerm: RegExp;
  /** Right after the hit: a number, maybe led by 不超过/只/才, so the term bounds a quantity. */
  readonly quantity: RegExp;
  /** Right after the hit: the rest of an award's name (group 1), up to its 奖. */
  readonly award: RegExp;
  /** Words that make an award an institution's or a treatment's (kept as a claim). */
  readonly awardClaim: RegExp;
  /** Right after a 最… hit (≤2 units between, no clause mark): the writer's own experience ranked. */
  readonly stance: RegExp;
  /** Compounds that hold a claim-targets word without naming a claim target (有效期, 安全出口). */
  readonly notTarget: RegExp;
}

export function absoluteClaimRules(l: AbsoluteClaimSources): AbsoluteClaimRules {
  const re = (source: string) => new RegExp(source, 'u');
  return {
    boundTerm: re(`^(?:${l.boundTerms})$`),
    quantity: re(`^(?:${l.quantityLeads})?(?:${l.quantityWords})`),
    // At most 6 units, none a clause mark, between the hit and the award word.
    award: re(`^([^，。！？；,!?;\\n]{0,6}?)(?:${l.awardWords})`),
    awardClaim: re(l.awardClaims),
    stance: re(`^[^，。！？；,!?;\\n]{0,2}?(?:${l.stanceWords})`),
    notTarget: new RegExp(l.notTargets, 'gu'),
  };
}

export const absoluteClaim: ContextRule = {
  name: 'absolute-claim',
  lexicons: ['claim-targets'],
  apply(_rule, hits, env) {
    const targets = env.lexicon('claim-targets');
    const { boundTerm, quantity, award: awardName, awardClaim, stance, notTarget } = env.discourse.absoluteClaim;
    // Compounds that only look like a target (有效期 holds 有效).
    const inCompound = insideMatches(env.text, notTarget);
    return hits.map((h) => {
      const word = env.text.slice(h.start, h.end);
      const after = env.text.slice(h.end, h.end + 12);
      if (boundTerm.test(word) && quantity.test(after)) return { ...h, severity: 'warn' as const };
      const award = awardName.exec(after);
      if (word.startsWith('最') && award && !awardClaim.test(award[1] ?? '')) return { ...h, severity: 'warn' as const };
      if (word.startsWith('最') && stance.test(after)) return { ...h, severity: 'warn' as const };
      const { from, to } = clauseWindow(env.text, h.start, h.end, REACH);
      return targets.within(from, to).some((t) => !inCompound(t)) ? h : { ...h, severity: 'warn' as const };
    });
  },
};
