// Logos and avatars: read with sharp, scaled down to what the card draws and handed to satori as a
// PNG data URI. An unreadable or non-image file is a CardError naming the field and file.
import { stat } from 'node:fs/promises';
import sharp from 'sharp';
import { CardError } from '../errors.ts';

const cache = new Map<string, Promise<string>>();

/** The image at `file` as a PNG data URI no larger than `maxPx` on either side. */
export async function imageDataUri(file: string, maxPx: number, label: string): Promise<string> {
  let info;
  try {
    info = await stat(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new CardError(`${label}图片无法读取：${file}（${code === 'ENOENT' ? '文件不存在' : (code ?? String(e))}）`);
  }
  if (!info.isFile()) throw new CardError(`${label}图片无法读取：${file} 不是文件`);
  const key = `${file}|${info.mtimeMs}|${info.size}|${maxPx}`;
  let pending = cache.get(key);
  if (!pending) {
    pending = sharp(file, { failOn: 'error' })
      .rotate()
      .resize(maxPx, maxPx, { fit: 'inside', withoutEnlargement: true })
      .png()
      .toBuffer()
      .then(
        (png) => `data:image/png;base64,${png.toString('base64')}`,
        (e: Error) => {
          throw new CardError(`${label}图片无法读取：${file}（不是图片，或文件已损坏：${e.message.split('\n')[0]}）`);
        },
      );
    pending.catch(() => cache.delete(key));
    cache.set(key, pending);
  }
  return pending;
}
