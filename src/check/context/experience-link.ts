// R21: experience-sharing (体验分享/测评/口碑) with a purchase link or ordering instructions must be
// labelled 广告 (《互联网广告管理办法》第九条). The word 广告 counts as the label unless it is denied
// (“不是广告”“非广告”“无广告” — a denial is the opposite of a label).
import type { ContextEnv, ContextRule } from './types.ts';

const DENIALS = ['不是', '并非', '非', '无', '没有', '不算', '不含', '绝不是', '才不是'];

function labelledAd(env: ContextEnv): boolean {
  const { text } = env;
  for (let at = text.indexOf('广告'); at >= 0; at = text.indexOf('广告', at + 2)) {
    const before = text.slice(Math.max(0, at - 3), at);
    if (!DENIALS.some((d) => before.endsWith(d))) return true;
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
