// Reads the rule pack's files as text, once per load: the same text is hashed for the
// compiled-pack cache key and, on a cache miss, parsed. A missing or unreadable file is a problem
// line (in the loader's format), never a throw, so every problem is reported together.
// Synchronous reads: a pack is a few dozen small files, and on a busy machine queueing each read
// in the thread pool costs more than reading them in turn.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** The files every pack has, besides packs/*.yaml. */
const FIXED_FILES = ['pack.yaml', 'lexicons.yaml', 'normalise.yaml', 'departments.yaml', 'discourse.yaml'] as const;

export interface PackFiles {
  /** Absolute pack directory. */
  dir: string;
  /** File name (relative, e.g. "packs/R05-….yaml") → text, for every file that could be read. */
  texts: Map<string, string>;
  /** The rule files, sorted: rules keep this order. */
  ruleFiles: string[];
  /** Why a file could not be read, by file name. */
  unreadable: Map<string, string>;
  /** A missing or empty packs/ directory. */
  packsProblem: string | undefined;
}

/** Whether every file was read: only then can the pack be hashed (and may be valid). */
export const complete = (files: PackFiles): boolean => files.unreadable.size === 0 && files.packsProblem === undefined;

function ruleFileNames(dir: string): { names: string[]; problem?: string } {
  try {
    const names = readdirSync(path.join(dir, 'packs')).filter((n) => /\.ya?ml$/.test(n)).sort();
    return { names: names.map((n) => `packs/${n}`), problem: names.length === 0 ? 'packs/：没有任何规则文件（*.yaml）' : undefined };
  } catch {
    return { names: [], problem: 'packs/：目录不存在' };
  }
}

export function readPackFiles(dir: string): PackFiles {
  const { names: ruleFiles, problem: packsProblem } = ruleFileNames(dir);
  const texts = new Map<string, string>();
  const unreadable = new Map<string, string>();
  for (const file of [...FIXED_FILES, ...ruleFiles]) {
    try {
      texts.set(file, readFileSync(path.join(dir, file), 'utf8'));
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      unreadable.set(file, code === 'ENOENT' ? `${file}：文件不存在` : `${file}：无法读取（${code ?? String(e)}）`);
    }
  }
  return { dir, texts, ruleFiles, unreadable, packsProblem };
}
