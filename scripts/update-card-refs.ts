// Regenerates the reference PNGs the card visual tests compare against (test/fixtures/cards/), from
// the same cases the tests render (test/card/cases.ts). Look at every image before committing it.
//
//   npm run cards:refs                       all layouts
//   npm run cards:refs -- quote_card         only these layouts
//   npm run cards:refs -- --out scratch/refs write elsewhere (to look before replacing)
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { CardRenderer } from '../src/card/render.ts';
import { cardRenderCases } from '../test/card/cases.ts';

const args = process.argv.slice(2);
const outAt = args.indexOf('--out');
const outDir = outAt >= 0 ? path.resolve(args[outAt + 1] ?? '.') : undefined;
const only = args.filter((a, i) => !a.startsWith('--') && (outAt < 0 || i !== outAt + 1));

const renderer = await CardRenderer.create();
const cases = cardRenderCases(renderer.templates).filter((c) => only.length === 0 || only.includes(c.template));
if (cases.length === 0) {
  console.error(`No layouts match ${only.join(', ')}; layouts: ${[...renderer.templates.keys()].join(', ')}`);
  process.exit(1);
}
for (const c of cases) {
  const card = await renderer.render(c.request);
  const file = outDir ? path.join(outDir, path.basename(c.ref)) : c.ref;
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, card.image);
  const warn = card.warnings.length > 0 ? `  ⚠ ${card.warnings.join(' / ')}` : '';
  console.log(`${path.relative(process.cwd(), file)}${warn}`);
}
