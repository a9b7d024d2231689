// The card bench builds its sample data from each layout's declared fields, so a layout added later
// is benchmarked without touching the bench. Those samples must pass the renderer's own validation
// (a bench that times the error path measures nothing) and look like real cards: 3–4 list items
// within the layout's min/max, no prices on certificate-only posters, wording that varies by card.
import Handlebars from 'handlebars';
import { beforeAll, describe, expect, it } from 'vitest';
import { BENCH_BRAND, sampleFields } from '../../scripts/bench/card-samples.ts';
import { DEFAULT_CARD_TEMPLATES_DIR } from '../../src/card/index.ts';
import { validateFields } from '../../src/card/template/fields.ts';
import { loadCardTemplates, parseCardTemplate, type CardTemplate, type CardTemplates } from '../../src/card/template/load.ts';
import { assertPricesAllowed } from '../../src/card/template/prices.ts';

function layout(frontMatter: string): CardTemplate {
  const problems: string[] = [];
  const t = parseCardTemplate(Handlebars.create(), 'synthetic', 'synthetic.hbs', `---\n${frontMatter}\n---\n<div></div>\n`, problems);
  expect(problems).toEqual([]);
  return t!;
}

describe('sampleFields for every layout in templates/cards/layouts', () => {
  let templates: CardTemplates;
  beforeAll(async () => {
    templates = await loadCardTemplates(DEFAULT_CARD_TEMPLATES_DIR);
  });

  it('validates, stays within list bounds and needs no ad-review certificate', () => {
    expect(templates.size).toBeGreaterThan(0);
    for (const t of templates.values()) {
      for (let variant = 0; variant < 6; variant++) {
        const fields = sampleFields(t, variant, { imagePath: '/tmp/avatar.png' });
        const values = validateFields(t, fields); // throws a CardError naming the field if not
        expect(() => assertPricesAllowed(t.description, values, BENCH_BRAND.adReviewCertificate)).not.toThrow();
        for (const [name, spec] of Object.entries(t.fields)) {
          const v = fields[name];
          if (spec.type === 'list') {
            expect(Array.isArray(v), `${t.name}.${name}`).toBe(true);
            const n = (v as string[]).length;
            expect(n).toBeGreaterThanOrEqual(Math.max(spec.min, Math.min(spec.max, 3)));
            expect(n).toBeLessThanOrEqual(Math.min(spec.max, Math.max(spec.min, 4)));
          } else if (spec.type === 'text') {
            expect(typeof v, `${t.name}.${name}`).toBe('string');
            expect(v as string).toMatch(/\p{Script=Han}/u);
          } else if (!spec.required) {
            expect(v, `${t.name}.${name}: optional images are left out`).toBeUndefined();
          }
        }
      }
    }
  });

  it('varies the wording from one card to the next', () => {
    for (const t of templates.values()) {
      expect(JSON.stringify(sampleFields(t, 0)), t.name).not.toBe(JSON.stringify(sampleFields(t, 1)));
    }
  });
});

describe('sampleFields edge cases', () => {
  it('clips to maxLength and honours a list range outside 3–4', () => {
    const t = layout(`description: x
fields:
  title: { type: text, label: 标题, maxLength: 5 }
  options: { type: list, label: 选项, min: 5, max: 6, maxLength: 3 }
  few: { type: list, label: 少, min: 1, max: 2 }
sizes:
  moments_portrait:
    safe: 10
    boxes:
      title: { width: 100, height: 100, size: [20, 10] }
      options: { width: 100, height: 100, size: [20, 10] }
      few: { width: 100, height: 100, size: [20, 10] }`);
    for (let variant = 0; variant < 4; variant++) {
      const fields = sampleFields(t, variant);
      expect(() => validateFields(t, fields)).not.toThrow();
      expect(Array.from(fields.title as string).length).toBeLessThanOrEqual(5);
      expect((fields.options as string[]).length).toBe(5);
      expect((fields.few as string[]).length).toBe(2);
    }
  });

  it('fills a required image with the given file and refuses to guess one', () => {
    const t = layout(`description: x
fields:
  avatar: { type: image, label: 头像, required: true }
  quote: { type: text, label: 语录 }
sizes:
  moments_portrait:
    safe: 10
    boxes:
      quote: { width: 100, height: 100, size: [20, 10] }`);
    expect(sampleFields(t, 0, { imagePath: '/tmp/a.png' }).avatar).toBe('/tmp/a.png');
    expect(() => sampleFields(t, 0)).toThrow(/avatar/);
  });
});
