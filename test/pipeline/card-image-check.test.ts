// Our own cards must pass our own image check: every layout in templates/cards/layouts, at every
// size it declares, with short and very long Chinese text and (where the layout has one) a persona
// photo, rendered and then checked like a draft's image. A layout whose stacked panels or side
// columns looked like a before/after composite would block every card drafted with it.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cardBrandFor } from '../../src/card/brand.ts';
import { CardRenderer } from '../../src/card/render.ts';
import type { FieldSpec } from '../../src/card/template/schema.ts';
import type { MediaRef } from '../../src/domain/types.ts';
import { checkMedia } from '../../src/draft/card-images.ts';
import { MediaStore } from '../../src/media/store.ts';
import { loadWorkspace } from '../../src/workspace/load.ts';
import type { Workspace } from '../../src/workspace/schema.ts';
import { faceLike, save } from '../check/image/fixtures.ts';

const SHORT = ['换季护理小提醒', '出门前做好防晒', '有疑问先咨询'];
const LONG = '换季的时候皮肤容易干燥敏感，护理步骤做减法，出现不适及时就医，具体情况请到院面诊评估。';

/** Sample data for a declared field: short or as long as the field allows. */
function sample(name: string, spec: FieldSpec, long: boolean, avatar: string): unknown {
  if (spec.type === 'image') return avatar;
  const text = (i: number, max: number) => (long ? LONG.repeat(4).slice(i, i + max) : SHORT[i % SHORT.length]!.slice(0, max));
  if (spec.type === 'list') return Array.from({ length: long ? spec.max : Math.max(spec.min, 3) }, (_, i) => text(i, spec.maxLength));
  return name === 'price' ? null : text(0, spec.maxLength);
}

describe('rendered cards and the image check', () => {
  let renderer: CardRenderer;
  let ws: Workspace;
  let store: MediaStore;
  let avatar: string;

  beforeAll(async () => {
    renderer = await CardRenderer.create();
    ws = await loadWorkspace('examples/workspace');
    const dir = await mkdtemp(path.join(tmpdir(), 'siyu-card-check-'));
    store = new MediaStore(path.join(dir, 'media'));
    // Small: satori takes minutes over a large photo PNG (see docs/NOTES.md, Cards).
    avatar = await save(await faceLike(120, 120, { seed: 3 }), path.join(dir, 'avatar.png'));
  });

  it('passes every layout at every size, with short and very long text', async () => {
    const refs: { what: string; ref: MediaRef }[] = [];
    for (const t of renderer.templates.values()) {
      for (const size of t.supportedSizes) {
        for (const long of [false, true]) {
          const fields = Object.fromEntries(
            Object.entries(t.fields)
              .map(([name, spec]) => [name, sample(name, spec, long, avatar)] as const)
              .filter(([, v]) => v !== null),
          );
          const card = await renderer.render({ template: t.name, fields, brand: cardBrandFor(ws.brand, ws.dir), size, baseDir: ws.dir });
          const stored = await store.put(card.image, card.format);
          refs.push({ what: `${t.name} ${size}${long ? ' 长文' : ''}`, ref: { ...stored, width: card.width, height: card.height, format: card.format, preset: card.preset } });
        }
      }
    }
    expect(refs.length).toBeGreaterThanOrEqual(8);
    const checks = await checkMedia({ store }, refs.map((r) => r.ref));
    const flagged = refs.map((r) => ({ what: r.what, check: checks.get(r.ref.sha256)! })).filter((r) => r.check.verdict !== 'pass');
    // A designed card is flat colour and text: never a before/after comparison nor a photo collage
    // (the poster's brand-colour header over its light body once read as two stacked panels).
    expect(flagged.map((r) => `${r.what}: ${r.check.findings.map((f) => f.rule).join('、')}`)).toEqual([]);
  });
});
