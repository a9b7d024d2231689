// Schedule → queue → worker → outbox on the embedded database and the Redis service: exactly once,
// refusals with the current rules and the latest revision, reconcile after Redis lost its jobs.
import { cp, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadChecker } from '../../src/check/index.ts';
import { checkForWith } from '../../src/cli/context.ts';
import { TemplateDrafter } from '../../src/draft/template-drafter.ts';
import { runPlan } from '../../src/plan/plan-service.ts';
import { channelResolver } from '../../src/publish/channels/index.ts';
import { publishEntry, type PublishDeps } from '../../src/publish/publish-entry.ts';
import { reconcile, startWorker } from '../../src/publish/worker.ts';
import { approve, edit, resolveUser, type Actor, type CheckFor } from '../../src/review/review-service.ts';
import { compressedClock } from '../../src/schedule/clock.ts';
import { jobIdFor, openPublishQueue } from '../../src/schedule/queue.ts';
import { queuePending, scheduleApproved } from '../../src/schedule/schedule-service.ts';
import { loadWorkspace } from '../../src/workspace/load.ts';
import { tempDatabase, type TempDatabase } from '../support/db.ts';
import { testRedis } from '../support/redis.ts';

const CLEAN = ['换季了，早晚记得做好保湿。—— 小雨', '周末去爬山了，山顶的风很舒服。', '今天门诊间隙喝了杯热茶，下午继续加油。', '刷牙的时候别忘了牙线，每天一次就好。'];

describe('publishing through the queue', () => {
  let db: TempDatabase;
  let redis: Awaited<ReturnType<typeof testRedis>>;
  let checkFor: CheckFor;
  let editor: Actor;
  let outbox: string;
  let deps: PublishDeps;

  /** Approves `n` fresh drafts with known clean text and schedules them; returns their entry ids. */
  async function approveAndSchedule(n: number): Promise<string[]> {
    const drafts = await db.prisma.draft.findMany({ where: { status: 'in_review', kind: 'moments' }, take: n, orderBy: { slotKey: 'asc' } });
    for (const [i, d] of drafts.entries()) {
      await edit(db.prisma, editor, d.id, CLEAN[i % CLEAN.length]!, checkFor);
      expect(await approve(db.prisma, editor, d.id)).toBe('approved');
    }
    const { scheduled } = await scheduleApproved(db.prisma, { channel: 'outbox', actor: editor.handle, draftIds: drafts.map((d) => d.id) });
    return scheduled.map((s) => s.entryId);
  }

  beforeAll(async () => {
    db = await tempDatabase();
    redis = await testRedis();
    outbox = await mkdtemp(path.join(tmpdir(), 'siyu-outbox-'));
    const ws = await loadWorkspace('examples/workspace');
    checkFor = checkForWith(await loadChecker());
    await db.prisma.user.create({ data: { handle: 'li.editor', displayName: '李编辑', role: 'editor' } });
    editor = await resolveUser(db.prisma, 'li.editor');
    await runPlan({ prisma: db.prisma, workspace: ws, from: '2026-12-01', days: 2, drafter: await TemplateDrafter.load(), check: checkFor(ws), actor: 'test' });
    // Virtual time starts at 2026-12-01 00:00 Shanghai and runs 100 000× faster: a day in < 1 s.
    const clock = compressedClock(100_000, Date.now());
    const offset = Date.parse('2026-11-30T16:00:00Z') - Date.now();
    deps = {
      prisma: db.prisma,
      channelFor: channelResolver({ outboxDir: outbox }),
      checkFor,
      clock: { speed: clock.speed, now: () => clock.now() + offset, realDelayUntil: (at) => clock.realDelayUntil(at - offset) },
      workerId: 'test-worker',
    };
  });
  afterAll(async () => {
    await redis?.cleanup();
    await db?.close();
  });

  it('publishes each due entry once through BullMQ into the outbox, with an attempt and a receipt', async () => {
    const entries = await approveAndSchedule(4);
    const queue = openPublishQueue(redis.redis, redis.prefix);
    expect(await queuePending(db.prisma, queue, deps.clock)).toBe(4);
    // Scheduling again queues nothing new: job ids derive from the entries.
    expect(await queuePending(db.prisma, queue, deps.clock)).toBe(0);
    await queue.close();
    const outcomes: string[] = [];
    const running = startWorker(deps, redis.redis, redis.prefix, { onOutcome: (_id, o) => outcomes.push(o.status) });
    for (let i = 0; i < 100 && (await db.prisma.publishReceipt.count({ where: { entryId: { in: entries } } })) < 4; i++) await new Promise((r) => setTimeout(r, 100));
    await running.close();
    expect(outcomes.filter((o) => o === 'published')).toHaveLength(4);
    const receipts = await db.prisma.publishReceipt.findMany({ where: { entryId: { in: entries } } });
    expect(receipts).toHaveLength(4);
    for (const r of receipts) {
      const body = JSON.parse(await readFile(r.location!, 'utf8'));
      expect(CLEAN).toContain(body.text);
      expect(body.entryId).toBe(r.entryId);
    }
    const attempts = await db.prisma.publishAttempt.findMany({ where: { entryId: { in: entries } } });
    expect(attempts.every((a) => a.outcome === 'published' && a.finishedAt)).toBe(true);
    const files = (await readdir(outbox, { recursive: true })).filter((f) => String(f).endsWith('.json'));
    expect(files).toHaveLength(4);
    expect((await db.prisma.draft.findMany({ where: { entry: { id: { in: entries } } } })).every((d) => d.status === 'published')).toBe(true);
  });

  it('never publishes an entry twice, even when two workers race for it', async () => {
    const [entryId] = await approveAndSchedule(1);
    const both = await Promise.all([publishEntry(deps, entryId!), publishEntry({ ...deps, workerId: 'other' }, entryId!)]);
    expect(both.map((o) => o.status).sort()).toEqual(['published', 'skipped']);
    expect(await publishEntry(deps, entryId!)).toMatchObject({ status: 'skipped' });
    expect(await db.prisma.publishReceipt.count({ where: { entryId } })).toBe(1);
  });

  it('waits for an entry that is not yet due', async () => {
    const late = await db.prisma.draft.findFirstOrThrow({ where: { status: 'in_review', kind: 'moments', slotKey: { startsWith: '2026-12-02' } } });
    await edit(db.prisma, editor, late.id, '晚安，明天见。', checkFor);
    await approve(db.prisma, editor, late.id);
    const { scheduled } = await scheduleApproved(db.prisma, { channel: 'outbox', actor: 'test', draftIds: [late.id] });
    const frozen = { ...deps, clock: { ...deps.clock, now: () => Date.parse('2026-12-01T00:00:00Z') } };
    expect(await publishEntry(frozen, scheduled[0]!.entryId)).toMatchObject({ status: 'not_due' });
    expect((await db.prisma.calendarEntry.findUniqueOrThrow({ where: { id: scheduled[0]!.entryId } })).status).toBe('scheduled');
  });

  it('refuses an item edited after approval: the approved revision is not the latest', async () => {
    const [entryId] = await approveAndSchedule(1);
    const entry = await db.prisma.calendarEntry.findUniqueOrThrow({ where: { id: entryId! } });
    await edit(db.prisma, editor, entry.draftId, '改过的内容，还没有重新审核。', checkFor);
    const outcome = await publishEntry(deps, entryId!);
    expect(outcome).toMatchObject({ status: 'refused' });
    expect(outcome.status === 'refused' && outcome.reason).toMatch(/不是最新版本/);
    expect(await db.prisma.publishReceipt.count({ where: { entryId } })).toBe(0);
    expect((await db.prisma.calendarEntry.findUniqueOrThrow({ where: { id: entryId! } })).status).toBe('refused');
    expect((await db.prisma.publishAttempt.findFirstOrThrow({ where: { entryId } })).outcome).toBe('refused');
  });

  it('refuses an item that no longer passes the rules as they are now', async () => {
    const [entryId] = await approveAndSchedule(1);
    const entry = await db.prisma.calendarEntry.findUniqueOrThrow({ where: { id: entryId! }, include: { revision: true } });
    // A clinic's rule pack changed after approval: a word in the approved text is now forbidden.
    const packs = await mkdtemp(path.join(tmpdir(), 'siyu-packs-'));
    await cp('compliance', packs, { recursive: true });
    const file = path.join(packs, 'packs', 'R20-superstition.yaml');
    const word = entry.revision.text.slice(0, 2);
    await writeFile(file, (await readFile(file, 'utf8')).replace('terms: [运势,', `terms: [${word}, 运势,`));
    const stricter = { ...deps, checkFor: checkForWith(await loadChecker(packs)) };
    const outcome = await publishEntry(stricter, entryId!);
    expect(outcome.status).toBe('refused');
    expect(outcome.status === 'refused' && outcome.reason).toContain('禁止级');
    const checks = await db.prisma.complianceCheck.findMany({ where: { revisionId: entry.revisionId, purpose: 'publish' } });
    expect(checks.map((c) => c.verdict)).toEqual(['block']);
  });

  it('reconciles on start: pending entries Redis lost are queued again and published once', async () => {
    const entries = await approveAndSchedule(2);
    // Nothing was queued (as if Redis had been flushed); the database still holds them as pending.
    const before = await db.prisma.publishReceipt.count();
    const result = await reconcile(deps, redis.redis, redis.prefix);
    expect(result.requeued).toBeGreaterThanOrEqual(2);
    const running = startWorker(deps, redis.redis, redis.prefix);
    for (let i = 0; i < 100 && (await db.prisma.publishReceipt.count({ where: { entryId: { in: entries } } })) < 2; i++) await new Promise((r) => setTimeout(r, 100));
    await running.close();
    expect(await db.prisma.publishReceipt.count({ where: { entryId: { in: entries } } })).toBe(2);
    // Reconciling again leaves published entries alone: their finished jobs are not replaced.
    await reconcile(deps, redis.redis, redis.prefix);
    const queue = openPublishQueue(redis.redis, redis.prefix);
    for (const e of entries) expect(await (await queue.getJob(jobIdFor(e)))?.getState(), e).toBe('completed');
    await queue.close();
    expect(await db.prisma.publishReceipt.count({ where: { entryId: { in: entries } } })).toBe(2);
    expect(await db.prisma.publishReceipt.count()).toBeGreaterThanOrEqual(before + 2);
  });

  it('settles an entry a crashed worker left mid-send: receipt if the channel has it, unconfirmed if not', async () => {
    const [sent, lost] = await approveAndSchedule(2);
    // Simulate a crash after the send (sent) and before it (lost): both stuck in `publishing`.
    const stale = new Date(Date.now() - 10 * 60_000);
    for (const id of [sent!, lost!]) {
      await db.prisma.calendarEntry.update({ where: { id }, data: { status: 'publishing', updatedAt: stale } });
      await db.prisma.publishAttempt.create({ data: { entryId: id, number: 1, workerId: 'crashed', outcome: 'started' } });
    }
    const e = await db.prisma.calendarEntry.findUniqueOrThrow({ where: { id: sent! }, include: { draft: true, revision: true } });
    const ws = await loadWorkspace('examples/workspace');
    const persona = ws.personas.find((p) => p.id === e.draft.personaId)!;
    const local = new Date(e.publishAt.getTime() + 8 * 3600_000).toISOString();
    await deps.channelFor('outbox').publish({
      entryId: e.id, draftId: e.draftId, revisionId: e.revisionId, kind: 'moments', contentType: 'knowledge', publishAt: e.publishAt.toISOString(),
      localDate: local.slice(0, 10), localTime: local.slice(11, 16), persona: { id: persona.id, name: persona.name },
      segment: { id: e.draft.segmentId, name: '', wecomTagIds: [] }, text: e.revision.text, media: [],
    });
    const result = await reconcile(deps, redis.redis, redis.prefix);
    expect(result).toMatchObject({ settled: 1, unconfirmed: 1 });
    expect((await db.prisma.calendarEntry.findUniqueOrThrow({ where: { id: sent! } })).status).toBe('published');
    expect((await db.prisma.calendarEntry.findUniqueOrThrow({ where: { id: lost! } })).status).toBe('unconfirmed');
    expect((await db.prisma.draft.findUniqueOrThrow({ where: { id: (await db.prisma.calendarEntry.findUniqueOrThrow({ where: { id: lost! } })).draftId } })).status).toBe('unconfirmed');
  });
});

describe('rescheduling', () => {
  it('schedules a draft again, on the same entry, once it is re-approved after a refusal', async () => {
    const db = await tempDatabase();
    try {
      const ws = await loadWorkspace('examples/workspace');
      const checkFor = checkForWith(await loadChecker());
      await db.prisma.user.create({ data: { handle: 'ed', displayName: '编辑', role: 'editor' } });
      const editor = await resolveUser(db.prisma, 'ed');
      await runPlan({ prisma: db.prisma, workspace: ws, from: '2026-12-01', days: 1, drafter: await TemplateDrafter.load(), check: checkFor(ws), actor: 'test' });
      const d = await db.prisma.draft.findFirstOrThrow({ where: { kind: 'moments', status: 'in_review' } });
      await edit(db.prisma, editor, d.id, '周末去爬山了。', checkFor);
      await approve(db.prisma, editor, d.id);
      const first = (await scheduleApproved(db.prisma, { channel: 'outbox', actor: 'ed' })).scheduled[0]!;
      await db.prisma.calendarEntry.update({ where: { id: first.entryId }, data: { status: 'refused' } });
      await edit(db.prisma, editor, d.id, '周末去爬山了，风很舒服。', checkFor);
      await approve(db.prisma, editor, d.id);
      const again = (await scheduleApproved(db.prisma, { channel: 'outbox', actor: 'ed' })).scheduled;
      expect(again.map((s) => s.entryId)).toEqual([first.entryId]);
      const entry = await db.prisma.calendarEntry.findUniqueOrThrow({ where: { id: first.entryId } });
      expect(entry.status).toBe('scheduled');
      expect(entry.revisionId).toBe((await db.prisma.draft.findUniqueOrThrow({ where: { id: d.id } })).approvedRevisionId);
    } finally {
      await db.close();
    }
  });
});
