// What `siyu schedule` and `siyu calendar` do (their definitions are schedule.ts).
import { DateTime } from 'luxon';
import { CHANNEL_NAMES } from '../../publish/channels/index.ts';
import { realClock } from '../../schedule/clock.ts';
import { openPublishQueue, queuePrefix } from '../../schedule/queue.ts';
import { connectRedis, describeRedis, redisUrl } from '../../schedule/redis.ts';
import { queuePending, scheduleApproved } from '../../schedule/schedule-service.ts';
import { SiyuError, isSiyuError } from '../../shared/errors.ts';
import type { CliContext } from '../context.ts';
import { table } from '../table.ts';
import { out } from './run.ts';
import { ENTRY_STATUS_LABELS } from './schedule.ts';

export async function runSchedule(ctx: CliContext, opts: { channel: string; as?: string }): Promise<void> {
  if (!CHANNEL_NAMES.includes(opts.channel)) throw new SiyuError(`未知的发布渠道 “${opts.channel}”，可用：${CHANNEL_NAMES.join('、')}`);
  const { prisma } = await ctx.database();
  const { scheduled } = await scheduleApproved(prisma, { channel: opts.channel, actor: opts.as ?? process.env.SIYU_USER ?? 'cli' });
  out(`已排入发布日历 ${scheduled.length} 条`);
  const url = redisUrl();
  try {
    const redis = await connectRedis(url);
    const queue = openPublishQueue(redis, queuePrefix());
    const added = await queuePending(prisma, queue, realClock());
    await queue.close();
    redis.disconnect();
    out(`已加入发布队列 ${added} 条（Redis ${describeRedis(url)}）`);
  } catch (e) {
    if (!isSiyuError(e)) throw e;
    out(`${e.message}。条目已保存在数据库中，siyu worker 启动时会自动加入队列。`);
  }
}

export async function runCalendar(ctx: CliContext, opts: { status?: string; limit: number }): Promise<void> {
  if (opts.status && !(opts.status in ENTRY_STATUS_LABELS)) throw new SiyuError(`状态 “${opts.status}” 无效，可用：${Object.keys(ENTRY_STATUS_LABELS).join(' / ')}`);
  const ws = await ctx.workspace();
  const { prisma } = await ctx.database();
  const entries = await prisma.calendarEntry.findMany({
    where: opts.status ? { status: opts.status as never } : {},
    orderBy: { publishAt: 'asc' },
    take: opts.limit,
    include: { draft: true, receipt: true },
  });
  out(
    table(
      ['时间', '渠道', '类型', '人设', '分层', '状态', '草稿'],
      entries.map((e) => [
        DateTime.fromJSDate(e.publishAt, { zone: ws.brand.timezone }).toFormat('yyyy-MM-dd HH:mm'),
        e.channel,
        e.draft.kind,
        e.draft.personaId,
        e.draft.groupId ? `群:${e.draft.groupId}` : e.draft.segmentId,
        ENTRY_STATUS_LABELS[e.status] ?? e.status,
        e.draftId.slice(0, 8),
      ]),
    ),
  );
}
