// One card, start to finish, on the calling thread: validate → fit → Handlebars HTML → satori SVG
// → sharp PNG/JPEG. Templates and fonts are loaded once per renderer and reused; the worker pool
// (pool.ts) runs one of these per thread.
import { createHash } from 'node:crypto';
import satori, { type SatoriNode } from 'satori';
import { html } from 'satori-html';
import sharp from 'sharp';
import { emojiDataUri } from './assets/emoji.ts';
import { uncovered } from './assets/font-metrics.ts';
import { DEFAULT_ASSETS_DIR, loadFontSet, type FontSet } from './assets/fonts.ts';
import { CardError } from './errors.ts';
import { validateFields } from './template/fields.ts';
import { DEFAULT_CARD_TEMPLATES_DIR, loadCardTemplates, templateNamed, type CardTemplates } from './template/load.ts';
import { assertPricesAllowed } from './template/prices.ts';
import { resolveSize, type PixelSize } from './sizes.ts';
import type { CardRenderRequest, RenderedCard } from './types.ts';
import { finishTree } from './element-tree.ts';
import { simplifyRectMasks } from './svg-masks.ts';
import { buildView } from './view.ts';

export { DEFAULT_CARD_TEMPLATES_DIR };

export interface CardRendererOptions {
  templatesDir?: string | undefined;
  assetsDir?: string | undefined;
}

/** Text and pictures that land outside the safe area, found from satori's own layout. */
function safeAreaCheck(canvas: PixelSize, safe: number) {
  const outside: string[] = [];
  const onNodeDetected = (node: SatoriNode) => {
    const drawn = node.type === 'img' || (typeof node.textContent === 'string' && node.textContent.trim() !== '');
    if (!drawn || node.width === 0 || node.height === 0) return;
    const eps = 0.5;
    if (node.left < safe - eps || node.top < safe - eps || node.left + node.width > canvas.width - safe + eps || node.top + node.height > canvas.height - safe + eps) {
      outside.push(node.type === 'img' ? '图片' : `“${node.textContent!.slice(0, 12)}”`);
    }
  };
  return { outside, onNodeDetected };
}

/** The layout's HTML for the card, its text fitted with `fonts`. */
async function markupOf(...[template, ...rest]: Parameters<typeof buildView>): Promise<Awaited<ReturnType<typeof buildView>> & { markup: string }> {
  const built = await buildView(template, ...rest);
  try {
    return { ...built, markup: template.render(built.view) };
  } catch (e) {
    throw new CardError(`卡片版式 ${template.file} 出错：${(e as Error).message.split('\n')[0]}`);
  }
}

export class CardRenderer {
  private constructor(
    readonly templates: CardTemplates,
    private readonly assetsDir: string,
  ) {}

  static async create(opts: CardRendererOptions = {}): Promise<CardRenderer> {
    const templates = await loadCardTemplates(opts.templatesDir);
    return new CardRenderer(templates, opts.assetsDir ?? DEFAULT_ASSETS_DIR);
  }

  fonts(req: Pick<CardRenderRequest, 'brand'>): Promise<FontSet> {
    return loadFontSet(req.brand.fonts, this.assetsDir);
  }

  /** Renders the SVG only (layout checks, tests); `render` rasterises it. */
  async svg(req: CardRenderRequest): Promise<{ svg: string; output: PixelSize; layout: PixelSize; preset: RenderedCard['preset']; warnings: string[] }> {
    const template = templateNamed(this.templates, req.template);
    const { preset, layout, output } = resolveSize(req.size, template.supportedSizes, template.name);
    const values = validateFields(template, req.fields);
    if (template.pricesNeedCertificate) assertPricesAllowed(template.description, values, req.brand.adReviewCertificate);
    const baseDir = req.baseDir ?? process.cwd();
    let fonts = await this.fonts(req);
    let built = await markupOf(template, preset, layout, values, req.brand, fonts, baseDir);
    // Drawn from common-character cuts: a character only the whole fonts have (a rare surname,
    // say) means fitting and drawing this card again with the whole fonts.
    const missing = fonts.whole ? uncovered(fonts, built.markup) : undefined;
    if (missing?.size) {
      const whole = await fonts.whole!();
      if (uncovered(whole, String.fromCodePoint(...missing)).size < missing.size) {
        fonts = whole;
        built = await markupOf(template, preset, layout, values, req.brand, fonts, baseDir);
      }
    }
    const { markup, warnings, pictures } = built;
    const safe = safeAreaCheck(layout, template.sizes[preset]!.safe);
    const raw = await satori(finishTree(html(markup), pictures) as Parameters<typeof satori>[0], {
      width: layout.width,
      height: layout.height,
      fonts: fonts.faces.map((f) => ({ name: fonts.family, data: f.data, weight: f.weight, style: 'normal' as const })),
      loadAdditionalAsset: async (code, segment) => (code === 'emoji' ? ((await emojiDataUri(fonts.emojiDir, segment)) ?? []) : []),
      onNodeDetected: safe.onNodeDetected,
    });
    if (safe.outside.length > 0) warnings.push(`版式问题：${safe.outside.join('、')} 超出了安全边距`);
    const svg = simplifyRectMasks(raw);
    return { svg, output, layout, preset, warnings };
  }

  async render(req: CardRenderRequest): Promise<RenderedCard> {
    const { svg, output, layout, preset, warnings } = await this.svg(req);
    const format = req.format ?? 'png';
    // The SVG is vector: a larger output is rasterised at that scale rather than upscaled.
    const density = 72 * (output.width / layout.width);
    let img = sharp(Buffer.from(svg), { density });
    if (density !== 72) img = img.resize(output.width, output.height, { fit: 'fill' });
    // PNG level 3 is ~3× faster than the default 6 for ~10 % larger files; cards are flat colour.
    const image = format === 'png' ? await img.png({ compressionLevel: 3 }).toBuffer() : await img.flatten({ background: '#ffffff' }).jpeg({ quality: req.quality ?? 85, mozjpeg: false }).toBuffer();
    return {
      template: req.template,
      preset,
      width: output.width,
      height: output.height,
      format,
      image: new Uint8Array(image.buffer, image.byteOffset, image.byteLength),
      sha256: createHash('sha256').update(image).digest('hex'),
      warnings,
    };
  }
}
