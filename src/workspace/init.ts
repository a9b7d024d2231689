// `siyu init`: starts a clinic's workspace from the shipped example. The copy goes to a temporary
// sibling folder first and is renamed into place at the end, so a failure never leaves a
// half-written workspace behind, and an existing folder with files in it is never touched.
import { cp, mkdir, mkdtemp, readdir, rename, rm, rmdir } from 'node:fs/promises';
import path from 'node:path';
import { SiyuError } from '../shared/errors.ts';
import { packagePath } from '../shared/package-root.ts';

/** The example workspace shipped with Siyu, resolved from this file so the cwd does not matter. */
export const EXAMPLE_WORKSPACE_DIR = packagePath('examples', 'workspace');

/** Relative paths of all files under `dir`, sorted. */
async function listFiles(dir: string, prefix = ''): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(path.join(dir, prefix), { withFileTypes: true })) {
    const rel = path.join(prefix, e.name);
    if (e.isDirectory()) out.push(...(await listFiles(dir, rel)));
    else out.push(rel);
  }
  return out.sort();
}

/** The entries of `dir`, or undefined when it does not exist. */
async function entriesOf(dir: string): Promise<string[] | undefined> {
  try {
    return await readdir(dir);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return undefined;
    if (code === 'ENOTDIR') throw new SiyuError(`${dir} 已存在，但它是一个文件，不是文件夹`, ['请换一个文件夹名']);
    throw new SiyuError(`无法读取 ${dir}（${code ?? String(e)}）`);
  }
}

/**
 * Copies the example workspace into `targetDir` (created if missing, or an existing empty folder).
 * Returns the absolute paths of the files written.
 */
export async function initWorkspace(targetDir: string, sourceDir: string = EXAMPLE_WORKSPACE_DIR): Promise<string[]> {
  const target = path.resolve(targetDir);
  const existing = await entriesOf(target);
  if (existing && existing.length > 0) {
    throw new SiyuError(`文件夹 ${target} 已存在且不是空的，为避免覆盖已有文件，没有初始化工作区`, [
      '请指定一个新的文件夹名，或先把这个文件夹清空',
    ]);
  }
  const parent = path.dirname(target);
  await mkdir(parent, { recursive: true });
  // Same parent, so the final rename stays on one file system and is atomic.
  const temp = await mkdtemp(path.join(parent, `.${path.basename(target)}.siyu-init-`));
  try {
    await cp(sourceDir, temp, { recursive: true, errorOnExist: true, force: false });
    const files = await listFiles(temp);
    if (files.length === 0) throw new SiyuError(`示例工作区 ${sourceDir} 是空的，安装可能不完整`);
    // rename() cannot replace a folder on every platform; the empty target goes first. rmdir
    // refuses if someone put a file there meanwhile, which is the behaviour we want.
    if (existing) await rmdir(target);
    await rename(temp, target);
    return files.map((f) => path.join(target, f));
  } catch (e) {
    await rm(temp, { recursive: true, force: true });
    // Put back the empty folder the user had, if it was removed before a failed rename.
    if (existing) await mkdir(target, { recursive: true }).catch(() => undefined);
    if (e instanceof SiyuError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new SiyuError(`初始化工作区 ${target} 失败（${code ?? String(e)}），没有留下任何文件`);
  }
}
