// Common-character cuts of large (CJK) fonts: satori parses a font's whole character map before
// drawing anything, which for Noto Sans SC (~30,000 glyphs, 10 MB a weight) is most of a cold
// card's font cost. A cut holding GB 2312 (the 6,763 everyday characters and its symbols) plus
// Latin, general and CJK punctuation and full-width forms is a quarter the size and draws the same
// glyphs, outlines and advances, since it is made by HarfBuzz's subsetter from the same font.
// A card whose text has a character the cut lacks is drawn with the whole font (render.ts).
// Cuts are cached on disk (userCacheDir('font-cuts')), keyed by the font file's path, size and
// mtime, the character list and the subsetter's version; everything here is best-effort — when a
// cut cannot be made or stored, the whole font is used.
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { writeAtomically } from '../../shared/atomic-write.ts';
import { userCacheDir } from '../../shared/cache-dir.ts';
import { openFontMetrics } from './sfnt-metrics.ts';

/** Fonts smaller than this are used whole: cutting a Latin font saves nothing worth a cache. */
const MIN_CUT_BYTES = 4 * 1024 * 1024;
const FORMAT = 'siyu-font-cut/1';

const RANGES: [number, number][] = [
  [0x20, 0x7e], // ASCII
  [0xa0, 0x24f], // Latin-1 and Latin Extended-A/B
  [0x2000, 0x206f], // general punctuation
  [0x20a0, 0x20bf], // currency symbols
  [0x2100, 0x218f], // letter-like symbols, number forms (℃, Ⅻ)
  [0x2190, 0x21ff], // arrows
  [0x2460, 0x24ff], // enclosed alphanumerics (①)
  [0x2500, 0x25ff], // box drawing, geometric shapes (●, ■)
  [0x3000, 0x303f], // CJK symbols and punctuation
  [0x3200, 0x33ff], // enclosed CJK letters, CJK compatibility (㎡)
  [0xff00, 0xffef], // half-width and full-width forms
];

let charactersMemo: string | undefined;

/** The characters a cut keeps: GB 2312 (decoded from its byte table) plus the ranges above. */
export function cutCharacters(): string {
  if (charactersMemo !== undefined) return charactersMemo;
  const chars: string[] = [];
  for (const [from, to] of RANGES) for (let cp = from; cp <= to; cp++) chars.push(String.fromCodePoint(cp));
  // GB 2312 rows 0xA1–0xF7, cells 0xA1–0xFE, read through GBK (a superset with the same codes).
  const gbk = new TextDecoder('gbk');
  for (let row = 0xa1; row <= 0xf7; row++) {
    for (let cell = 0xa1; cell <= 0xfe; cell++) {
      const ch = gbk.decode(Uint8Array.of(row, cell));
      if (ch !== '\ufffd') chars.push(ch);
    }
  }
  charactersMemo = [...new Set(chars)].join('');
  return charactersMemo;
}

const require = createRequire(import.meta.url);

async function cutKey(file: string): Promise<string> {
  const s = await stat(file);
  const subsetter = (require('subset-font/package.json') as { version: string }).version;
  return createHash('sha256').update(`${FORMAT}\0${path.resolve(file)}\0${s.size}\0${s.mtimeMs}\0${subsetter}\0`).update(cutCharacters()).digest('hex').slice(0, 32);
}

/** Whether a font is worth cutting, from its size on disk. */
export async function worthCutting(file: string): Promise<boolean> {
  try {
    return (await stat(file)).size >= MIN_CUT_BYTES;
  } catch {
    return false;
  }
}

/**
 * The common-character cut of a font file: from the cache, or made from `whole()` (the font's
 * bytes) and stored. Undefined when caching is off or the cut cannot be made.
 */
export async function commonCut(file: string, whole: () => Promise<Buffer>): Promise<Buffer | undefined> {
  const dir = userCacheDir('font-cuts');
  if (!dir) return undefined;
  try {
    const cached = path.join(dir, `${await cutKey(file)}.ttf`);
    try {
      const data = await readFile(cached);
      // A damaged entry (a disk error, a hand edit) is a miss: the cut is made again.
      if (openFontMetrics(data).glyphOf(0x4e2d) !== 0) return data; // 中
    } catch {
      // not cut yet, or damaged
    }
    const { default: subsetFont } = await import('subset-font');
    const cut = await subsetFont(await whole(), cutCharacters(), { targetFormat: 'sfnt' });
    await writeAtomically(cached, cut);
    return cut;
  } catch (e) {
    if (process.env.SIYU_DEBUG) process.stderr.write(`font cut unavailable for ${file}: ${(e as Error).message}\n`);
    return undefined;
  }
}
