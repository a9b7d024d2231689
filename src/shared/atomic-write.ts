// Writing a file whole or not at all: to a temporary file beside the target (named
// `.<name>.<random>.tmp`), then renamed into place, so a failed or interrupted write never leaves a
// partial file under the real name and a reader sees the old file or the whole new one. Used for
// rendered cards, the media store, the outbox, the compiled-pack cache and the font cuts.
import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

export async function writeAtomically(file: string, data: Uint8Array): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeFile(tmp, data);
    await rename(tmp, file);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
}
