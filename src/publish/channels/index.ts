// The channel registry: the one place that knows which adapters exist.
import path from 'node:path';
import { SiyuError } from '../../shared/errors.ts';
import type { Channel } from '../channel.ts';
import { OutboxChannel } from './outbox.ts';

export interface ChannelSettings {
  /** Folder of the outbox channel. */
  outboxDir: string;
}

const FACTORIES: Record<string, (s: ChannelSettings) => Channel> = {
  outbox: (s) => new OutboxChannel(path.resolve(s.outboxDir)),
};

export const CHANNEL_NAMES = Object.keys(FACTORIES);

export function createChannel(name: string, settings: ChannelSettings): Channel {
  const factory = FACTORIES[name];
  if (!factory) throw new SiyuError(`未知的发布渠道 “${name}”，可用：${CHANNEL_NAMES.join('、')}`);
  return factory(settings);
}

/** Resolves and caches channels by name for a worker. */
export function channelResolver(settings: ChannelSettings): (name: string) => Channel {
  const cache = new Map<string, Channel>();
  return (name) => {
    let c = cache.get(name);
    if (!c) cache.set(name, (c = createChannel(name, settings)));
    return c;
  };
}
