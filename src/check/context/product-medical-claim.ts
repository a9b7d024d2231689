// R18: "祛斑" in a clinic's laser post is a medical project; "祛斑" next to 面膜 or 精华 is a
// cosmetic claiming a medical effect. The claim counts when a cosmetics/food word is in the same
// clause within REACH units.
import { clauseWindow } from '../clause.ts';
import type { ContextRule } from './types.ts';

const REACH = 12;

export const productMedicalClaim: ContextRule = {
  name: 'product-medical-claim',
  lexicons: ['cosmetics-and-food'],
  apply(_rule, hits, env) {
    const products = env.lexicon('cosmetics-and-food');
    return hits.filter((h) => {
      const { from, to } = clauseWindow(env.text, h.start, h.end, REACH);
      return products.occursIn(from, to);
    });
  },
};
