// Test images, drawn here so the tests own their inputs: photo-like scenes (gradients, shapes,
// noise), a face-like portrait, before/after composites built from it, and files with editing
// software in their metadata. Everything is deterministic (seeded noise).
import sharp from 'sharp';
// Small seeded PRNG (the benchmark corpus's mulberry32): same pixels on every run.
import { mulberry32 as rng } from '../../../scripts/bench/corpus.ts';

export { rng };

/** Adds seeded grain, as a camera sensor would. */
async function withNoise(png: Buffer, seed: number, amount = 14): Promise<Buffer> {
  const { data, info } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const rand = rng(seed);
  for (let i = 0; i < data.length; i++) data[i] = Math.max(0, Math.min(255, data[i]! + Math.round((rand() - 0.5) * amount)));
  return sharp(data, { raw: { width: info.width, height: info.height, channels: 3 } }).png().toBuffer();
}

async function render(svg: string, seed: number, noise?: number): Promise<Buffer> {
  return withNoise(await sharp(Buffer.from(svg)).png().toBuffer(), seed, noise);
}

/** A scene: sky-to-ground gradient, hills, a sun, a house, trees placed by the seed. */
export async function photoLike(width = 640, height = 480, seed = 1): Promise<Buffer> {
  const rand = rng(seed);
  const hue = Math.floor(rand() * 360);
  const trees = Array.from({ length: 6 }, () => {
    const x = Math.round(rand() * width);
    const s = 20 + Math.round(rand() * 40);
    return `<circle cx="${x}" cy="${Math.round(height * 0.62)}" r="${s}" fill="hsl(${(hue + 100) % 360},45%,${25 + Math.round(rand() * 20)}%)"/>`;
  }).join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
    <defs>
      <linearGradient id="sky" x1="${rand().toFixed(2)}" y1="0" x2="${rand().toFixed(2)}" y2="1"><stop offset="0" stop-color="hsl(${hue},60%,80%)"/><stop offset="1" stop-color="hsl(${(hue + 40) % 360},40%,55%)"/></linearGradient>
      <radialGradient id="sun"><stop offset="0" stop-color="#fff8d0"/><stop offset="1" stop-color="#f0a040"/></radialGradient>
    </defs>
    <rect width="100%" height="100%" fill="url(#sky)"/>
    <circle cx="${Math.round(width * (0.15 + rand() * 0.3))}" cy="${Math.round(height * 0.2)}" r="${Math.round(height * 0.09)}" fill="url(#sun)"/>
    <path d="M0 ${height * (0.4 + rand() * 0.35)} Q ${width * rand()} ${height * (0.2 + rand() * 0.5)} ${width * 0.6} ${height * (0.45 + rand() * 0.3)} T ${width} ${height * (0.4 + rand() * 0.4)} V ${height} H 0 Z" fill="hsl(${(hue + 90) % 360},35%,40%)"/>
    <rect x="${Math.round(width * (0.55 + rand() * 0.2))}" y="${Math.round(height * 0.5)}" width="${Math.round(width * 0.16)}" height="${Math.round(height * 0.18)}" fill="#b05a3c"/>
    <polygon points="${width * 0.55},${height * 0.5} ${width * 0.79},${height * 0.5} ${width * 0.67},${height * 0.38}" fill="#6a3020"/>
    ${trees}
    <ellipse cx="${width * (0.2 + rand() * 0.6)}" cy="${height * (0.75 + rand() * 0.15)}" rx="${width * 0.2}" ry="${height * 0.05}" fill="hsl(${(hue + 200) % 360},50%,45%)"/>
  </svg>`;
  return render(svg, seed);
}

/** A face-like portrait: backdrop gradient, hair with a side parting, face, eyes, brows, nose,
 *  mouth, shoulders. `symmetric` draws it mirror-symmetric and centred. */
export async function faceLike(width = 400, height = 500, opts: { seed?: number; symmetric?: boolean } = {}): Promise<Buffer> {
  const seed = opts.seed ?? 7;
  const cx = opts.symmetric ? width / 2 : width * 0.46;
  const w = width;
  const h = height;
  const hair = opts.symmetric
    ? `<ellipse cx="${cx}" cy="${h * 0.3}" rx="${w * 0.3}" ry="${h * 0.24}" fill="#2b1d16"/>`
    : `<path d="M ${cx - w * 0.3} ${h * 0.45} Q ${cx - w * 0.32} ${h * 0.05} ${cx + w * 0.05} ${h * 0.08} Q ${cx + w * 0.36} ${h * 0.12} ${cx + w * 0.3} ${h * 0.5} L ${cx + w * 0.18} ${h * 0.22} Q ${cx - w * 0.05} ${h * 0.2} ${cx - w * 0.2} ${h * 0.3} Z" fill="#2b1d16"/>`;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}">
    <defs><linearGradient id="bg" x1="0" y1="0" x2="${opts.symmetric ? 0 : 1}" y2="1"><stop offset="0" stop-color="#9fb8c8"/><stop offset="1" stop-color="#5d7484"/></linearGradient></defs>
    <rect width="100%" height="100%" fill="url(#bg)"/>
    <ellipse cx="${cx}" cy="${h * 1.02}" rx="${w * 0.42}" ry="${h * 0.22}" fill="#7a4b5c"/>
    <rect x="${cx - w * 0.07}" y="${h * 0.62}" width="${w * 0.14}" height="${h * 0.2}" fill="#e0b49a"/>
    ${hair}
    <ellipse cx="${cx}" cy="${h * 0.42}" rx="${w * 0.22}" ry="${h * 0.25}" fill="#efc7ad"/>
    <ellipse cx="${cx - w * 0.085}" cy="${h * 0.38}" rx="${w * 0.04}" ry="${h * 0.018}" fill="#fff"/>
    <ellipse cx="${cx + w * 0.085}" cy="${h * 0.38}" rx="${w * 0.04}" ry="${h * 0.018}" fill="#fff"/>
    <circle cx="${cx - w * 0.085}" cy="${h * 0.38}" r="${w * 0.017}" fill="#3a2518"/>
    <circle cx="${cx + w * 0.085}" cy="${h * 0.38}" r="${w * 0.017}" fill="#3a2518"/>
    <rect x="${cx - w * 0.13}" y="${h * 0.335}" width="${w * 0.09}" height="${h * 0.012}" fill="#3b2a20"/>
    <rect x="${cx + w * 0.04}" y="${h * 0.335}" width="${w * 0.09}" height="${h * 0.012}" fill="#3b2a20"/>
    <path d="M ${cx} ${h * 0.4} L ${cx - w * 0.025} ${h * 0.48} L ${cx + w * 0.025} ${h * 0.48} Z" fill="#d9a58c"/>
    <ellipse cx="${cx}" cy="${h * 0.54}" rx="${w * 0.06}" ry="${h * 0.015}" fill="#b5485a"/>
    ${opts.symmetric ? '' : `<circle cx="${cx + w * 0.12}" cy="${h * 0.47}" r="${w * 0.012}" fill="#8a5a44"/>`}
  </svg>`;
  return render(svg, seed, 10);
}

export interface CompositeOptions {
  split: 'vertical' | 'horizontal';
  /** Divider bar thickness in pixels (0 = panels butted together). */
  bar?: number;
  barColour?: string;
  /** Brightness factor of the second ("after") panel. */
  afterBrightness?: number;
  /** Panels count (same picture repeated). */
  panels?: number;
}

/** The same picture repeated in panels with divider bars between them, as collage apps do. */
export async function composite(panel: Buffer, opts: CompositeOptions): Promise<Buffer> {
  const meta = await sharp(panel).metadata();
  const pw = meta.width!;
  const ph = meta.height!;
  const n = opts.panels ?? 2;
  const bar = opts.bar ?? 8;
  const vertical = opts.split === 'vertical';
  const width = vertical ? pw * n + bar * (n - 1) : pw;
  const height = vertical ? ph : ph * n + bar * (n - 1);
  const layers = [];
  for (let i = 0; i < n; i++) {
    const input = i > 0 && opts.afterBrightness ? await sharp(panel).modulate({ brightness: opts.afterBrightness }).png().toBuffer() : panel;
    layers.push({ input, left: vertical ? i * (pw + bar) : 0, top: vertical ? 0 : i * (ph + bar) });
  }
  return sharp({ create: { width, height, channels: 3, background: opts.barColour ?? '#ffffff' } })
    .composite(layers)
    .png()
    .toBuffer();
}

/** Writes a buffer as JPEG (quality given) or PNG, by the file's extension. */
export async function save(buf: Buffer, file: string, quality = 90): Promise<string> {
  const s = sharp(buf);
  await (file.endsWith('.png') ? s.png() : s.jpeg({ quality })).toFile(file);
  return file;
}
