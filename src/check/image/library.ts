// The workspace's library of known images (stock photos, images already posted): every image under
// the folder is hashed once per run and kept in memory, and a checked image whose pHash is within
// PHASH_MATCH_DISTANCE of one of them is reported as reuse.
import { readdir, realpath } from 'node:fs/promises';
import path from 'node:path';
import { SiyuError } from '../../shared/errors.ts';
import { decodeImage, ImageInputError } from './decode.ts';
import { hammingDistance, phashOf, PHASH_MATCH_DISTANCE } from './phash.ts';

export const IMAGE_EXTENSIONS = new Set(['.jpg', '.jpeg', '.png', '.webp', '.gif', '.tif', '.tiff', '.avif', '.heic', '.heif']);

export interface LibraryEntry {
  /** As shown to people: relative to the working directory when inside it. */
  file: string;
  /** Resolved path, to recognise the library's own files when they are checked. */
  real: string;
  hash: string;
}

export interface LibraryMatch {
  file: string;
  distance: number;
}

export const shownPath = (p: string): string => {
  const rel = path.relative(process.cwd(), p);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : p;
};

async function listImages(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await listImages(full)));
    else if (entry.isFile() && IMAGE_EXTENSIONS.has(path.extname(entry.name).toLowerCase())) out.push(full);
  }
  return out.sort();
}

/** Pure: the nearest entry within the match distance, skipping the checked file itself. */
export function nearest(entries: readonly LibraryEntry[], hash: string, selfReal?: string): LibraryMatch | undefined {
  let best: LibraryMatch | undefined;
  for (const e of entries) {
    if (e.real === selfReal) continue;
    const distance = hammingDistance(hash, e.hash);
    if (distance <= PHASH_MATCH_DISTANCE && (!best || distance < best.distance)) best = { file: e.file, distance };
  }
  return best;
}

export class ImageLibrary {
  private constructor(
    readonly dir: string,
    readonly entries: LibraryEntry[],
  ) {}

  /** Hashes every image under `dir`. A missing folder is an error (it was asked for); an
   *  unreadable image in it is skipped with a warning, since one bad stock photo should not
   *  stop the check. */
  static async load(dir: string, onWarning: (message: string) => void = () => {}): Promise<ImageLibrary> {
    let files: string[];
    try {
      files = await listImages(dir);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      const why = code === 'ENOENT' ? '不存在' : code === 'ENOTDIR' ? '不是目录' : `无法读取（${code ?? (e as Error).message}）`;
      throw new SiyuError(`图片库目录 ${dir} ${why}`, ['用 --library 指定图片库目录，或在工作区下建立 image-library/']);
    }
    const entries: LibraryEntry[] = [];
    for (const file of files) {
      try {
        const img = await decodeImage(file);
        entries.push({ file: shownPath(file), real: await realpath(file), hash: await phashOf(img) });
      } catch (e) {
        onWarning(`图片库中的文件已跳过：${e instanceof ImageInputError ? e.message : `${file}（${(e as Error).message}）`}`);
      }
    }
    return new ImageLibrary(dir, entries);
  }

  static empty(): ImageLibrary {
    return new ImageLibrary('', []);
  }

  match(hash: string, selfReal?: string): LibraryMatch | undefined {
    return nearest(this.entries, hash, selfReal);
  }
}
