// Emoji as pictures: satori asks for each emoji it meets (loadAdditionalAsset with 'emoji') and
// draws the SVG we return. Twemoji names files by code points joined with '-', without FE0F
// unless the sequence has a zero-width joiner.
import { readFile } from 'node:fs/promises';
import path from 'node:path';

const cache = new Map<string, Promise<string | undefined>>();

function fileNames(segment: string): string[] {
  const cps = [...segment].map((c) => c.codePointAt(0)!.toString(16));
  const full = cps.join('-');
  const bare = cps.filter((c) => c !== 'fe0f').join('-');
  return full === bare ? [full] : [bare, full];
}

/** The emoji as an SVG data URI, or undefined when there is no picture for it. */
export function emojiDataUri(emojiDir: string, segment: string): Promise<string | undefined> {
  const key = `${emojiDir}|${segment}`;
  let pending = cache.get(key);
  if (!pending) {
    pending = (async () => {
      for (const name of fileNames(segment)) {
        try {
          const svg = await readFile(path.join(emojiDir, `${name}.svg`));
          return `data:image/svg+xml;base64,${svg.toString('base64')}`;
        } catch {
          // try the next spelling
        }
      }
      return undefined;
    })();
    cache.set(key, pending);
  }
  return pending;
}
