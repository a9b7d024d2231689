// The wording of image findings: what was seen, the law (from compliance-rules.md R08 and
// compliance/packs/R08-patient-testimony.yaml), and what to do instead. Kept next to each other so
// the reviewer-facing text reads consistently.
import type { CompositeDetection } from './composite.ts';
import type { LibraryMatch } from './library.ts';
import type { RetouchTrace } from './retouch.ts';
import type { ImageFinding } from './types.ts';

const BASIS_PATIENT_IMAGE = '《医疗美容广告执法指南》五（五）；《医疗广告管理办法》第七条第（六）项';
/** Art. 28(2)(4): 虚构使用商品或者接受服务的效果 — an edited or borrowed picture of a result. */
const BASIS_FABRICATED = '《广告法》第二十八条第二款第（四）项';

const pct = (f: number) => `${Math.round(f * 100)}%`;
const axisWord = (c: CompositeDetection) => (c.evidence.split === 'vertical' ? '左右' : '上下');

export function compositeFinding(c: CompositeDetection): ImageFinding {
  const e = c.evidence;
  const bar = e.dividers.length > 0 ? `，分隔条位于 ${e.dividers.map(pct).join('、')} 处` : '';
  if (c.kind === 'before-after') {
    return {
      rule: 'R08-before-after',
      category: 'R08',
      severity: 'block',
      explanation: `图片是${axisWord(c)} ${e.panels} 格拼接，各格画面高度相似（相似度 ${e.similarity.toFixed(2)}${bar}），疑似患者术前术后对比图。医疗广告不得使用患者形象作证明，前后对比无论真假一律禁止。`,
      basis: `${BASIS_PATIENT_IMAGE}；${BASIS_FABRICATED}`,
      suggestion: '删除对比图，改用不出现患者形象的图片（如诊所环境、项目流程示意）。',
      evidence: e,
    };
  }
  return {
    rule: 'R08-split-panels',
    category: 'R08',
    severity: 'review',
    explanation: `图片由${axisWord(c)} ${e.panels} 格拼接而成${bar}，各格画面不相同（相似度 ${e.similarity.toFixed(2)}），可能是不同角度的对比图，需人工确认。`,
    basis: BASIS_PATIENT_IMAGE,
    suggestion: '确认拼图中没有患者术前术后或效果对比；如有，删除该图。',
    evidence: e,
  };
}

export function retouchFinding(t: RetouchTrace): ImageFinding {
  const what = t.kind === 'app' ? `图片元数据显示经过修图软件“${t.name}”处理` : `图片元数据中有${t.name}`;
  return {
    rule: 'R08-retouched',
    category: 'R08',
    severity: 'review',
    explanation: `${what}（字段 ${t.field}）。若图片展示的是求美者或效果，修图会虚构效果，需审核确认图片内容与用途。`,
    basis: `${BASIS_FABRICATED}；${BASIS_PATIENT_IMAGE}`,
    suggestion: '不要用修过的人像展示效果；确需用图时，改用未经美颜修饰、且不涉及患者效果的图片。',
    evidence: t.kind === 'app' ? { software: t.name, field: t.field, value: t.value } : { trace: t.name, field: t.field, value: t.value },
  };
}

export function reuseFinding(m: LibraryMatch): ImageFinding {
  return {
    rule: 'R08-reused',
    category: 'R08',
    severity: 'review',
    explanation: `图片与图片库中的 ${m.file} 几乎相同（感知哈希相差 ${m.distance} 位），是图库图片或以前用过的图片。用图库或他人图片充当本院案例、效果，属于虚构效果。`,
    basis: `${BASIS_FABRICATED}；${BASIS_PATIENT_IMAGE}`,
    suggestion: '确认图片来源和授权，且不作为本院案例或效果展示；重复使用的患者图片应删除。',
    evidence: { match: m.file, distance: m.distance },
  };
}
