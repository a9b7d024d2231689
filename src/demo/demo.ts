// `siyu demo`: the whole flow on the example workspace with the embedded database — plan a week,
// draft, check, approve what has no findings, schedule, and (with Redis) publish to the outbox with
// time compressed so the run ends within a minute.
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { planWithProgress } from '../cli/commands/plan.ts';
import type { CliContext } from '../cli/context.ts';
import { progress } from '../cli/progress.ts';
import { SEVERITY_LABELS, type ContentType, type DraftKind } from '../domain/types.ts';
import type { PrismaClient } from '../generated/prisma/client.ts';
import { mediaOf } from '../draft/card-images.ts';
import { addDays, todayIn } from '../plan/dates.ts';
import { channelResolver } from '../publish/channels/index.ts';
import { reconcile, startWorker } from '../publish/worker.ts';
import { approve, resolveUser } from '../review/review-service.ts';
import { compressedClock } from '../schedule/clock.ts';
import { openPublishQueue } from '../schedule/queue.ts';
import { connectRedis, describeRedis, redisUrl } from '../schedule/redis.ts';
import { scheduleApproved } from '../schedule/schedule-service.ts';
import { isSiyuError } from '../shared/errors.ts';
import { summarise, type Summary } from './summary.ts';

export interface DemoOptions {
  days: number;
  outbox: string;
  /** Virtual seconds per real second; computed to fit `targetSeconds` when absent. */
  speed?: number;
  targetSeconds: number;
  say: (line: string) => void;
}

export interface DemoResult {
  summary: Summary;
  held: { draftId: string; slotKey: string; reasons: string[] }[];
  redis: boolean;
}

const DEMO_USERS = [
  { handle: 'demo.editor', displayName: '演示编辑', role: 'editor' as const },
  { handle: 'demo.reviewer', displayName: '演示合规审核', role: 'reviewer' as const },
];

export async function runDemo(ctx: CliContext, opts: DemoOptions): Promise<DemoResult> {
  const { say } = opts;
  const ws = await ctx.workspace();
  const db = await ctx.database();
  const { prisma } = db;
  say(`工作区：${ws.brand.name}（${ws.personas.length} 个人设，${ws.segments.length} 个客户分层，${ws.services.length} 个项目）`);
  say(`数据库：${db.describe}`);
  for (const u of DEMO_USERS) await prisma.user.upsert({ where: { handle: u.handle }, create: u, update: {} });
  const editor = await resolveUser(prisma, 'demo.editor');

  // 1. Plan, draft and check a week, starting tomorrow.
  const from = addDays(todayIn(ws.brand.timezone), 1);
  const plan = await planWithProgress(ctx, { from, days: opts.days, actor: editor.handle });
  say(`排期 ${from} 起 ${opts.days} 天：${plan.slots.length} 个时段，生成草稿 ${plan.created} 篇，失败 ${plan.failed.length} 篇`);
  for (const f of plan.failed) say(`  生成失败 ${f.key}：${f.reason}`);
  if (plan.cards.rendered > 0) say(`卡片图片 ${plan.cards.rendered} 张（${ctx.mediaStore().dir}）${plan.cards.warnings.length > 0 ? `，${plan.cards.warnings.length} 张有排版提醒` : ''}`);
  for (const c of plan.cards.warnings) say(`  排版提醒 ${c.key}：${c.warnings.join('；')}`);

  // 2. The demo editor approves only drafts whose check found nothing; the rest are held.
  const drafts = await prisma.draft.findMany({
    where: { planId: plan.planId },
    orderBy: { slotAt: 'asc' },
    include: { revisions: { orderBy: { number: 'desc' }, take: 1, include: { checks: { include: { findings: true } } } } },
  });
  const held: DemoResult['held'] = [];
  for (const d of drafts) {
    if (d.status === 'failed') continue;
    const findings = d.revisions[0]?.checks[0]?.findings ?? [];
    if (findings.length === 0) {
      await approve(prisma, editor, d.id);
    } else {
      held.push({ draftId: d.id, slotKey: d.slotKey, reasons: [...new Set(findings.map((f) => `${f.rule}（${SEVERITY_LABELS[f.severity]}）“${f.match}”`))] });
    }
  }
  say(`演示编辑通过 ${drafts.length - held.length - plan.failed.length} 篇无问题草稿，留待人工审核 ${held.length} 篇：`);
  for (const h of held) say(`  ${h.draftId.slice(0, 8)} ${h.slotKey}：${h.reasons.join('；')}`);

  // 3. Schedule what was approved.
  const { scheduled } = await scheduleApproved(prisma, { channel: 'outbox', actor: editor.handle });
  say(`排入发布日历 ${scheduled.length} 条（渠道：发件箱 ${opts.outbox}）`);

  // 4. Publish through the queue, if there is a Redis.
  const url = redisUrl();
  let redis;
  try {
    redis = await connectRedis(url, 1500);
  } catch (e) {
    if (!isSiyuError(e)) throw e;
    say(`没有可用的 Redis（${describeRedis(url)}）：已排期但不发布。启动 Redis 后运行 siyu worker 即可发布。`);
  }
  if (redis && scheduled.length > 0) await publishCompressed(prisma, redis, ctx, scheduled.map((s) => s.publishAt.getTime()), opts);
  redis?.disconnect();

  const summary = summarise(await summaryRows(prisma, plan.planId), {
    personas: new Map(ws.personas.map((p) => [p.id, p.name])),
    segments: new Map(ws.segments.map((s) => [s.id, s.name])),
  });
  return { summary, held, redis: redis !== undefined };
}

async function publishCompressed(prisma: PrismaClient, redis: Awaited<ReturnType<typeof connectRedis>>, ctx: CliContext, times: number[], opts: DemoOptions): Promise<void> {
  const last = Math.max(...times);
  const speed = opts.speed ?? Math.max(1, Math.ceil((last - Date.now()) / (opts.targetSeconds * 1000)));
  const clock = compressedClock(speed);
  // A queue of its own, so the demo never touches a real worker's jobs.
  const prefix = `siyu-demo-${randomUUID().slice(0, 8)}`;
  const deps = { prisma, channelFor: channelResolver({ outboxDir: opts.outbox }), checkFor: await ctx.checkFor(), clock, workerId: `demo@${hostname()}`, media: await ctx.mediaChecking() };
  opts.say(`时间加速 ${speed} 倍：一周的发布约 ${Math.ceil((last - Date.now()) / speed / 1000)} 秒完成（Redis ${describeRedis(redisUrl())}）`);
  await reconcile(deps, redis, prefix);
  const bar = progress('发布');
  let done = 0;
  const running = startWorker(deps, redis, prefix, { onOutcome: (_id, o) => o.status !== 'not_due' && bar.update(++done, times.length) });
  const deadline = Date.now() + (opts.targetSeconds + 30) * 1000;
  try {
    for (;;) {
      const pending = await prisma.calendarEntry.count({ where: { status: { in: ['scheduled', 'publishing'] } } });
      if (pending === 0 || Date.now() > deadline) break;
      await new Promise((r) => setTimeout(r, 250));
    }
  } finally {
    bar.stop();
    await running.close();
    const queue = openPublishQueue(redis, prefix);
    await queue.obliterate({ force: true });
    await queue.close();
  }
}

async function summaryRows(prisma: PrismaClient, planId: string) {
  const drafts = await prisma.draft.findMany({
    where: { planId },
    include: { entry: { include: { receipt: true } }, revisions: { orderBy: { number: 'desc' }, take: 1, include: { checks: { where: { purpose: 'save' }, include: { findings: true } } } } },
  });
  return drafts.map((d) => ({
    kind: d.kind as DraftKind,
    contentType: d.contentType as ContentType,
    personaId: d.personaId,
    segmentId: d.segmentId,
    status: d.status,
    findings: d.revisions[0]?.checks[0]?.findings ?? [],
    published: d.entry?.receipt != null,
    media: mediaOf(d.revisions[0]).length,
  }));
}
