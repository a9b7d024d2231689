// Loads card layouts: templates/cards/layouts/<name>.hbs, each a YAML front matter (fields, sizes,
// text boxes) and a Handlebars body producing HTML with inline styles. Partials live in
// layouts/partials/. Every problem is reported with its file and line; a clinic edits these files.
import Handlebars from 'handlebars';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describeAt, parseYaml, type YamlSource } from '../../shared/yaml-file.ts';
import { describeTemplateError } from '../../draft/prompts.ts';
import { CardError } from '../errors.ts';
import type { CardSizeName } from '../sizes.ts';
import { frontMatterSchema, type FrontMatter } from './schema.ts';
import { packagePath } from '../../shared/package-root.ts';

/** The shipped templates folder (layouts live in its cards/layouts). Defined here, not in
 *  render.ts, so code that only reads layouts does not load satori. */
export const DEFAULT_CARD_TEMPLATES_DIR = packagePath('templates');

export interface CardTemplate extends FrontMatter {
  name: string;
  file: string;
  supportedSizes: CardSizeName[];
  render: Handlebars.TemplateDelegate;
}

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/;

/** Line numbers in the front matter start after the opening '---'. */
function shifted(src: YamlSource): YamlSource {
  return { ...src, lineOf: (p) => { const l = src.lineOf(p); return l === undefined ? undefined : l + 1; } };
}

function helpers(hb: typeof Handlebars): void {
  hb.registerHelper('letter', (i: unknown) => String.fromCharCode(65 + Number(i)));
  hb.registerHelper('add', (a: unknown, b: unknown) => Number(a) + Number(b));
  hb.registerHelper('sub', (a: unknown, b: unknown) => Number(a) - Number(b));
  hb.registerHelper('mul', (a: unknown, b: unknown) => Math.round(Number(a) * Number(b) * 100) / 100);
  hb.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  // A brand colour with transparency: cheaper to draw than `opacity` on a box, which makes the
  // rasteriser paint the box's whole group offscreen.
  hb.registerHelper('alpha', (hex: unknown, a: unknown) => {
    const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(String(hex));
    return m ? `rgba(${parseInt(m[1]!, 16)},${parseInt(m[2]!, 16)},${parseInt(m[3]!, 16)},${Number(a)})` : String(hex);
  });
}

/** Parses one layout file; problems are pushed, the template returned only when it is sound. */
export function parseCardTemplate(
  hb: typeof Handlebars,
  name: string,
  file: string,
  text: string,
  problems: string[],
): CardTemplate | undefined {
  const m = FRONT_MATTER.exec(text);
  if (!m) {
    problems.push(`${file}：开头缺少用 --- 包起来的说明（fields、sizes）`);
    return undefined;
  }
  const parsed = parseYaml(file, m[1]!);
  if ('problems' in parsed) {
    problems.push(...parsed.problems.map((p) => p.replace(/第 (\d+) 行/, (_, l: string) => `第 ${Number(l) + 1} 行`)));
    return undefined;
  }
  const src = shifted(parsed.source);
  const fm = frontMatterSchema.safeParse(src.data);
  if (!fm.success) {
    problems.push(...fm.error.issues.map((i) => describeAt(src, i.path, i.message)));
    return undefined;
  }
  const bodyLine = m[0].split('\n').length - 1;
  let render: Handlebars.TemplateDelegate;
  try {
    // strict: a misspelt field in a layout throws instead of drawing an empty box.
    render = hb.compile(text.slice(m[0].length), { strict: true });
    // compile() parses lazily, on the first card; precompile() parses now, so a syntax error is
    // reported when the layouts load.
    hb.precompile(text.slice(m[0].length), { strict: true });
  } catch (e) {
    problems.push(`${file}（正文从第 ${bodyLine + 1} 行开始）：${describeTemplateError(e)}`);
    return undefined;
  }
  return { ...fm.data, name, file, supportedSizes: Object.keys(fm.data.sizes) as CardSizeName[], render };
}

export type CardTemplates = ReadonlyMap<string, CardTemplate>;

/** Loads every layout under `<templatesDir>/cards/layouts`; one CardError lists all problems. */
export async function loadCardTemplates(templatesDir: string = DEFAULT_CARD_TEMPLATES_DIR): Promise<CardTemplates> {
  const dir = path.join(templatesDir, 'cards', 'layouts');
  const problems: string[] = [];
  const hb = Handlebars.create();
  helpers(hb);
  let entries: string[];
  try {
    entries = (await readdir(dir)).sort();
  } catch {
    throw new CardError(`找不到卡片版式文件夹 ${dir}`);
  }
  const partialsDir = path.join(dir, 'partials');
  for (const f of await readdir(partialsDir).catch(() => [] as string[])) {
    if (f.endsWith('.hbs')) hb.registerPartial(f.slice(0, -4), await readFile(path.join(partialsDir, f), 'utf8'));
  }
  const out = new Map<string, CardTemplate>();
  for (const f of entries) {
    if (!f.endsWith('.hbs')) continue;
    const name = f.slice(0, -4);
    const file = `templates/cards/layouts/${f}`;
    const t = parseCardTemplate(hb, name, file, await readFile(path.join(dir, f), 'utf8'), problems);
    if (t) out.set(name, t);
  }
  if (problems.length > 0) throw new CardError('卡片版式有错误', problems);
  return out;
}

/** The named template, or a CardError listing the ones there are. */
export function templateNamed(templates: CardTemplates, name: string): CardTemplate {
  const t = templates.get(name);
  if (!t) throw new CardError(`没有名为 ${name} 的卡片模板`, [`可用模板：${[...templates.keys()].join('、')}`]);
  return t;
}
