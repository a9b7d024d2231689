// The workspace's brand as cards need it: relative paths (logo, fonts) made absolute.
import path from 'node:path';
import type { Brand } from '../workspace/schema.ts';
import type { CardBrand } from './types.ts';

export function cardBrandFor(brand: Brand, workspaceDir: string): CardBrand {
  const abs = (p: string) => path.resolve(workspaceDir, p);
  return {
    name: brand.name,
    shortName: brand.shortName,
    colours: brand.colours,
    logo: brand.logo ? abs(brand.logo) : undefined,
    adReviewCertificate: brand.adReviewCertificate ?? null,
    fonts: brand.fonts ? { family: brand.fonts.family, regular: abs(brand.fonts.regular), bold: abs(brand.fonts.bold) } : undefined,
  };
}

/** Used when no workspace is found (e.g. `siyu card` in a bare folder): neutral colours, no names. */
export const NEUTRAL_BRAND: CardBrand = {
  name: '',
  colours: { primary: '#5B6B7A', secondary: '#F2F4F6', text: '#222222' },
  adReviewCertificate: null,
};
