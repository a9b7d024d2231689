// The LLM prompts are data (prompts/*.yaml, prompts/partials/*.hbs) so editors can change the wording
// without touching code. Everything is loaded, validated and dry-rendered once at start-up: a typo
// in a template should stop the run with the file's name, not fail every slot half-way through.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Handlebars from 'handlebars';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { CONTENT_TYPES, DRAFT_KINDS, type ContentType, type DraftKind } from '../domain/types.ts';
import { SiyuError } from '../shared/errors.ts';
import { groupSchema, segmentSchema } from '../workspace/schema.ts';
import type { DraftContext } from './drafter.ts';
import { packagePath } from '../shared/package-root.ts';

export const DEFAULT_PROMPTS_DIR = packagePath('prompts');

const text = z.string({ error: '缺失或不是文本' }).trim().min(1, '不能为空');
const kindFileSchema = z.strictObject({ system: text, user: text });
const vocabularySchema = z.strictObject({
  contentTypes: z.record(z.enum(CONTENT_TYPES), z.strictObject({ label: text, guidance: text })),
  lifecycle: z.record(segmentSchema.shape.lifecycle, text),
  tier: z.record(segmentSchema.shape.tier, text),
  groupPurpose: z.record(groupSchema.shape.purpose, text),
});
export type PromptVocabulary = z.infer<typeof vocabularySchema>;

/** What the templates can refer to. Optional parts are null (never missing) so templates can test them. */
export interface PromptView {
  kind: DraftKind;
  contentType: { id: ContentType; label: string; guidance: string };
  brand: { name: string; isMedicalInstitution: boolean; adReviewCertificate: string | null; departments: string[] };
  persona: {
    name: string;
    role: string;
    yearsOfPractice: number;
    voice: string[];
    habits: string[];
    addressAs: string | null;
    openers: string[];
    signOffs: string[];
    emoji: { allowed: boolean; maxPerPost: number; favourites: string[] };
    bannedPhrases: string[];
    lifestyleThemes: string[];
  };
  segment: { name: string; lifecycle: string; tier: string; interests: string[]; description: string | null };
  service: { name: string; department: string; category: string; facts: string[]; prescription: boolean } | null;
  theme: string | null;
  campaign: { name: string; theme: string; start: string; end: string } | null;
  group: { name: string; purpose: string } | null;
  slot: { date: string; time: string; topic: string };
  card: PromptCard | null;
}

/** One card field the model writes, as the layout declares it. */
export interface PromptCardField {
  /** The JSON key, e.g. "points". */
  name: string;
  /** The layout's Chinese label, e.g. "要点". */
  label: string;
  required: boolean;
  /** For a list: how many items; null for a single text. */
  list: { min: number; max: number } | null;
  /** Characters per text (per item for a list). */
  maxLength: number;
}

/** The layout a card slot is rendered with, as far as the model writing it needs to know. */
export interface PromptCard {
  /** The layout's file name, e.g. "knowledge_card". */
  template: string;
  /** The layout's description, e.g. "知识卡片". */
  description: string;
  /** The fields the model writes, in the layout's order (never the persona's name, role or photo). */
  fields: PromptCardField[];
  /** The layout prints the persona's name, role or photo by itself. */
  showsPersona: boolean;
  /** A JSON object with exactly these fields, for the prompt's example output. */
  example: string;
}

/** What promptView needs of a card slot's layout (see cardPrompt in card-layout.ts). */
export type PromptCardLayout = Omit<PromptCard, 'template'>;

export interface RenderedPrompt {
  system: string;
  user: string;
}

export interface PromptSet {
  readonly dir: string;
  readonly vocabulary: PromptVocabulary;
  render(kind: DraftKind, view: PromptView): RenderedPrompt;
  /** The follow-up message that tells the model what was wrong with its last output. */
  retry(problems: string[]): string;
}

/** The card template a card slot will be rendered with. */
export function cardTemplateFor(ctx: DraftContext): string {
  return ctx.slot.cardTemplate ?? ctx.workspace.policy.cards[ctx.slot.contentType] ?? 'default';
}

/** The view of one slot; a card slot needs its layout's fields (cardPrompt of the layout). */
export function promptView(ctx: DraftContext, vocabulary: PromptVocabulary, layout?: PromptCardLayout): PromptView {
  const { workspace, slot, persona, segment, service, campaign, group } = ctx;
  if (slot.kind === 'card' && !layout) throw new Error(`卡片 ${cardTemplateFor(ctx)} 缺少版式字段说明`);
  const contentType = vocabulary.contentTypes[slot.contentType];
  return {
    kind: slot.kind,
    contentType: { id: slot.contentType, label: contentType.label, guidance: contentType.guidance },
    brand: {
      name: workspace.brand.shortName ?? workspace.brand.name,
      isMedicalInstitution: workspace.brand.isMedicalInstitution,
      adReviewCertificate: workspace.brand.adReviewCertificate ?? null,
      departments: workspace.brand.licensedDepartments,
    },
    persona: {
      name: persona.name,
      role: persona.role,
      yearsOfPractice: persona.yearsOfPractice,
      voice: persona.voice,
      habits: persona.habits,
      addressAs: persona.addressAs ?? null,
      openers: persona.openers ?? [],
      signOffs: persona.signOffs,
      emoji: persona.emoji,
      bannedPhrases: persona.bannedPhrases,
      lifestyleThemes: persona.lifestyleThemes,
    },
    segment: {
      name: segment.name,
      lifecycle: vocabulary.lifecycle[segment.lifecycle],
      tier: vocabulary.tier[segment.tier],
      interests: segment.interests,
      description: segment.description ?? null,
    },
    service: service
      ? { name: service.name, department: service.department, category: service.category, facts: service.facts, prescription: service.prescription }
      : null,
    theme: ctx.theme ?? null,
    campaign: campaign ? { name: campaign.name, theme: campaign.theme, start: campaign.start, end: campaign.end } : null,
    group: group ? { name: group.name, purpose: vocabulary.groupPurpose[group.purpose] } : null,
    slot: { date: slot.date, time: slot.time, topic: slot.topic },
    card: slot.kind === 'card' && layout ? { template: cardTemplateFor(ctx), ...layout } : null,
  };
}

// ---- loading ---------------------------------------------------------------------------------

type Compiled = HandlebarsTemplateDelegate;
const COMPILE = { noEscape: true } as const; // prompts are not HTML: "&" must stay "&"

/** A view with every optional part present, and one with every optional part absent: the dry run
 * renders both so a misspelt field fails at load whichever branch it sits in. A card slot always
 * has its card (other kinds never do), so for `kind` 'card' both views carry one. */
function sampleViews(vocabulary: PromptVocabulary, kind?: DraftKind): PromptView[] {
  const full: PromptView = {
    kind: 'moments',
    contentType: { id: 'lifestyle', ...vocabulary.contentTypes.lifestyle },
    brand: { name: '示例诊所', isMedicalInstitution: true, adReviewCertificate: '（示例）医广〔2025〕第 0 号', departments: ['美容皮肤科'] },
    persona: {
      name: '示例',
      role: '咨询师',
      yearsOfPractice: 5,
      voice: ['温和'],
      habits: ['先问感受'],
      addressAs: '姐妹们',
      openers: ['早呀～'],
      signOffs: ['有问题随时问我'],
      emoji: { allowed: true, maxPerPost: 2, favourites: ['🌿'] },
      bannedPhrases: ['亲'],
      lifestyleThemes: ['读书'],
    },
    segment: { name: '示例分层', lifecycle: vocabulary.lifecycle.new, tier: vocabulary.tier.gold, interests: ['皮肤管理'], description: '示例' },
    service: { name: '示例项目', department: '美容皮肤科', category: '皮肤管理', facts: ['示例'], prescription: true },
    theme: '示例主题',
    campaign: { name: '示例活动', theme: '示例', start: '2025-01-01', end: '2025-01-02' },
    group: { name: '示例群', purpose: vocabulary.groupPurpose.fans },
    slot: { date: '2025-01-01', time: '08:00', topic: '示例' },
    card: {
      template: 'default',
      description: '示例卡片',
      fields: [
        { name: 'title', label: '标题', required: true, list: null, maxLength: 30 },
        { name: 'points', label: '要点', required: true, list: { min: 3, max: 5 }, maxLength: 40 },
        { name: 'options', label: '选项', required: false, list: { min: 2, max: 2 }, maxLength: 20 },
        { name: 'footer', label: '页脚', required: false, list: null, maxLength: 20 },
      ],
      showsPersona: true,
      example: '{"title": "标题", "points": ["要点一", "要点二", "要点三"]}',
    },
  };
  const bare: PromptView = {
    ...full,
    contentType: { id: 'interaction', ...vocabulary.contentTypes.interaction },
    brand: { ...full.brand, isMedicalInstitution: false, adReviewCertificate: null },
    persona: { ...full.persona, habits: [], addressAs: null, openers: [], emoji: { allowed: false, maxPerPost: 0, favourites: [] }, bannedPhrases: [] },
    segment: { ...full.segment, interests: [], description: null },
    service: null,
    theme: null,
    campaign: null,
    group: null,
    card: null,
  };
  if (kind !== 'card') return [full, bare];
  const bareCard: PromptCard = {
    template: 'default',
    description: '示例卡片',
    fields: [{ name: 'title', label: '标题', required: true, list: null, maxLength: 30 }],
    showsPersona: false,
    example: '{"title": "标题"}',
  };
  return [
    { ...full, kind },
    { ...bare, kind, card: bareCard },
  ];
}

/** Names of the partials a template uses, so a missing one is reported at load. */
function partialsUsed(ast: hbs.AST.Program): string[] {
  const names: string[] = [];
  // Visitor lives on the default instance only, not on Handlebars.create() instances.
  class Collector extends Handlebars.Visitor {
    override PartialStatement(p: hbs.AST.PartialStatement): void {
      if (p.name.type === 'PathExpression') names.push((p.name as hbs.AST.PathExpression).original);
      super.PartialStatement(p);
    }
  }
  new Collector().accept(ast);
  return names;
}

const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Handlebars' English errors, shortened and put in Chinese for the person editing the prompt. */
export function describeTemplateError(e: unknown): string {
  const message = e instanceof Error ? e.message : String(e);
  const parse = /Parse error on line (\d+):\n(.*)\n/.exec(message);
  if (parse) return `模板语法错误，模板第 ${parse[1]} 行附近：${parse[2]!.trim()}`;
  const missing = /^"(.+)" not defined in .* - (\d+):(\d+)/.exec(message);
  if (missing) return `模板第 ${missing[2]} 行引用了不存在的字段 “${missing[1]}”`;
  return `模板错误（${oneLine(message)}）`;
}

/** Loads prompts/ and validates it; throws one SiyuError listing every problem, each naming its file. */
export function loadPrompts(dir: string = DEFAULT_PROMPTS_DIR): PromptSet {
  const problems: string[] = [];
  const hb = Handlebars.create();
  hb.registerHelper('join', (xs: unknown, sep: unknown) => (Array.isArray(xs) ? xs.join(typeof sep === 'string' ? sep : '、') : ''));
  hb.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  // Quoting keeps a persona's own punctuation from colliding with ours (“见字如面。”, not 见字如面。。).
  hb.registerHelper('quoted', (xs: unknown, sep: unknown) =>
    Array.isArray(xs) ? xs.map((x) => `“${String(x)}”`).join(typeof sep === 'string' ? sep : '、') : '',
  );

  const read = (file: string): string | undefined => {
    try {
      return readFileSync(path.join(dir, file), 'utf8');
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      problems.push(code === 'ENOENT' ? `${file}：文件不存在` : `${file}：无法读取（${code ?? String(e)}）`);
      return undefined;
    }
  };
  /** Parses (Handlebars compiles lazily, so syntax errors only surface if we parse now). */
  const templates: { where: string; source: string; ast: hbs.AST.Program }[] = [];
  const parseTemplate = (where: string, source: string): string | undefined => {
    try {
      templates.push({ where, source, ast: hb.parse(source) });
      return source;
    } catch (e) {
      problems.push(`${where}：${describeTemplateError(e)}`);
      return undefined;
    }
  };
  const readYaml = <S extends z.ZodType>(file: string, schema: S): z.infer<S> | undefined => {
    const source = read(file);
    if (source === undefined) return undefined;
    let data: unknown;
    try {
      data = parseYaml(source);
    } catch (e) {
      problems.push(`${file}：YAML 格式错误（${oneLine((e as Error).message)}）`);
      return undefined;
    }
    const result = schema.safeParse(data);
    if (!result.success) {
      for (const issue of result.error.issues) problems.push(`${file} ${issue.path.join('.') || '（根）'}：${issue.message}`);
      return undefined;
    }
    return result.data;
  };

  const vocabulary = readYaml('vocabulary.yaml', vocabularySchema);

  const partialDir = path.join(dir, 'partials');
  const partialFiles = existsSync(partialDir) ? readdirSync(partialDir).filter((f) => f.endsWith('.hbs')) : [];
  for (const f of partialFiles) {
    const source = read(path.join('partials', f));
    if (source !== undefined && parseTemplate(`partials/${f}`, source) !== undefined) hb.registerPartial(f.slice(0, -'.hbs'.length), source);
  }

  const kinds = {} as Record<DraftKind, { system: string; user: string; file: string }>;
  for (const kind of DRAFT_KINDS) {
    const file = `${kind}.yaml`;
    const data = readYaml(file, kindFileSchema);
    if (!data) continue;
    const system = parseTemplate(`${file} system`, data.system);
    const user = parseTemplate(`${file} user`, data.user);
    if (system !== undefined && user !== undefined) kinds[kind] = { system, user, file };
  }
  const retrySource = read('retry.hbs');
  if (retrySource !== undefined) parseTemplate('retry.hbs', retrySource);

  for (const t of templates) {
    for (const name of partialsUsed(t.ast)) {
      if (!hb.partials[name]) problems.push(`${t.where}：引用了不存在的片段 “${name}”（应为 partials/${name}.hbs）`);
    }
  }
  if (problems.length > 0 || !vocabulary || retrySource === undefined) {
    throw new SiyuError(`提示词目录 ${dir} 有 ${problems.length} 处错误：`, problems);
  }

  // Dry run in strict mode: a field the view does not have (a typo) throws here, naming the file.
  // Partials first, on their own, so a typo in one is blamed on the partial, not on every user of it.
  const dryRun = (where: string, source: string, kind?: DraftKind) => {
    for (const view of sampleViews(vocabulary, kind)) {
      try {
        hb.compile(source, { ...COMPILE, strict: true })(view);
      } catch (e) {
        problems.push(`${where}：${describeTemplateError(e)}`);
        return;
      }
    }
  };
  for (const f of partialFiles) dryRun(`partials/${f}`, hb.partials[f.slice(0, -'.hbs'.length)] as string);
  if (problems.length === 0) {
    for (const kind of DRAFT_KINDS) for (const part of ['system', 'user'] as const) dryRun(`${kinds[kind].file} ${part}`, kinds[kind][part], kind);
  }
  if (problems.length > 0) throw new SiyuError(`提示词目录 ${dir} 有 ${problems.length} 处错误：`, problems);

  const compiled = Object.fromEntries(
    DRAFT_KINDS.map((k) => [k, { system: hb.compile(kinds[k].system, COMPILE), user: hb.compile(kinds[k].user, COMPILE) }]),
  ) as Record<DraftKind, { system: Compiled; user: Compiled }>;
  const retry = hb.compile(retrySource, COMPILE);

  return {
    dir,
    vocabulary,
    render: (kind, view) => ({ system: compiled[kind].system(view).trim(), user: compiled[kind].user(view).trim() }),
    retry: (list) => retry({ problems: list }).trim(),
  };
}
