// The card renderer's boundary types: what a caller asks for and what comes back.
import type { BrandFonts } from './assets/fonts.ts';
import type { CardSizeName, PixelSize } from './sizes.ts';

export type CardImageFormat = 'png' | 'jpeg';

/** Brand as a card needs it: colours, names, logo and fonts (paths absolute). */
export interface CardBrand {
  name: string;
  shortName?: string | undefined;
  colours: { primary: string; secondary: string; text: string };
  logo?: string | undefined;
  /** 医疗广告审查证明文号; prices on posters need it, and posters then show it. */
  adReviewCertificate?: string | null | undefined;
  fonts?: BrandFonts | undefined;
}

export interface CardRenderRequest {
  template: string;
  /** The template's fields; validated against its declaration. */
  fields: unknown;
  brand: CardBrand;
  /** A preset name or a size with a preset's aspect ratio; default: the template's first size. */
  size?: PixelSize | CardSizeName | undefined;
  format?: CardImageFormat | undefined;
  /** JPEG quality 1–100 (default 85). */
  quality?: number | undefined;
  /** Relative image paths in fields (avatar…) resolve against this folder. */
  baseDir?: string | undefined;
}

export interface RenderedCard {
  template: string;
  preset: CardSizeName;
  width: number;
  height: number;
  format: CardImageFormat;
  image: Uint8Array;
  /** Hex SHA-256 of `image`. */
  sha256: string;
  /** For the editor: text cut to fit, layout problems. Chinese. */
  warnings: string[];
}
