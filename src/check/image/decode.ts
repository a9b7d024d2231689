// Reading one image file, the I/O edge of the image check. The whole file is decoded once, so a
// truncated or corrupt image fails here with a Chinese message naming the file, before any
// analysis runs or any heat-map is written. Everything downstream works on the decoded pixels.
import { readFile, stat } from 'node:fs/promises';
import sharp from 'sharp';
import type { GreyRaster } from './raster.ts';

/** A decoded image: the file's bytes (for metadata) and its pixels as 8-bit RGB, upright. */
export interface DecodedImage {
  file: string;
  bytes: Buffer;
  format: string;
  width: number;
  height: number;
  /** width × height × 3 bytes, rows top to bottom. */
  rgb: Buffer;
}

/** A per-file problem the caller reports and moves on from; the message is for people. */
export class ImageInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImageInputError';
  }
}

const SUPPORTED = 'JPEG、PNG、WebP、GIF、TIFF、AVIF';

/** Larger pictures are refused before decoding: a 144-MP picture took 11 s and 2.2 GB. 64 MP
 *  is above any phone camera's JPEG (48 MP at most) and well below libvips' own limit. */
export const MAX_PIXELS = 64_000_000;

async function readBytes(file: string): Promise<Buffer> {
  try {
    const info = await stat(file);
    if (info.isDirectory()) throw new ImageInputError(`${file} 是目录，不是图片文件`);
    if (!info.isFile()) throw new ImageInputError(`${file} 不是普通文件`);
    if (info.size === 0) throw new ImageInputError(`${file} 是空文件`);
    return await readFile(file);
  } catch (e) {
    if (e instanceof ImageInputError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new ImageInputError(`找不到文件 ${file}`);
    if (code === 'EACCES' || code === 'EPERM') throw new ImageInputError(`没有权限读取 ${file}`);
    throw new ImageInputError(`无法读取 ${file}（${code ?? '未知错误'}）`);
  }
}

/** libvips messages are English and technical; people get the gist in Chinese. */
function decodeProblem(file: string, e: unknown): ImageInputError {
  const msg = (e as Error).message ?? '';
  if (/unsupported image format|unknown file format/i.test(msg)) {
    return new ImageInputError(`${file} 不是可识别的图片文件（支持 ${SUPPORTED}）`);
  }
  if (/pixel limit/i.test(msg)) return new ImageInputError(`${file} 像素过多，超出可处理的上限`);
  if (/premature end|truncat|read error|corrupt|invalid|bad |not a|unexpected end|damaged/i.test(msg)) {
    return new ImageInputError(`${file} 图片数据不完整或已损坏（文件可能被截断），无法解码`);
  }
  return new ImageInputError(`${file} 图片无法解码，文件可能已损坏`);
}

export async function decodeImage(file: string): Promise<DecodedImage> {
  const bytes = await readBytes(file);
  try {
    // The header alone gives the size: refuse a huge picture before decoding any of it.
    const { width = 0, height = 0, format } = await sharp(bytes).metadata();
    if (width * height > MAX_PIXELS) {
      throw new ImageInputError(`${file} 像素过多（${width}×${height}），超过 ${MAX_PIXELS / 10_000} 万像素的上限，请缩小后再检查`);
    }
    // failOn 'warning' (the default, spelled out): a truncated JPEG decodes to a half-grey picture
    // with only a warning, and checking that picture would be checking something nobody posts.
    const { data, info } = await sharp(bytes, { failOn: 'warning', limitInputPixels: MAX_PIXELS })
      .rotate() // EXIF orientation: analyse the picture as people see it
      .flatten({ background: '#ffffff' })
      .toColourspace('srgb')
      .removeAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true });
    if (info.channels !== 3) throw new Error(`unexpected channel count ${info.channels}`);
    return { file, bytes, format: format ?? 'unknown', width: info.width, height: info.height, rgb: data };
  } catch (e) {
    throw e instanceof ImageInputError ? e : decodeProblem(file, e);
  }
}

/** Detection works on a bounded size: divider bars survive this, and a 48-MP photo stays cheap. */
export const ANALYSIS_MAX_SIDE = 1024;

/** The decoded image in grey, no larger than ANALYSIS_MAX_SIDE on its long side. */
export async function greyRaster(img: DecodedImage, maxSide = ANALYSIS_MAX_SIDE): Promise<GreyRaster> {
  const { data, info } = await sharp(img.rgb, { raw: { width: img.width, height: img.height, channels: 3 } })
    .greyscale()
    .resize({ width: maxSide, height: maxSide, fit: 'inside', withoutEnlargement: true })
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { width: info.width, height: info.height, data: new Uint8Array(data.buffer, data.byteOffset, data.length) };
}
