// R21: experience-sharing (体验分享/测评/口碑) with a purchase link or ordering instructions must be
// labelled 广告 (《互联网广告管理办法》第九条). The word 广告 anywhere in the text counts as the label.
import type { ContextRule } from './types.ts';

export const experienceLink: ContextRule = {
  name: 'experience-link',
  lexicons: ['experience-markers'],
  apply(_rule, hits, env) {
    if (hits.length === 0 || env.text.includes('广告')) return [];
    const sharing = env.ctx.contentType === 'word_of_mouth' || env.mentions('experience-markers');
    return sharing ? hits : [];
  },
};
