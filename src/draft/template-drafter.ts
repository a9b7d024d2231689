// Template mode: drafts a slot offline from the clinic's Handlebars templates. It picks the template
// family for the slot, rotates through its variants by date so a week of posts does not repeat,
// and falls back to the next variant when one renders something unusable (a banned phrase, too
// long, a template error). It returns { ok: false, reason } rather than throwing.
import type { CardFields, DraftOutcome, Slot } from '../domain/types.ts';
import { CONTENT_TYPE_LABELS, DRAFT_KIND_LABELS } from '../domain/types.ts';
import { logger } from '../shared/logger.ts';
import type { Group } from '../workspace/schema.ts';
import type { DraftContext, Drafter } from './drafter.ts';
import { hashString, type RenderState } from './template-helpers.ts';
import {
  CARD_FIELDS,
  GROUP_TOPIC_KINDS,
  GROUP_TOPIC_KIND_LABELS,
  loadTemplateLibrary,
  type CardVariant,
  type CompiledTemplate,
  type GroupTopicKind,
  type TemplateLibrary,
} from './template-library.ts';
import { applyEmojiPolicy, charCount, findBannedPhrase, hasChinese, normaliseText, WECOM_TEXT_LIMIT } from './template-text.ts';
import { buildView, type TemplateView } from './template-view.ts';
import { packagePath } from '../shared/package-root.ts';

/** The templates shipped with Siyu, resolved from this file so the cwd does not matter. */
export const DEFAULT_TEMPLATES_DIR = packagePath('templates');

/**
 * Which group-post kind a group slot gets. The planner may ask for one explicitly by using the kind
 * as the slot topic; otherwise it follows the content type (and the group's daily-question switch).
 */
export function groupTopicKind(slot: Slot, group: Group | undefined): GroupTopicKind {
  if ((GROUP_TOPIC_KINDS as readonly string[]).includes(slot.topic)) return slot.topic as GroupTopicKind;
  switch (slot.contentType) {
    case 'interaction':
      return group?.dailyQuestion ? 'daily_question' : 'discussion';
    case 'knowledge':
      return 'discussion';
    case 'product':
      return 'expert_qa';
    case 'promotion':
      return 'welfare';
    case 'word_of_mouth':
      return 'story_share';
    case 'lifestyle':
      return 'check_in';
  }
}

/** Days since 1970-01-01 for a YYYY-MM-DD date, the rotation counter of the variants. */
const dayNumber = (date: string): number => {
  const t = Date.parse(`${date}T00:00:00Z`);
  return Number.isNaN(t) ? 0 : Math.floor(t / 86_400_000);
};

/**
 * Variant order for a slot: start at a position that moves by one each day within a "lane"
 * (persona × segment × kind × type × time), so consecutive days of the same lane differ, then
 * try the rest in order as fallbacks. The lane hash keeps two segments of one persona apart.
 */
export function variantOrder(slot: Slot, n: number): number[] {
  const lane = `${slot.personaId}|${slot.segmentId}|${slot.kind}|${slot.contentType}|${slot.groupId ?? ''}|${slot.cardTemplate ?? ''}|${slot.time}`;
  const start = (dayNumber(slot.date) + hashString(lane)) % n;
  return Array.from({ length: n }, (_, i) => (start + i) % n);
}

/** `broken` marks a template that failed to render (a bug in the template), not a mere misfit. */
/** Chinese for the two runtime errors strict templates produce; anything else as it is. */
function explainRenderError(e: unknown, t: CompiledTemplate): string {
  const raw = e instanceof Error ? (e.message.split('\n')[0] ?? '') : String(e);
  const missing = /^"(.+)" not defined in .* - (\d+):(\d+)$/.exec(raw);
  if (missing) {
    // Quote the whole expression ({{servce.name}}), not just the last name Handlebars reports.
    const line = Number(missing[2]);
    const text = t.source.split('\n')[line - 1]?.slice(Number(missing[3])) ?? '';
    const expr = text.slice(0, Math.max(0, text.indexOf('}}'))).trim() || missing[1];
    return `第 ${line + t.lineOffset} 行的 {{${expr}}} 找不到字段 “${missing[1]}”（名称写错了吗？见 templates/README.md）`;
  }
  const empty = /^Cannot read properties of (?:null|undefined) \(reading '(.+)'\)$/.exec(raw);
  if (empty) return `读取 “${empty[1]}” 时它的上一级为空，请先用 {{#if …}} 判断`;
  return raw;
}

type Rendered = { ok: true; text: string; card?: CardFields } | { ok: false; reason: string; broken?: boolean };

export class TemplateDrafter implements Drafter {
  readonly mode = 'template' as const;

  private constructor(readonly library: TemplateLibrary) {}

  /** Compiles every template under `templatesDir` (default: the shipped templates/) once. */
  static async load(templatesDir: string = DEFAULT_TEMPLATES_DIR): Promise<TemplateDrafter> {
    return new TemplateDrafter(await loadTemplateLibrary(templatesDir));
  }

  async draft(ctx: DraftContext): Promise<DraftOutcome> {
    try {
      return this.draftOrFail(ctx);
    } catch (e) {
      // Only a bug gets here; the slot fails, the run goes on.
      logger.error({ err: e, slot: ctx.slot.key }, 'template drafting crashed');
      return { ok: false, reason: `模板起草出错：${e instanceof Error ? e.message : String(e)}` };
    }
  }

  private draftOrFail(ctx: DraftContext): DraftOutcome {
    const { slot, service } = ctx;
    const what = `${DRAFT_KIND_LABELS[slot.kind]}（${CONTENT_TYPE_LABELS[slot.contentType]}）`;
    if ((slot.contentType === 'product' || slot.contentType === 'promotion') && service?.prescription) {
      return { ok: false, reason: `“${service.name}”涉及处方药，不能用于${CONTENT_TYPE_LABELS[slot.contentType]}内容（广告法第十五条），只能做科普` };
    }
    if (slot.contentType === 'product' && !service) return { ok: false, reason: `${what}需要关联一个项目，但这个时段没有对应的项目` };
    if (slot.contentType === 'promotion' && !service && !ctx.campaign) {
      return { ok: false, reason: `${what}需要关联一个活动或项目，但这个时段都没有` };
    }
    const view = buildView(ctx);

    if (slot.kind === 'card') {
      const name = slot.cardTemplate ?? ctx.workspace.policy.cards[slot.contentType];
      if (!name) return { ok: false, reason: `${CONTENT_TYPE_LABELS[slot.contentType]}没有配置卡片模板（policy.yaml 的 cards）` };
      const variants = this.library.cards[name];
      if (!variants) return { ok: false, reason: `没有名为 “${name}” 的卡片模板（templates/cards/${name}.yaml）` };
      return this.firstUsable(ctx, variants.length, (i) => this.renderCard(ctx, view, variants[i]!));
    }

    let templates: CompiledTemplate[] | undefined;
    let folder: string;
    if (slot.kind === 'group_topic') {
      if (!ctx.group) return { ok: false, reason: `${what}缺少社群信息（slot.groupId 未对应到 policy.yaml 的社群）` };
      const kind = groupTopicKind(slot, ctx.group);
      templates = this.library.groupTopics[kind];
      folder = `group_topic/${kind}（${GROUP_TOPIC_KIND_LABELS[kind]}）`;
    } else {
      templates = this.library.moments[slot.contentType];
      folder = `moments/${slot.contentType}`;
    }
    if (!templates || templates.length === 0) return { ok: false, reason: `没有${what}的模板（${folder}）` };
    const list = templates;
    return this.firstUsable(ctx, list.length, (i) => this.renderText(ctx, view, list[i]!));
  }

  /** Tries the variants in rotation order; the first usable one wins, else the first reason. */
  private firstUsable(ctx: DraftContext, n: number, render: (i: number) => Rendered): DraftOutcome {
    const reasons: string[] = [];
    for (const i of variantOrder(ctx.slot, n)) {
      const r = render(i);
      if (r.ok) return { ok: true, text: r.text, ...(r.card ? { card: r.card } : {}), source: 'template' };
      reasons.push(r.reason);
      // A broken template is worth a warning; a variant that merely does not fit this slot is not.
      logger[r.broken ? 'warn' : 'debug']({ slot: ctx.slot.key, reason: r.reason }, 'template variant unusable, trying the next');
    }
    return { ok: false, reason: reasons.length > 1 ? `${reasons[0]}（其余 ${reasons.length - 1} 个模板也不可用）` : (reasons[0] ?? '没有可用的模板') };
  }

  private run(ctx: DraftContext, view: TemplateView, t: CompiledTemplate): { ok: true; text: string } | { ok: false; reason: string; broken: true } {
    const state: RenderState = { seed: ctx.slot.key, template: t.file, persona: ctx.persona, emojiUsed: 0 };
    try {
      return { ok: true, text: t.render(view, { data: { siyu: state } }) };
    } catch (e) {
      return { ok: false, broken: true, reason: `模板 ${t.file} 渲染失败：${explainRenderError(e, t)}` };
    }
  }

  /** The checks every finished text must pass, whoever wrote the template. */
  private finish(ctx: DraftContext, file: string, raw: string): Rendered {
    const text = normaliseText(applyEmojiPolicy(raw, ctx.persona));
    if (!hasChinese(text)) return { ok: false, reason: `模板 ${file} 渲染结果为空或没有中文` };
    const banned = findBannedPhrase(text, ctx.persona);
    if (banned) return { ok: false, reason: `模板 ${file} 的结果含有人设“${ctx.persona.name}”的禁用语 “${banned}”` };
    const n = charCount(text);
    if (n > WECOM_TEXT_LIMIT) return { ok: false, reason: `模板 ${file} 的结果有 ${n} 字，超过企业微信 ${WECOM_TEXT_LIMIT} 字上限` };
    return { ok: true, text };
  }

  private renderText(ctx: DraftContext, view: TemplateView, t: CompiledTemplate): Rendered {
    const r = this.run(ctx, view, t);
    return r.ok ? this.finish(ctx, t.file, r.text) : r;
  }

  /**
   * Renders each card field; `text` repeats all card words so the compliance checker, which reads
   * `text`, sees everything printed on the card.
   */
  private renderCard(ctx: DraftContext, view: TemplateView, variant: CardVariant): Rendered {
    const where = `${variant.file} 第 ${variant.index + 1} 个样式`;
    const field = (name: keyof CardVariant['fields']): string | undefined | { error: string } => {
      const t = variant.fields[name];
      if (!t) return undefined;
      const r = this.run(ctx, view, t);
      if (!r.ok) return { error: r.reason };
      return normaliseText(applyEmojiPolicy(r.text, ctx.persona));
    };
    const lines = (v: string | undefined) => (v ?? '').split('\n').map((l) => l.trim()).filter(Boolean);
    const values: Record<string, string | undefined> = {};
    for (const name of CARD_FIELDS) {
      const v = field(name);
      if (typeof v === 'object') return { ok: false, broken: true, reason: v.error };
      values[name] = v || undefined;
    }
    if (!values.title) return { ok: false, reason: `卡片模板 ${where} 的标题渲染为空` };
    const card: CardFields = { template: ctx.slot.cardTemplate ?? ctx.workspace.policy.cards[ctx.slot.contentType] ?? '', title: values.title };
    const points = lines(values.points);
    const options = lines(values.options);
    if (points.length > 0) card.points = points;
    if (values.quote) card.quote = values.quote;
    if (values.subtitle) card.subtitle = values.subtitle;
    if (values.question) card.question = values.question;
    if (options.length > 0) card.options = options;
    if (values.footer) card.footer = values.footer;
    const text = [
      card.title,
      card.subtitle ?? '',
      ...points.map((p) => `· ${p}`),
      card.quote ? `「${card.quote}」` : '',
      card.question ?? '',
      ...options.map((o, i) => `${String.fromCharCode(65 + i)}. ${o}`),
      card.footer ?? '',
    ]
      .filter(Boolean)
      .join('\n');
    const done = this.finish(ctx, where, text);
    return done.ok ? { ...done, card } : done;
  }
}
