// R19: students, 高考/中考, children and under-18s are only a problem when the text sells them
// something aesthetic (《广告法》第十条、第四十条). A student word in a text that mentions neither a
// medical project (medical-projects) nor an aesthetic offer (aesthetic-offers: 变美, 美白, 优惠,
// 到院, 预约 …) is everyday talk ("侄子中考完去旅游了") and its hits are dropped.
import type { ContextRule } from './types.ts';

export const minorsTarget: ContextRule = {
  name: 'minors-target',
  lexicons: ['medical-projects', 'aesthetic-offers'],
  apply: (_rule, hits, env) =>
    hits.length > 0 && (env.mentions('medical-projects') || env.mentions('aesthetic-offers')) ? hits : [],
};
