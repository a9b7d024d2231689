// R18: "祛斑" in a clinic's laser post is a medical project; "祛斑" next to 面膜 or 精华 is a
// cosmetic claiming a medical effect. The claim counts when a cosmetics/food word is in the same
// sentence within REACH units (product and claim are often a comma apart: "益生菌每天一包，排毒养颜").
import { sentenceWindow } from '../clause.ts';
import type { ContextRule } from './types.ts';

const REACH = 24;

export const productMedicalClaim: ContextRule = {
  name: 'product-medical-claim',
  lexicons: ['cosmetics-and-food'],
  apply(_rule, hits, env) {
    const products = env.lexicon('cosmetics-and-food');
    return hits.filter((h) => {
      const { from, to } = sentenceWindow(env.text, h.start, h.end, REACH);
      return products.occursIn(from, to);
    });
  },
};
