// Card fonts: read and kept once per process. satori caches a parsed font by the identity of its
// Buffer, so handing it the same Buffer every time is what makes the second card fast.
import { createRequire } from 'node:module';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { describeAt, readYaml } from '../../shared/yaml-file.ts';
import { CardError } from '../errors.ts';
import { commonCut, worthCutting } from './font-cut.ts';
import { packagePath } from '../../shared/package-root.ts';

export const DEFAULT_ASSETS_DIR = packagePath('assets');

export type FontWeight = 400 | 700;

export interface FontFace {
  weight: FontWeight;
  data: Buffer;
  /** Where it was read from, for messages. */
  file: string;
}

export interface FontSet {
  family: string;
  faces: FontFace[];
  /** Folder of emoji SVGs named by code point (1f600.svg). */
  emojiDir: string;
  /** When the faces are common-character cuts (font-cut.ts): the same set with the whole fonts. */
  whole?: () => Promise<FontSet>;
}

/** A clinic's own fonts, from brand.yaml (paths already absolute). */
export interface BrandFonts {
  family?: string | undefined;
  regular: string;
  bold: string;
}

const manifestSchema = z.strictObject({
  family: z.string().min(1),
  faces: z
    .array(z.strictObject({ weight: z.union([z.literal(400), z.literal(700)]), file: z.string().min(1) }))
    .min(1),
  emoji: z.string().min(1),
});

const require = createRequire(import.meta.url);

/** "@scope/pkg/file" → the file inside node_modules; anything else is relative to the assets folder. */
function resolveAsset(ref: string, assetsDir: string): string {
  return ref.startsWith('@') ? require.resolve(ref) : path.resolve(assetsDir, ref);
}

const FONT_SIGNATURES = ['00010000', '4f54544f', '774f4646', '74727565'] as const; // TTF, OTF, WOFF, 'true'
const buffers = new Map<string, Promise<Buffer>>();

/** Reads a font file once per process, refusing formats satori cannot read (WOFF2, TTC). */
export function readFontFile(file: string): Promise<Buffer> {
  let pending = buffers.get(file);
  if (!pending) {
    pending = readFile(file).then(
      (data) => {
        const sig = data.subarray(0, 4).toString('hex');
        if (!(FONT_SIGNATURES as readonly string[]).includes(sig)) {
          const kind = sig === '774f4632' ? 'WOFF2' : sig === '74746366' ? 'TTC 字体集' : '无法识别的格式';
          throw new CardError(`字体文件 ${file} 不能用：${kind}。卡片只能使用 TTF、OTF 或 WOFF 字体`);
        }
        return data;
      },
      (e: NodeJS.ErrnoException) => {
        throw new CardError(`字体文件 ${file} 无法读取（${e.code === 'ENOENT' ? '文件不存在' : (e.code ?? e.message)}）`);
      },
    );
    pending.catch(() => buffers.delete(file));
    buffers.set(file, pending);
  }
  return pending;
}

const sets = new Map<string, Promise<FontSet>>();

interface FaceSource {
  weight: FontWeight;
  file: string;
}

/** A font set drawn from common-character cuts where the fonts are large enough to be worth it,
 *  with the whole fonts one call away; else the whole fonts. */
async function fontSet(family: string, sources: FaceSource[], emojiDir: string): Promise<FontSet> {
  const wholeFaces = () => Promise.all(sources.map(async (s) => ({ weight: s.weight, data: await readFontFile(s.file), file: s.file })));
  const worth = await Promise.all(sources.map((s) => worthCutting(s.file)));
  if (worth.some((w) => w)) {
    const cuts = await Promise.all(sources.map((s, i) => (worth[i] ? commonCut(s.file, () => readFontFile(s.file)) : readFontFile(s.file))));
    if (cuts.every((c) => c !== undefined)) {
      let whole: Promise<FontSet> | undefined;
      return {
        family,
        faces: sources.map((s, i) => ({ weight: s.weight, data: cuts[i]!, file: s.file })),
        emojiDir,
        whole: () => (whole ??= wholeFaces().then((faces) => ({ family, faces, emojiDir }))),
      };
    }
  }
  return { family, faces: await wholeFaces(), emojiDir };
}

/** assets/fonts.yaml: the default family's faces and the emoji folder. */
async function readManifest(assetsDir: string): Promise<{ family: string; sources: FaceSource[]; emojiDir: string }> {
  const file = 'assets/fonts.yaml';
  const read = await readYaml(path.join(assetsDir, 'fonts.yaml'), file);
  if ('problems' in read) throw new CardError('字体配置有错误', read.problems);
  const parsed = manifestSchema.safeParse(read.source.data);
  if (!parsed.success) {
    throw new CardError('字体配置有错误', parsed.error.issues.map((i) => describeAt(read.source, i.path, i.message)));
  }
  const m = parsed.data;
  return {
    family: m.family,
    sources: m.faces.map((f) => ({ weight: f.weight, file: resolveAsset(f.file, assetsDir) })),
    emojiDir: path.dirname(resolveAsset(`${m.emoji}/package.json`, assetsDir)),
  };
}

/** The default font set, or the brand's own fonts with the default emoji. Cached per process. */
export function loadFontSet(brand?: BrandFonts, assetsDir: string = DEFAULT_ASSETS_DIR): Promise<FontSet> {
  const key = `${assetsDir}|${brand ? `${brand.family ?? ''}|${brand.regular}|${brand.bold}` : ''}`;
  let pending = sets.get(key);
  if (!pending) {
    pending = (async () => {
      const manifest = await readManifest(assetsDir);
      if (!brand) return fontSet(manifest.family, manifest.sources, manifest.emojiDir);
      return fontSet(brand.family ?? 'Brand', [{ weight: 400, file: brand.regular }, { weight: 700, file: brand.bold }], manifest.emojiDir);
    })();
    pending.catch(() => sets.delete(key));
    sets.set(key, pending);
  }
  return pending;
}
