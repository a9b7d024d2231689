// Redis connections for BullMQ, with a quick reachability check so a missing Redis is reported in
// one clear sentence instead of endless reconnect noise.
import { Redis } from 'ioredis';
import { SiyuError } from '../shared/errors.ts';

export const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379';

export function redisUrl(explicit?: string): string {
  return explicit ?? process.env.REDIS_URL ?? DEFAULT_REDIS_URL;
}

/** host:port of a Redis URL, without credentials, for messages. */
export function describeRedis(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port || 6379}${u.pathname && u.pathname !== '/' ? u.pathname : ''}`;
  } catch {
    return '（无效的 REDIS_URL）';
  }
}

/** Opens a connection suitable for BullMQ, failing fast (in Chinese) when Redis is unreachable. */
export async function connectRedis(url: string, timeoutMs = 3000): Promise<Redis> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new SiyuError('REDIS_URL 不是有效的地址，应形如 redis://127.0.0.1:6379');
  }
  if (!['redis:', 'rediss:'].includes(parsed.protocol)) throw new SiyuError(`REDIS_URL 的协议应为 redis:// 或 rediss://，现在是 ${parsed.protocol}`);
  const redis = new Redis(url, { maxRetriesPerRequest: null, lazyConnect: true, connectTimeout: timeoutMs, retryStrategy: () => null });
  redis.on('error', () => {}); // reported through connect() below
  try {
    await redis.connect();
    await redis.ping();
  } catch (e) {
    redis.disconnect();
    throw new SiyuError(`无法连接 Redis ${describeRedis(url)}：${(e as Error).message}`, ['请确认 Redis 已启动，或用 REDIS_URL 指定地址']);
  }
  // From here on, reconnect after a blip instead of giving up.
  redis.options.retryStrategy = (times) => Math.min(times * 200, 2000);
  return redis;
}
