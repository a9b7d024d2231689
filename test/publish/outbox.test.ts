import { mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PublishItem } from '../../src/publish/channel.ts';
import { OutboxChannel } from '../../src/publish/channels/outbox.ts';
import { createChannel } from '../../src/publish/channels/index.ts';

const item = (over: Partial<PublishItem> = {}): PublishItem => ({
  entryId: 'entry-1',
  draftId: 'draft-1',
  revisionId: 'rev-1',
  kind: 'moments',
  contentType: 'knowledge',
  publishAt: '2026-12-01T00:30:00.000Z',
  localDate: '2026-12-01',
  localTime: '08:30',
  persona: { id: 'nurse', name: '小林' },
  segment: { id: 'skin', name: '皮肤管理', wecomTagIds: ['et_skin'] },
  text: '换季了，记得做好保湿。—— 小林',
  media: [],
  ...over,
});

describe('outbox channel', () => {
  it('writes one JSON file per item in a folder per local day, with its media', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'siyu-outbox-'));
    const media = path.join(dir, 'card.png');
    await writeFile(media, 'png-bytes');
    const channel = new OutboxChannel(dir);
    const receipt = await channel.publish(item({ media: [{ path: media, sha256: 'x' }] }));
    const files = (await readdir(path.join(dir, '2026-12-01'))).sort();
    expect(files).toEqual(['0830_nurse_moments_entry-1.json', '0830_nurse_moments_entry-1_1.png']);
    const body = JSON.parse(await readFile(receipt.location!, 'utf8'));
    expect(body.text).toBe('换季了，记得做好保湿。—— 小林');
    expect(body.segment.wecomTagIds).toEqual(['et_skin']);
    expect(body.media).toEqual(['0830_nurse_moments_entry-1_1.png']);
  });

  it('is idempotent by entry and can tell whether an item already went out', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'siyu-outbox-'));
    const channel = new OutboxChannel(dir);
    expect(await channel.lookup(item())).toBeUndefined();
    const first = await channel.publish(item());
    const second = await channel.publish(item({ text: '不同的内容' }));
    expect(second).toEqual(first);
    expect(await channel.lookup(item())).toEqual(first);
    expect(JSON.parse(await readFile(first.location!, 'utf8')).text).not.toBe('不同的内容');
  });

  it('reports a folder it cannot write as a retryable channel failure', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'siyu-outbox-'));
    await writeFile(path.join(dir, 'blocker'), 'a file where a folder should be');
    const channel = new OutboxChannel(path.join(dir, 'blocker'));
    await expect(channel.publish(item())).rejects.toMatchObject({ name: 'ChannelError', kind: 'retryable' });
  });

  it('names the channels it knows when asked for an unknown one', () => {
    expect(() => createChannel('wechat-personal', { outboxDir: '/tmp' })).toThrow(/未知的发布渠道.*outbox/);
  });
});
