// What an AI drafter writes on a card, read from the layout the card will be rendered with
// (templates/cards/layouts/<name>.hbs): the prompt lists the layout's fields and limits, and the
// model's card is checked the way the pipeline will check it when rendering — layoutData (the
// persona's name, role and photo filled in) then validateFields — so a card that could not be
// rendered goes back to the model with the layout's own messages instead of failing later.
import { CardError } from '../card/errors.ts';
import { validateFields } from '../card/template/fields.ts';
import type { CardTemplate } from '../card/template/load.ts';
import type { FieldSpec } from '../card/template/schema.ts';
import type { CardFields } from '../domain/types.ts';
import { layoutData, PERSONA_CARD_FIELDS, type CardOwner } from './card-images.ts';
import type { DraftContext } from './drafter.ts';
import type { PromptCardField, PromptCardLayout } from './prompts.ts';
import { CARD_FIELDS, type CardField } from './template-library.ts';

type TextSpec = Exclude<FieldSpec, { type: 'image' }>;

const isPersonaField = (name: string) => (PERSONA_CARD_FIELDS as readonly string[]).includes(name);
const isCardField = (name: string): name is CardField => (CARD_FIELDS as readonly string[]).includes(name);

/**
 * The layout as a drafted card must fill it: a draft's card always has a title (CardFields, and
 * editing needs one), so the title is required even where the layout could do without.
 */
function asDrafted(template: CardTemplate): CardTemplate {
  const title = template.fields.title;
  if (!title || title.required) return template;
  return { ...template, fields: { ...template.fields, title: { ...title, required: true } } };
}

/** The text and list fields the model writes, in the layout's order. */
function writtenFields(template: CardTemplate): [CardField, TextSpec][] {
  return Object.entries(template.fields).flatMap(([name, spec]) =>
    spec.type !== 'image' && !isPersonaField(name) && isCardField(name) ? [[name, spec] as [CardField, TextSpec]] : [],
  );
}

const ownerOf = (ctx: DraftContext): CardOwner => ({ brand: ctx.workspace.brand, persona: ctx.persona });

/**
 * Why this layout cannot be drafted for this slot, in Chinese; undefined when it can. Checked
 * before the model is called: nothing the model writes could fix these.
 */
export function layoutProblem(template: CardTemplate, ctx: DraftContext): string | undefined {
  if (!template.fields.title || template.fields.title.type === 'image') {
    return `卡片版式 ${template.name} 没有标题（title）文字字段，AI 起草的卡片必须有标题`;
  }
  // Fields a draft's card cannot carry (CardFields has no such key), e.g. a poster's price: never
  // asked for, so a layout that requires one cannot be drafted.
  const missing = Object.entries(template.fields).filter(
    ([name, spec]) => spec.required && spec.type !== 'image' && !isPersonaField(name) && !isCardField(name),
  );
  if (missing.length > 0) {
    return `卡片版式 ${template.name} 的必填字段 ${missing.map(([n, s]) => `${n}（${s.label}）`).join('、')} 无法由 AI 起草填写`;
  }
  // The persona's part, checked on its own: a role too long for the layout is the persona's to fix.
  const personaNames = Object.keys(template.fields).filter(isPersonaField);
  if (personaNames.length === 0) return undefined;
  const personaOnly: CardTemplate = { ...template, fields: Object.fromEntries(personaNames.map((n) => [n, template.fields[n]!])) };
  try {
    validateFields(personaOnly, layoutData({ template: template.name, title: '' }, personaNames, ownerOf(ctx), ctx.workspace.dir));
  } catch (e) {
    if (!(e instanceof CardError)) throw e;
    return `卡片版式 ${template.name} 用到的人设信息（${ctx.persona.id}）不符合要求：${e.details.join('；')}`;
  }
  return undefined;
}

const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** The layout's fields and limits for the card prompt, with a JSON example that has exactly them. */
export function cardPrompt(template: CardTemplate): PromptCardLayout {
  const fields: PromptCardField[] = writtenFields(asDrafted(template)).map(([name, spec]) => ({
    name,
    label: spec.label,
    required: spec.required,
    list: spec.type === 'list' ? { min: spec.min, max: spec.max } : null,
    maxLength: spec.maxLength,
  }));
  const example: Record<string, string | string[]> = {};
  for (const f of fields) {
    if (f.list) {
      const n = Math.max(f.list.min, Math.min(2, f.list.max));
      example[f.name] = Array.from({ length: n }, (_, i) => `${f.label}${NUMERALS[i] ?? i + 1}`);
    } else {
      example[f.name] = f.required ? f.label : `可选的${f.label}`;
    }
  }
  return {
    description: template.description,
    fields,
    showsPersona: Object.keys(template.fields).some(isPersonaField),
    example: `{${Object.entries(example)
      .map(([k, v]) => `${JSON.stringify(k)}: ${Array.isArray(v) ? `[${v.map((x) => JSON.stringify(x)).join(', ')}]` : JSON.stringify(v)}`)
      .join(', ')}}`,
  };
}

/** Null, blank text and empty lists mean "not written". */
const written = (v: unknown) => !(v === null || v === undefined || (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && v.length === 0));

export type CardCheck = { ok: true; card: CardFields } | { ok: false; problems: string[] };

/**
 * The model's card object checked against the layout exactly as rendering will check it. Keys the
 * layout does not have are dropped (they would not be printed); problems are the layout's own
 * messages, e.g. "卡片字段 points（要点）：至少 3 条".
 */
export function checkCard(template: CardTemplate, raw: Record<string, unknown>, ctx: DraftContext): CardCheck {
  const layout = asDrafted(template);
  const names = writtenFields(layout).map(([name]) => name);
  const draft: Record<string, unknown> = { template: template.name };
  for (const name of names) if (written(raw[name])) draft[name] = raw[name];
  let values: Record<string, unknown>;
  try {
    values = validateFields(layout, layoutData(draft as unknown as CardFields, Object.keys(layout.fields), ownerOf(ctx), ctx.workspace.dir));
  } catch (e) {
    if (!(e instanceof CardError)) throw e;
    return { ok: false, problems: e.details.map((d) => `卡片${d}`) };
  }
  const card = { template: template.name } as CardFields;
  for (const name of names) if (values[name] !== null && values[name] !== undefined) Object.assign(card, { [name]: values[name] });
  return { ok: true, card };
}
