// What a layout's Handlebars body sees: the canvas, the brand, the validated fields, each text
// fitted into its box (font size and explicit lines), and images as data URIs. Building it is the
// only place fitting happens; the layout just draws.
import path from 'node:path';
import { measureFor } from './assets/font-metrics.ts';
import type { FontSet } from './assets/fonts.ts';
import { imageDataUri } from './assets/images.ts';
import type { CardFieldValues } from './template/fields.ts';
import type { CardTemplate } from './template/load.ts';
import type { TextBoxSpec } from './template/schema.ts';
import { fitList, fitText, type FittedList, type FittedText } from './text/fit.ts';
import type { CardSizeName, PixelSize } from './sizes.ts';
import type { CardBrand } from './types.ts';

/** A fitted text plus its inline style; the box itself is `view.box[name]`. */
type Fitted = (FittedText | FittedList) & { style: string };

export interface CardView {
  canvas: PixelSize & { safe: number; preset: CardSizeName };
  brand: Omit<CardBrand, 'logo' | 'fonts'> & { shortName: string; logo: string | null; font: string };
  fields: CardFieldValues;
  fit: Record<string, Fitted>;
  /** The text boxes as declared for this size (width, height, indent…). */
  box: Record<string, TextBoxSpec>;
  images: Record<string, string | null>;
}

/** Largest side a logo is drawn at, with room for a 2× output. */
const LOGO_PX = 240;

/**
 * Pictures go into the HTML as short placeholders and into satori's element tree after parsing:
 * an 8 KB base64 string in the markup made HTML parsing 6× slower.
 */
export const picturePlaceholder = (name: string) => `siyu-picture:${name}`;

function fitField(value: string | string[], box: TextBoxSpec, fonts: FontSet): Fitted {
  const measure = measureFor(fonts, box.weight, box.letterSpacing);
  const fitted = Array.isArray(value) ? fitList(value, box, measure) : fitText(value, box, measure);
  const spacing = box.letterSpacing ? `letter-spacing:${box.letterSpacing}em;` : '';
  return {
    ...fitted,
    style: `font-size:${fitted.size}px;line-height:${fitted.lineHeightPx}px;font-weight:${box.weight};${spacing}`,
  };
}

function warningFor(label: string, f: Fitted): string | undefined {
  if (!f.truncated) return undefined;
  if ('items' in f && f.dropped > 0) return `${label}太长，缩到最小字号仍放不下：最后 ${f.dropped} 条没有显示，显示的部分末尾加了省略号`;
  return `${label}太长，缩到最小字号仍放不下，末尾已截断并加省略号`;
}

export async function buildView(
  template: CardTemplate,
  preset: CardSizeName,
  canvas: PixelSize,
  values: CardFieldValues,
  brand: CardBrand,
  fonts: FontSet,
  baseDir: string,
): Promise<{ view: CardView; warnings: string[]; pictures: Map<string, string> }> {
  const layout = template.sizes[preset]!;
  const warnings: string[] = [];
  const fit: Record<string, Fitted> = {};
  const images: Record<string, string | null> = {};
  const pictures = new Map<string, string>();
  const picture = (name: string, dataUri: string) => {
    pictures.set(picturePlaceholder(name), dataUri);
    return picturePlaceholder(name);
  };
  for (const [name, spec] of Object.entries(template.fields)) {
    const value = values[name];
    if (spec.type === 'image') {
      images[name] = typeof value === 'string' ? picture(name, await imageDataUri(path.resolve(baseDir, value), spec.px, spec.label)) : null;
      continue;
    }
    if (value === null || value === undefined) continue;
    const f = fitField(value, layout.boxes[name]!, fonts);
    fit[name] = f;
    const w = warningFor(spec.label, f);
    if (w) warnings.push(w);
  }
  const logo = brand.logo ? picture('brand-logo', await imageDataUri(brand.logo, LOGO_PX, '机构标志')) : null;
  const { fonts: _fonts, logo: _logo, ...rest } = brand;
  return {
    view: {
      canvas: { ...canvas, safe: layout.safe, preset },
      brand: { ...rest, shortName: brand.shortName ?? brand.name, logo, font: fonts.family, adReviewCertificate: brand.adReviewCertificate ?? null },
      fields: values,
      fit,
      box: layout.boxes,
      images,
    },
    warnings,
    pictures,
  };
}
