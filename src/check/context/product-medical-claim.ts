// R18: "祛斑" in a clinic's laser post is a medical project; "祛斑" next to 面膜 or 精华 is a
// cosmetic claiming a medical effect. The claim counts when a cosmetics/food word is in the same
// sentence within REACH units (product and claim are often a comma apart: "益生菌每天一包，排毒养颜").
// A hit that itself opens with a using verb (喝/吃/涂/敷 …, from rule R18-product-use-claim: "喝了一个月
// 斑淡了") names the product by the act of using it, and stands without a product word.
import { sentenceWindow } from '../clause.ts';
import type { ContextRule } from './types.ts';

const REACH = 24;

/** Verbs of consuming or applying a product; a hit starting with one is a product claim itself. */
const USING = ['喝', '吃', '涂', '抹', '敷', '擦', '喷', '刷', '服用', '口服'];

export const productMedicalClaim: ContextRule = {
  name: 'product-medical-claim',
  lexicons: ['cosmetics-and-food'],
  apply(_rule, hits, env) {
    const products = env.lexicon('cosmetics-and-food');
    return hits.filter((h) => {
      if (USING.some((v) => env.text.startsWith(v, h.start))) return true;
      const { from, to } = sentenceWindow(env.text, h.start, h.end, REACH);
      return products.occursIn(from, to);
    });
  },
};
