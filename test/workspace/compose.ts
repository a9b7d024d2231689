// Builds a broken workspace for a test: the minimal valid base, overlaid with one fixture folder.
import { cp, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const FIXTURES = fileURLToPath(new URL('../fixtures/workspaces/', import.meta.url));

/** A temp copy of base/ overlaid with `overlay/` (if given); remove it with the returned cleanup. */
export async function composeWorkspace(overlay?: string): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'siyu-ws-'));
  await cp(path.join(FIXTURES, 'base'), dir, { recursive: true });
  if (overlay) await cp(path.join(FIXTURES, overlay), dir, { recursive: true });
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}
