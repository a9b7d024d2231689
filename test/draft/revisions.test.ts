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
