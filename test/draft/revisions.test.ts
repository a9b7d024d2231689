import { describe, expect, it } from 'vitest';
import { checkableText } from '../../src/draft/revisions.ts';

describe('checkableText', () => {
  it('adds the card words the post text does not carry, so the checker sees every word once', () => {
    const card = { template: 'knowledge_card', title: '防晒小课堂', points: ['阴天也要涂', '两小时补一次'] };
    expect(checkableText('今天聊防晒。', card)).toBe('今天聊防晒。\n\n防晒小课堂\n阴天也要涂\n两小时补一次');
    expect(checkableText('防晒小课堂：阴天也要涂，两小时补一次', card)).toBe('防晒小课堂：阴天也要涂，两小时补一次');
    expect(checkableText('只有正文', null)).toBe('只有正文');
  });
});

describe('a card price and subtitle', () => {
  it('are checked like every other word on the card', () => {
    const card = { template: 'campaign_poster', title: '十二月会员日', subtitle: '年终回馈', price: '¥2980 起' };
    const text = checkableText('会员日来啦。', card);
    expect(text).toContain('¥2980 起');
    expect(text).toContain('年终回馈');
  });

  it('reach the layout that declares them, and no other', async () => {
    const { layoutData } = await import('../../src/draft/card-images.ts');
    const brand = { name: '悦澜', colours: { primary: '#000000', secondary: '#ffffff', text: '#222222' } } as never;
    const card = { template: 'campaign_poster', title: '十二月会员日', price: '¥2980 起', subtitle: '年终回馈' };
    expect(layoutData(card, ['title', 'points', 'price', 'footer'], { brand }, '/ws')).toEqual({ title: '十二月会员日', price: '¥2980 起' });
    expect(layoutData(card, ['title', 'subtitle'], { brand }, '/ws')).toEqual({ title: '十二月会员日', subtitle: '年终回馈' });
  });
});
