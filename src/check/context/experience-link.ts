// R21: experience-sharing (体验分享/测评/口碑) with a purchase link or ordering instructions must be
// labelled 广告 (《互联网广告管理办法》第九条). The word 广告 counts as the label unless it is denied
// (“不是广告”“非广告”“无广告” — a denial is the opposite of a label).
// The denials are data (compliance/discourse.yaml, section experienceLink).
import type { EXPERIENCE_LINK_LISTS } from '../schema.ts';
import type { ContextEnv, ContextRule } from './types.ts';

/** discourse.yaml's experienceLink section as compiled: each list as one regex alternative, folded. */
export type ExperienceLinkSources = Record<(typeof EXPERIENCE_LINK_LISTS)[number], string>;

/** The lists of discourse.yaml in their fixed shape; matched on the folded text. */
export interface ExperienceLinkRules {
  /** A denial ending the three units before 广告: the label is denied (不是广告). */
  readonly labelDenied: RegExp;
}

export function experienceLinkRules(l: ExperienceLinkSources): ExperienceLinkRules {
  return { labelDenied: new RegExp(`(?:${l.labelDenials})$`, 'u') };
}

function labelledAd(env: ContextEnv): boolean {
  const { text } = env;
  const { labelDenied } = env.discourse.experienceLink;
  for (let at = text.indexOf('广告'); at >= 0; at = text.indexOf('广告', at + 2)) {
    const before = text.slice(Math.max(0, at - 3), at);
    if (!labelDenied.test(before)) return true;
  }
  return false;
}

export const experienceLink: ContextRule = {
  name: 'experience-link',
  lexicons: ['experience-markers'],
  apply(_rule, hits, env) {
    if (hits.length === 0 || labelledAd(env)) return [];
    const sharing = env.ctx.contentType === 'word_of_mouth' || env.mentions('experience-markers');
    return sharing ? hits : [];
  },
};
