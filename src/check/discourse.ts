// The word lists of compliance/discourse.yaml: how the text talks about a claim (warns about it,
// denies it, asks about it, quotes someone else) rather than the claim itself, and the other words
// the context rules read in a fixed shape (quantity bounds and awards, a consultant's invitation,
// negations, denied ad labels, using verbs). Compiled into one regex alternative per list
// (compile.ts), stored like that in the compiled-pack cache, and turned into the rules' regexes
// here, on every load — a few dozen small regexes, nothing to cache.
import { debunkRules, type DebunkRules, type DebunkSources } from './debunk.ts';
import { absoluteClaimRules, type AbsoluteClaimRules, type AbsoluteClaimSources } from './context/absolute-claim.ts';
import { pitchRules, type PitchSources } from './context/certificate.ts';
import { experienceLinkRules, type ExperienceLinkRules, type ExperienceLinkSources } from './context/experience-link.ts';
import { productMedicalClaimRules, type ProductMedicalClaimRules, type ProductMedicalClaimSources } from './context/product-medical-claim.ts';
import { negationRules, type NegationRules, type NegationSources } from './context/sentence.ts';
import { testimonyRules, type TestimonyRules, type TestimonySources } from './context/testimony.ts';

/** What the cache stores: plain strings. */
export interface DiscourseSources {
  readonly debunk: DebunkSources;
  readonly testimony: TestimonySources;
  readonly absoluteClaim: AbsoluteClaimSources;
  readonly pitch: PitchSources;
  readonly negation: NegationSources;
  readonly experienceLink: ExperienceLinkSources;
  readonly productMedicalClaim: ProductMedicalClaimSources;
}

export interface Discourse {
  readonly sources: DiscourseSources;
  /** Read on the original text (debunk.ts). */
  readonly debunk: DebunkRules;
  /** The rest is read on the folded text, by the context rules. testimony: R08. */
  readonly testimony: TestimonyRules;
  /** absolute-claim (R13): quantity bounds and award names. */
  readonly absoluteClaim: AbsoluteClaimRules;
  /** product-without-certificate (R15): how consultants invite to a project. */
  readonly pitch: readonly RegExp[];
  /** affirmed() (sentence.ts): which words are negated. */
  readonly negation: NegationRules;
  /** experience-link (R21): a denied 广告 label. */
  readonly experienceLink: ExperienceLinkRules;
  /** product-medical-claim (R18): verbs of using a product. */
  readonly productMedicalClaim: ProductMedicalClaimRules;
}

export const buildDiscourse = (sources: DiscourseSources): Discourse => ({
  sources,
  debunk: debunkRules(sources.debunk),
  testimony: testimonyRules(sources.testimony),
  absoluteClaim: absoluteClaimRules(sources.absoluteClaim),
  pitch: pitchRules(sources.pitch),
  negation: negationRules(sources.negation),
  experienceLink: experienceLinkRules(sources.experienceLink),
  productMedicalClaim: productMedicalClaimRules(sources.productMedicalClaim),
});
