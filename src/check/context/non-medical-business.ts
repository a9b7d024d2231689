// R17: a 生活美容 business (brand.isMedicalInstitution false) may not advertise medical projects
// at all. Only an explicit false counts: an unknown brand is not assumed to be non-medical.
// A salon that says what it does not do ("不做任何注射、激光和医疗美容项目") or answers a customer's
// question with a refusal ("有顾客问能不能打水光，我们是生活美容店，不能做") is not advertising the
// project: the refusal is in the clause before the hit (a list shares one clause), or the hit is
// asked about and the sentence refuses it (lexicons service-refusals, asking-forms). A refusal that
// is itself denied (谁说美容院不能打瘦脸针？) is a boast and does not count (refusal-rhetoric).
import { clauseWindow, sentenceWindow } from '../clause.ts';
import type { ContextRule } from './types.ts';

/** How far before a hit, within its clause, a refusal reaches (不做任何注射、激光和医疗美容项目). */
const REFUSAL_REACH = 24;
/** How far a question (能不能打水光) and its refusal (不能做) may be apart in one sentence. */
const ANSWER_REACH = 40;

export const nonMedicalBusiness: ContextRule = {
  name: 'non-medical-business',
  lexicons: ['service-refusals', 'asking-forms', 'refusal-rhetoric'],
  apply: (_rule, hits, env) => {
    if (env.ctx.brand?.isMedicalInstitution !== false) return [];
    const refusals = env.lexicon('service-refusals');
    const asking = env.lexicon('asking-forms');
    const rhetoric = env.lexicon('refusal-rhetoric');
    // A refusal counts unless its own clause denies it before it (谁说……不能打).
    const refuses = (from: number, to: number) =>
      refusals.within(from, to).some((r) => !rhetoric.occursIn(clauseWindow(env.text, r.start, r.end, REFUSAL_REACH).from, r.start));
    return hits.filter((h) => {
      const clause = clauseWindow(env.text, h.start, h.end, REFUSAL_REACH);
      if (refuses(clause.from, h.start)) return false;
      if (asking.occursIn(clause.from, h.end) || asking.occursIn(h.end, clause.to)) {
        const sentence = sentenceWindow(env.text, h.start, h.end, ANSWER_REACH);
        if (refuses(h.end, sentence.to)) return false;
      }
      return true;
    });
  },
};
