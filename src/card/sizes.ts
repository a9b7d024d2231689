// Canvas sizes. Templates lay out their text boxes for named presets; a person may ask for another
// size with the same aspect ratio (the vector card is then rasterised at that scale), never for a
// shape the layout was not designed for — that would squash or crop the text.
import { CardError } from './errors.ts';

export const CARD_SIZE_PRESETS = {
  moments_portrait: { width: 1080, height: 1440, label: '朋友圈竖图' },
  moments_square: { width: 1080, height: 1080, label: '朋友圈方图' },
  article_cover: { width: 900, height: 383, label: '公众号文章封面' },
  article_thumb: { width: 500, height: 500, label: '公众号封面缩略图（1:1）' },
} as const;

export type CardSizeName = keyof typeof CARD_SIZE_PRESETS;
export const CARD_SIZE_NAMES = Object.keys(CARD_SIZE_PRESETS) as CardSizeName[];

export interface PixelSize {
  width: number;
  height: number;
}

/** How far a requested size may scale a preset, and how close its aspect ratio must be. */
export const SCALE_RANGE = { min: 0.5, max: 2 } as const;
const ASPECT_TOLERANCE = 0.01;

/** The preset a render uses and the output size it is scaled to. */
export interface ResolvedSize {
  preset: CardSizeName;
  layout: PixelSize;
  output: PixelSize;
}

export function formatSize(s: PixelSize): string {
  return `${s.width}x${s.height}`;
}

/** "1080x1440" / "1080×1440" → size; undefined when it is not that shape. */
export function parseSize(text: string): PixelSize | undefined {
  const m = /^\s*(\d{1,5})\s*[x×X*]\s*(\d{1,5})\s*$/.exec(text);
  if (!m) return undefined;
  return { width: Number(m[1]), height: Number(m[2]) };
}

function describeAllowed(presets: readonly CardSizeName[]): string {
  return presets
    .map((p) => {
      const s = CARD_SIZE_PRESETS[p];
      const lo = Math.ceil(s.width * SCALE_RANGE.min);
      const hi = Math.floor(s.width * SCALE_RANGE.max);
      return `${formatSize(s)}（${s.label}，可按同一比例缩放到宽 ${lo}–${hi}）`;
    })
    .join('、');
}

/**
 * Picks the preset for a request: a preset name, an exact preset size, or a same-aspect scaling of
 * one of the template's presets. Anything else is a CardError naming the sizes that are allowed.
 */
export function resolveSize(
  requested: PixelSize | CardSizeName | undefined,
  supported: readonly CardSizeName[],
  template: string,
): ResolvedSize {
  const first = supported[0];
  if (!first) throw new CardError(`卡片模板 ${template} 没有声明任何尺寸`);
  if (requested === undefined) return { preset: first, layout: CARD_SIZE_PRESETS[first], output: CARD_SIZE_PRESETS[first] };
  if (typeof requested === 'string') {
    if (!supported.includes(requested)) {
      throw new CardError(`卡片模板 ${template} 不支持尺寸 ${requested}`, [`可用尺寸：${describeAllowed(supported)}`]);
    }
    const s = CARD_SIZE_PRESETS[requested];
    return { preset: requested, layout: s, output: s };
  }
  const { width, height } = requested;
  if (!Number.isInteger(width) || !Number.isInteger(height) || width <= 0 || height <= 0) {
    throw new CardError(`尺寸 ${formatSize(requested)} 无效：宽和高必须是正整数（像素）`);
  }
  for (const name of supported) {
    const s = CARD_SIZE_PRESETS[name];
    const aspectOff = Math.abs(width / height / (s.width / s.height) - 1);
    const scale = width / s.width;
    if (aspectOff <= ASPECT_TOLERANCE && scale >= SCALE_RANGE.min - 1e-9 && scale <= SCALE_RANGE.max + 1e-9) {
      return { preset: name, layout: s, output: { width, height } };
    }
  }
  throw new CardError(`尺寸 ${formatSize(requested)} 超出卡片模板 ${template} 允许的范围`, [`可用尺寸：${describeAllowed(supported)}`]);
}
