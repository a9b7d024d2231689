// R13: an absolute term (最, 第一, 顶级 …) is illegal when it qualifies efficacy, safety, the
// institution or a doctor — "效果最好", "全国第一", "顶级专家". Otherwise ("最喜欢的咖啡") it is
// only a warning. "Qualifies" is approximated as: a claim-targets word in the same clause within
// REACH units, the hit itself included (so "最安全" counts).
import { clauseWindow } from '../clause.ts';
import type { ContextRule } from './types.ts';

const REACH = 8;

export const absoluteClaim: ContextRule = {
  name: 'absolute-claim',
  lexicons: ['claim-targets'],
  apply(_rule, hits, env) {
    const targets = env.lexicon('claim-targets');
    return hits.map((h) => {
      const { from, to } = clauseWindow(env.text, h.start, h.end, REACH);
      return targets.occursIn(from, to) ? h : { ...h, severity: 'warn' as const };
    });
  },
};
