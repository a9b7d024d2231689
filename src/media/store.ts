// The media store: files that belong to draft revisions (rendered cards), named by their content
// (<sha256>.<ext>) in one folder. A name is its content, so a file is written once and never
// changes; two revisions with the same image share the file. Writes go to a temporary file that is
// renamed into place, so a reader never sees a partial image under a real name.
import { createHash } from 'node:crypto';
import { mkdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { writeAtomically } from '../shared/atomic-write.ts';
import { DEFAULT_DATA_DIR } from '../db/client.ts';
import { SiyuError } from '../shared/errors.ts';

/** Where media goes when nothing says otherwise and the database is a server (DATABASE_URL). */
export const DEFAULT_MEDIA_DIR = path.join('.siyu', 'media');

export interface MediaDirOptions {
  /** An explicit folder (--media). */
  mediaDir?: string | undefined;
  /** The embedded database's folder (--data), when the CLI uses one. */
  dataDir?: string | undefined;
  /** Whether the database is the embedded one (no DATABASE_URL, or --embedded). */
  embedded: boolean;
}

/**
 * The media folder: --media, else SIYU_MEDIA_DIR, else `media` next to the embedded data folder
 * (.siyu/data → .siyu/media; the demo's .siyu/demo/data → .siyu/demo/media), else .siyu/media
 * in the working directory when the database is a PostgreSQL server.
 */
export function mediaDirFor(opts: MediaDirOptions): string {
  const explicit = opts.mediaDir ?? (process.env.SIYU_MEDIA_DIR?.trim() || undefined);
  if (explicit) return path.resolve(explicit);
  if (opts.embedded) {
    const data = path.resolve(opts.dataDir ?? process.env.SIYU_DATA_DIR ?? DEFAULT_DATA_DIR);
    return path.join(path.dirname(data), 'media');
  }
  return path.resolve(DEFAULT_MEDIA_DIR);
}

export const sha256Of = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** A stored file that is missing or no longer what was stored: publishing must not send it. */
export class MediaError extends SiyuError {
  constructor(message: string, details: string[] = []) {
    super(message, details);
    this.name = 'MediaError';
  }
}

const NAME = /^[0-9a-f]{64}\.(png|jpe?g)$/;

export class MediaStore {
  readonly dir: string;

  constructor(dir: string) {
    this.dir = path.resolve(dir);
  }

  /** Absolute path of a stored file, from its name in the store. */
  fileOf(name: string): string {
    if (!NAME.test(name)) throw new MediaError(`图片记录 “${name}” 不是图片库中的文件名（应为 64 位哈希加扩展名）`);
    return path.join(this.dir, name);
  }

  /** Stores bytes under their hash; returns the name and hash. Existing identical files are kept. */
  async put(bytes: Uint8Array, ext: 'png' | 'jpeg'): Promise<{ path: string; sha256: string; file: string }> {
    const sha256 = sha256Of(bytes);
    const name = `${sha256}.${ext === 'jpeg' ? 'jpg' : 'png'}`;
    const file = path.join(this.dir, name);
    if (await this.holds(file, sha256, bytes.byteLength)) return { path: name, sha256, file };
    try {
      await mkdir(this.dir, { recursive: true });
    } catch (e) {
      throw new MediaError(`无法创建图片存储目录 ${this.dir}（${(e as NodeJS.ErrnoException).code ?? (e as Error).message}）`, ['用 --media 或环境变量 SIYU_MEDIA_DIR 指定一个可写的目录']);
    }
    try {
      await writeAtomically(file, bytes);
    } catch (e) {
      throw new MediaError(`无法写入图片 ${file}（${(e as NodeJS.ErrnoException).code ?? (e as Error).message}）`);
    }
    return { path: name, sha256, file };
  }

  /** A file already there with the right size and content (a crash cannot leave a wrong one, but a person can). */
  private async holds(file: string, sha256: string, size: number): Promise<boolean> {
    try {
      if ((await stat(file)).size !== size) return false;
      return sha256Of(await readFile(file)) === sha256;
    } catch {
      return false;
    }
  }

  /**
   * The absolute path of a stored file after checking it is there and still has the hash it was
   * stored with; a MediaError in Chinese otherwise.
   */
  async verify(ref: { path: string; sha256: string }): Promise<{ file: string; data: Buffer }> {
    const file = this.fileOf(ref.path);
    let bytes: Buffer;
    try {
      bytes = await readFile(file);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      throw new MediaError(`卡片图片 ${file} ${code === 'ENOENT' ? '不存在' : `无法读取（${code ?? (e as Error).message}）`}`, [
        `图片存储目录：${this.dir}（可用 --media 或 SIYU_MEDIA_DIR 指定）`,
        '如果图片被删除，请重新编辑这篇草稿（会重新生成卡片）并再次审核',
      ]);
    }
    const actual = sha256Of(bytes);
    if (actual !== ref.sha256) {
      throw new MediaError(`卡片图片 ${file} 已被改动：内容哈希 ${actual.slice(0, 12)}… 与审核时的 ${ref.sha256.slice(0, 12)}… 不一致`, [
        '审核通过的是原来的图片，改动后的图片不能发布；请重新编辑这篇草稿（会重新生成卡片）并再次审核',
      ]);
    }
    return { file, data: bytes };
  }
}
