// What `siyu card` does (its definition is card.ts): renders one card — template + JSON data →
// PNG/JPEG — with the workspace's brand when there is one. Every problem is a Chinese message and
// no file is written.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { cardBrandFor, NEUTRAL_BRAND } from '../../card/brand.ts';
import { CardError } from '../../card/errors.ts';
import { writeAtomically } from '../../shared/atomic-write.ts';
import { CardRenderer } from '../../card/render.ts';
import { CARD_SIZE_NAMES, CARD_SIZE_PRESETS, formatSize, parseSize, type CardSizeName, type PixelSize } from '../../card/sizes.ts';
import type { CardImageFormat } from '../../card/types.ts';
import type { CliContext } from '../context.ts';
import type { CardOptions } from './card.ts';
import { out } from './run.ts';

/** Line and column of a JSON.parse error, when Node's message gives a position. */
function jsonErrorAt(text: string, e: Error): string {
  const m = /position (\d+)/.exec(e.message);
  if (!m) return e.message;
  const before = text.slice(0, Number(m[1]));
  const line = before.split('\n').length;
  const column = before.length - before.lastIndexOf('\n');
  return `第 ${line} 行第 ${column} 列附近格式不对`;
}

async function readData(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new CardError(`数据文件 ${file} 无法读取（${code === 'ENOENT' ? '文件不存在' : code === 'EISDIR' ? '这是一个文件夹' : (code ?? String(e))}）`);
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new CardError(`数据文件 ${file} 不是有效的 JSON：${jsonErrorAt(text, e as Error)}`);
  }
}

function sizeOption(value: string | undefined): PixelSize | CardSizeName | undefined {
  if (value === undefined) return undefined;
  if ((CARD_SIZE_NAMES as string[]).includes(value)) return value as CardSizeName;
  const size = parseSize(value);
  if (!size) throw new CardError(`--size “${value}” 格式不对：写成 宽x高（例如 1080x1440）或尺寸名（${CARD_SIZE_NAMES.join('、')}）`);
  return size;
}

function formatOf(file: string, asked: string | undefined): CardImageFormat {
  const ext = path.extname(file).toLowerCase();
  const fromExt = ext === '.png' ? 'png' : ext === '.jpg' || ext === '.jpeg' ? 'jpeg' : undefined;
  const format = asked === undefined ? fromExt : asked === 'png' ? 'png' : asked === 'jpeg' || asked === 'jpg' ? 'jpeg' : undefined;
  if (asked !== undefined && format === undefined) throw new CardError(`--format 只能是 png 或 jpeg（现在是 ${asked}）`);
  if (!format) throw new CardError(`输出文件 ${file} 的扩展名应为 .png、.jpg 或 .jpeg`);
  if (fromExt && fromExt !== format) throw new CardError(`输出文件 ${file} 的扩展名和 --format ${asked} 不一致`);
  return format;
}

function describeTemplates(renderer: CardRenderer): string {
  const lines: string[] = [];
  for (const t of renderer.templates.values()) {
    const fields = Object.entries(t.fields).map(([name, f]) => `${name}（${f.label}${f.required ? '' : '，可选'}）`);
    const sizes = t.supportedSizes.map((s) => `${s} ${formatSize(CARD_SIZE_PRESETS[s])}`);
    lines.push(`${t.name}：${t.description}`, `  字段：${fields.join('、')}`, `  尺寸：${sizes.join('、')}`);
  }
  return lines.join('\n');
}

export async function runCard(ctx: CliContext, opts: CardOptions): Promise<void> {
  const renderer = await CardRenderer.create();
  if (opts.list) {
    out(describeTemplates(renderer));
    return;
  }
  const missing = (['template', 'data', 'out'] as const).filter((k) => !opts[k]).map((k) => `--${k}`);
  if (missing.length > 0) throw new CardError(`缺少参数 ${missing.join('、')}`, ['用法：siyu card --template 模板名 --data 数据.json --out 输出.png [--size 1080x1440]']);
  const format = formatOf(opts.out!, opts.format);
  const size = sizeOption(opts.size);
  const data = await readData(opts.data!);
  const ws = await ctx.brandIfAny();
  if (!ws) process.stderr.write('提示：没有找到工作区（--workspace），使用默认配色，不显示机构名称\n');
  const card = await renderer.render({
    template: opts.template!,
    fields: data,
    brand: ws ? cardBrandFor(ws.brand, ws.dir) : NEUTRAL_BRAND,
    size,
    format,
    quality: opts.quality,
    baseDir: path.dirname(path.resolve(opts.data!)),
  });
  await writeAtomically(opts.out!, card.image);
  out(`已生成 ${opts.out}（${card.width}×${card.height}，${format.toUpperCase()}，${Math.round(card.image.byteLength / 1024)} KB）`);
  for (const w of card.warnings) out(`提醒：${w}`);
}
