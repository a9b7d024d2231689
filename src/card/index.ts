// Card rendering: templates/cards/layouts/*.hbs → PNG/JPEG. See render.ts for the steps.
export { CardRenderer, DEFAULT_CARD_TEMPLATES_DIR } from './render.ts';
export { CardRenderPool, type CardRendering } from './pool.ts';
export { CardError } from './errors.ts';
export { CARD_SIZE_PRESETS, CARD_SIZE_NAMES, parseSize, formatSize, type CardSizeName, type PixelSize } from './sizes.ts';
export type { CardBrand, CardRenderRequest, RenderedCard, CardImageFormat } from './types.ts';
