// The worker pool renders exactly what the in-thread renderer does, and its errors come back as
// CardErrors with their details.
import { afterAll, describe, expect, it } from 'vitest';
import { CardError } from '../../src/card/errors.ts';
import { CardRenderPool } from '../../src/card/pool.ts';
import { CardRenderer } from '../../src/card/render.ts';
import type { CardBrand } from '../../src/card/types.ts';

const brand: CardBrand = { name: '悦澜', shortName: '悦澜医美', colours: { primary: '#8C6A5D', secondary: '#F3E9E2', text: '#2B2B2B' } };
const fieldsFor = (i: number) => ({ title: `第 ${i} 张卡片`, points: ['注意防晒', '避免沾水', '有疑问找医生'] });

const pool = new CardRenderPool({ threads: 2 });
afterAll(() => pool.close());

describe('CardRenderPool', () => {
  it('renders the same bytes as the in-thread renderer, several cards at once', async () => {
    const local = await CardRenderer.create();
    const cards = await Promise.all([0, 1, 2, 3].map((i) => pool.render({ template: 'knowledge_card', fields: fieldsFor(i), brand })));
    for (const [i, card] of cards.entries()) {
      const expected = await local.render({ template: 'knowledge_card', fields: fieldsFor(i), brand });
      expect(card.sha256).toBe(expected.sha256);
      expect(card.image).toBeInstanceOf(Uint8Array);
    }
    expect(new Set(cards.map((c) => c.sha256)).size).toBe(4);
  }, 60_000);

  it('passes a CardError back with its details', async () => {
    const err = await pool.render({ template: 'knowledge_card', fields: { title: '' }, brand }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CardError);
    expect((err as CardError).details.join('\n')).toMatch(/字段 title（标题）：不能为空/);
  }, 60_000);
});
