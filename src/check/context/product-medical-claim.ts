// R18: "祛斑" in a clinic's laser post is a medical project; "祛斑" next to 面膜 or 精华 is a
// cosmetic claiming a medical effect. The claim counts when a cosmetics/food word is in the same
// sentence within REACH units (product and claim are often a comma apart: "益生菌每天一包，排毒养颜").
// A hit that itself opens with a using verb (喝/吃/涂/敷 …, from rule R18-product-use-claim: "喝了一个月
// 斑淡了") names the product by the act of using it, and stands without a product word.
// The using verbs are data (compliance/discourse.yaml, section productMedicalClaim).
import { sentenceWindow } from '../clause.ts';
import type { PRODUCT_CLAIM_LISTS } from '../schema.ts';
import type { ContextRule } from './types.ts';

const REACH = 24;

/** discourse.yaml's productMedicalClaim section as compiled: each list as one regex alternative, folded. */
export type ProductMedicalClaimSources = Record<(typeof PRODUCT_CLAIM_LISTS)[number], string>;

/** The lists of discourse.yaml in their fixed shape; matched on the folded text. */
export interface ProductMedicalClaimRules {
  /** Verbs of consuming or applying a product, tried at a hit's start (sticky: set lastIndex). */
  readonly using: RegExp;
}

export function productMedicalClaimRules(l: ProductMedicalClaimSources): ProductMedicalClaimRules {
  return { using: new RegExp(`(?:${l.usingVerbs})`, 'uy') };
}

/** Whether the text at `at` starts with a using verb. */
function startsUsing(using: RegExp, text: string, at: number): boolean {
  using.lastIndex = at;
  return using.test(text);
}

export const productMedicalClaim: ContextRule = {
  name: 'product-medical-claim',
  lexicons: ['cosmetics-and-food'],
  apply(_rule, hits, env) {
    const products = env.lexicon('cosmetics-and-food');
    const { using } = env.discourse.productMedicalClaim;
    return hits.filter((h) => {
      // A hit that opens with a using verb names the product by the act of using it.
      if (startsUsing(using, env.text, h.start)) return true;
      const { from, to } = sentenceWindow(env.text, h.start, h.end, REACH);
      return products.occursIn(from, to);
    });
  },
};
