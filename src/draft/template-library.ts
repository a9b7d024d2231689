// Reads the templates folder once and compiles every file, so a broken template is reported at
// start-up with its file and line rather than as a failed draft days later.
//
// Layout (see templates/README.md):
//   partials/<name>.hbs            shared pieces, used as {{> name}}
//   moments/<contentType>/*.hbs    one file per variant of a Moments post
//   group_topic/<kind>/*.hbs       one file per variant of a group post (kinds: GROUP_TOPIC_KINDS)
//   cards/<cardTemplate>.yaml      card fields; each field is a small template
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import Handlebars from 'handlebars';
import { LineCounter, parseDocument, isNode, isScalar } from 'yaml';
import { z } from 'zod';
import { CONTENT_TYPES, type CardFields, type ContentType } from '../domain/types.ts';
import { SiyuError } from '../shared/errors.ts';
import { HELPER_NAMES, registerHelpers } from './template-helpers.ts';

/** Kinds of group (社群) posts from the group SOP; each is a folder under templates/group_topic/. */
export const GROUP_TOPIC_KINDS = ['daily_question', 'discussion', 'expert_qa', 'check_in', 'welfare', 'story_share'] as const;
export type GroupTopicKind = (typeof GROUP_TOPIC_KINDS)[number];

export const GROUP_TOPIC_KIND_LABELS: Record<GroupTopicKind, string> = {
  daily_question: '每日一题',
  discussion: '定时话题讨论',
  expert_qa: '答疑预告',
  check_in: '打卡',
  welfare: '福利',
  story_share: '我的故事分享',
};

/** Card fields a card template may fill; points and options render one item per line. */
export const CARD_FIELDS = ['title', 'subtitle', 'points', 'quote', 'question', 'options', 'footer'] as const satisfies readonly (keyof CardFields)[];
export type CardField = (typeof CARD_FIELDS)[number];

export interface CompiledTemplate {
  /** Path relative to the templates folder, for messages. */
  file: string;
  render: Handlebars.TemplateDelegate;
  source: string;
  /** Add to a template line to get the file line (non-zero for card fields inside YAML). */
  lineOffset: number;
}

export interface CardVariant {
  file: string;
  /** 0-based position in the file's `variants` list. */
  index: number;
  fields: Partial<Record<CardField, CompiledTemplate>>;
}

export interface TemplateLibrary {
  dir: string;
  moments: Partial<Record<ContentType, CompiledTemplate[]>>;
  groupTopics: Partial<Record<GroupTopicKind, CompiledTemplate[]>>;
  cards: Record<string, CardVariant[]>;
}

/**
 * strict: a misspelt field ({{servce.name}}) fails the render instead of printing nothing.
 * knownHelpersOnly: a misspelt helper fails at load with its line.
 * noEscape: the output is plain text for WeChat, not HTML.
 */
const COMPILE_OPTIONS = {
  noEscape: true,
  strict: true,
  knownHelpersOnly: true,
  knownHelpers: Object.fromEntries(HELPER_NAMES.map((n) => [n, true])),
};

const cardFileSchema = z.strictObject({
  description: z.string().optional(),
  variants: z
    .array(
      z.strictObject({
        title: z.string({ error: (iss) => (iss.input === undefined ? '缺少卡片标题 title' : '必须是文本') }).min(1, '卡片标题模板不能为空'),
        points: z.string({ error: '必须是文本' }).optional(),
        quote: z.string({ error: '必须是文本' }).optional(),
        subtitle: z.string({ error: '必须是文本' }).optional(),
        question: z.string({ error: '必须是文本' }).optional(),
        options: z.string({ error: '必须是文本' }).optional(),
        footer: z.string({ error: '必须是文本' }).optional(),
      }),
      { error: 'variants 必须是列表' },
    )
    .min(1, '至少一个卡片样式'),
});

const isHidden = (name: string) => name.startsWith('.');
const isDoc = (name: string) => name.toLowerCase().endsWith('.md');

async function listDir(dir: string): Promise<{ name: string; isDir: boolean }[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  return entries
    .filter((e) => !isHidden(e.name))
    .map((e) => ({ name: e.name, isDir: e.isDirectory() }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** The line of the last `{{#block}}` that is never closed, found by a simple tag scan. */
function unclosedBlockLine(source: string): { line: number; name: string } | undefined {
  const stack: { line: number; name: string }[] = [];
  for (const m of source.matchAll(/\{\{~?\s*([#/])\s*([\w-]+)/g)) {
    const line = source.slice(0, m.index).split('\n').length;
    if (m[1] === '#') stack.push({ line, name: m[2]! });
    else if (stack.at(-1)?.name === m[2]) stack.pop();
  }
  return stack.at(-1);
}

/** The line of the first `{{` with no `}}` before the next `{{`. */
function unclosedMustacheLine(source: string): number | undefined {
  for (const m of source.matchAll(/\{\{/g)) {
    const rest = source.slice(m.index + 2);
    const close = rest.indexOf('}}');
    const next = rest.indexOf('{{');
    if (close < 0 || (next >= 0 && next < close)) return source.slice(0, m.index).split('\n').length;
  }
  return undefined;
}

/** Turns a Handlebars exception into a line number and a Chinese explanation. */
function explain(e: unknown, source: string): { line?: number; message: string } {
  const raw = e instanceof Error ? e.message : String(e);
  const parse = /(?:Parse|Lexical) error on line (\d+)[:.]/.exec(raw);
  if (parse) {
    // Handlebars reports where it gave up (often the end of the file); point at the cause instead.
    const expecting = raw.split('\n').find((l) => l.startsWith('Expecting')) ?? '';
    const mustache = unclosedMustacheLine(source);
    if (mustache !== undefined) return { line: mustache, message: '模板语法错误：“{{” 没有对应的 “}}”' };
    const block = expecting.includes('OPEN_ENDBLOCK') ? unclosedBlockLine(source) : undefined;
    if (block) return { line: block.line, message: `模板语法错误：{{#${block.name}}} 没有对应的 {{/${block.name}}}` };
    const got = /got '([^']+)'/.exec(expecting)?.[1];
    return { line: Number(parse[1]), message: `模板语法错误${got ? `（在 ${got} 处无法继续）` : ''}：请检查大括号是否成对、{{#…}} 是否都有对应的 {{/…}}` };
  }
  const line = typeof (e as { lineNumber?: unknown }).lineNumber === 'number' ? (e as { lineNumber: number }).lineNumber : undefined;
  const helper = /unknown helper (\S+)/.exec(raw);
  if (helper) return { line, message: `使用了未知的模板函数 “${helper[1]}”（可用：${HELPER_NAMES.join('、')}）` };
  return { line, message: `模板无法编译：${raw}` };
}

/** Names of the partials a template uses, with their lines; dynamic partials are skipped. */
function partialRefs(node: unknown, out: { name: string; line: number }[] = []): { name: string; line: number }[] {
  if (!node || typeof node !== 'object') return out;
  const n = node as { type?: string; name?: { type?: string; original?: unknown }; loc?: { start: { line: number } } };
  if ((n.type === 'PartialStatement' || n.type === 'PartialBlockStatement') && n.name?.type === 'PathExpression') {
    out.push({ name: String(n.name.original), line: n.loc?.start.line ?? 1 });
  }
  for (const key of ['body', 'program', 'inverse'] as const) {
    const child = (node as Record<string, unknown>)[key];
    if (Array.isArray(child)) child.forEach((c) => partialRefs(c, out));
    else partialRefs(child, out);
  }
  return out;
}

class Loader {
  readonly problems: string[] = [];
  readonly hb = Handlebars.create();
  private readonly partials = new Set<string>();

  constructor(readonly dir: string) {
    registerHelpers(this.hb);
  }

  problem(file: string, line: number | undefined, message: string): void {
    this.problems.push(`${file}${line ? ` 第 ${line} 行` : ''}：${message}`);
  }

  /** Compiles one template text; `lineOffset` maps its lines to the file (for YAML fields). */
  compile(file: string, source: string, lineOffset = 0): CompiledTemplate | undefined {
    try {
      this.hb.precompile(source, COMPILE_OPTIONS); // compile() is lazy; this throws now
    } catch (e) {
      const { line, message } = explain(e, source);
      this.problem(file, line === undefined ? undefined : line + lineOffset, message);
      return undefined;
    }
    let ok = true;
    for (const ref of partialRefs(this.hb.parse(source))) {
      if (!this.partials.has(ref.name)) {
        this.problem(file, ref.line + lineOffset, `引用了不存在的片段 “${ref.name}”（片段放在 partials/ 文件夹，文件名即片段名）`);
        ok = false;
      }
    }
    return ok ? { file, render: this.hb.compile(source, COMPILE_OPTIONS), source, lineOffset } : undefined;
  }

  async readText(rel: string): Promise<string> {
    return readFile(path.join(this.dir, rel), 'utf8');
  }

  async loadPartials(): Promise<void> {
    const rel = 'partials';
    const entries = await listDir(path.join(this.dir, rel)).catch(() => []);
    const files = entries.filter((e) => !e.isDir && e.name.endsWith('.hbs'));
    // Register every name first: partials may use each other.
    for (const f of files) this.partials.add(f.name.slice(0, -'.hbs'.length));
    for (const f of files) {
      const file = `${rel}/${f.name}`;
      const source = await this.readText(file);
      if (this.compile(file, source)) this.hb.registerPartial(f.name.slice(0, -'.hbs'.length), source);
    }
  }

  /** `<group>/<name>/*.hbs`, where every <name> must be one of `allowed`. */
  async loadFolders<K extends string>(group: string, allowed: readonly K[]): Promise<Partial<Record<K, CompiledTemplate[]>>> {
    const out: Partial<Record<K, CompiledTemplate[]>> = {};
    const entries = await listDir(path.join(this.dir, group)).catch(() => []);
    for (const entry of entries) {
      if (!entry.isDir) {
        if (!isDoc(entry.name)) this.problem(`${group}/${entry.name}`, undefined, `模板文件应放在 ${group}/<类型>/ 子文件夹里`);
        continue;
      }
      if (!(allowed as readonly string[]).includes(entry.name)) {
        this.problem(`${group}/${entry.name}`, undefined, `不认识的文件夹名（可用：${allowed.join('、')}）`);
        continue;
      }
      const list: CompiledTemplate[] = [];
      for (const f of await listDir(path.join(this.dir, group, entry.name))) {
        const file = `${group}/${entry.name}/${f.name}`;
        if (f.isDir || isDoc(f.name)) continue;
        if (!f.name.endsWith('.hbs')) {
          this.problem(file, undefined, '模板文件名应以 .hbs 结尾');
          continue;
        }
        const compiled = this.compile(file, await this.readText(file));
        if (compiled) list.push(compiled);
      }
      if (list.length > 0) out[entry.name as K] = list;
    }
    return out;
  }

  async loadCards(): Promise<Record<string, CardVariant[]>> {
    const out: Record<string, CardVariant[]> = {};
    const entries = await listDir(path.join(this.dir, 'cards')).catch(() => []);
    for (const entry of entries) {
      const file = `cards/${entry.name}`;
      if (entry.isDir || isDoc(entry.name)) continue;
      const m = /^(.+)\.ya?ml$/.exec(entry.name);
      if (!m) {
        this.problem(file, undefined, '卡片模板文件名应以 .yaml 结尾');
        continue;
      }
      const variants = this.parseCardFile(file, await this.readText(file));
      if (variants) out[m[1]!] = variants;
    }
    return out;
  }

  private parseCardFile(file: string, source: string): CardVariant[] | undefined {
    const counter = new LineCounter();
    const doc = parseDocument(source, { lineCounter: counter, prettyErrors: false });
    if (doc.errors.length > 0) {
      // err.linePos is only filled in with prettyErrors; the offset and LineCounter always work.
      for (const err of doc.errors) this.problem(file, counter.linePos(err.pos[0]).line, `YAML 格式错误（${err.code}）`);
      return undefined;
    }
    const lineAt = (p: (string | number)[]): number | undefined => {
      for (let n = p.length; n >= 0; n--) {
        const node = doc.getIn(p.slice(0, n), true);
        if (isNode(node) && node.range) return counter.linePos(node.range[0]).line;
      }
      return undefined;
    };
    const parsed = cardFileSchema.safeParse(doc.toJS());
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const p = issue.path.filter((k): k is string | number => typeof k !== 'symbol');
        this.problem(file, lineAt(p), `${p.join('.') || '(文件)'}：${issue.message}`);
      }
      return undefined;
    }
    const variants: CardVariant[] = [];
    let ok = true;
    parsed.data.variants.forEach((v, index) => {
      const fields: CardVariant['fields'] = {};
      for (const field of CARD_FIELDS) {
        const source = v[field];
        if (source === undefined) continue;
        const node = doc.getIn(['variants', index, field], true);
        const nodeLine = lineAt(['variants', index, field]) ?? 1;
        // A block scalar (| or >) starts its text on the line after the indicator.
        const block = isScalar(node) && (node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED');
        const compiled = this.compile(file, source, block ? nodeLine : nodeLine - 1);
        if (compiled) fields[field] = compiled;
        else ok = false;
      }
      variants.push({ file, index, fields });
    });
    return ok ? variants : undefined;
  }
}

const TOP_LEVEL = ['partials', 'moments', 'group_topic', 'cards'];

/** Loads and compiles the whole templates folder; throws one SiyuError listing every problem. */
export async function loadTemplateLibrary(dir: string): Promise<TemplateLibrary> {
  const abs = path.resolve(dir);
  const info = await stat(abs).catch(() => undefined);
  if (!info?.isDirectory()) throw new SiyuError(`模板文件夹 ${abs} 不存在`, ['请检查路径，或用默认模板文件夹']);
  const loader = new Loader(abs);
  for (const entry of await listDir(abs)) {
    if (entry.isDir && !TOP_LEVEL.includes(entry.name)) {
      loader.problem(entry.name, undefined, `不认识的文件夹（可用：${TOP_LEVEL.join('、')}）`);
    }
  }
  await loader.loadPartials();
  const library: TemplateLibrary = {
    dir: abs,
    moments: await loader.loadFolders('moments', CONTENT_TYPES),
    groupTopics: await loader.loadFolders('group_topic', GROUP_TOPIC_KINDS),
    cards: await loader.loadCards(),
  };
  if (loader.problems.length > 0) {
    throw new SiyuError(`模板文件夹 ${abs} 有 ${loader.problems.length} 处错误：`, loader.problems);
  }
  return library;
}
