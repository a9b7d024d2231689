// Approved drafts go into the posting calendar (the database, the source of truth), then onto the
// queue. If Redis is away, the entries wait in the database and the worker queues them on start.
import type { Queue } from 'bullmq';
import type { EntryStatus, PrismaClient } from '../generated/prisma/client.ts';
import { auditMany } from '../shared/audit.ts';
import type { Clock } from './clock.ts';
import { enqueueEntry, jobIdFor, type PublishJobData } from './queue.ts';

/** Entry states after which a re-approved draft may be scheduled again. */
const REUSABLE: EntryStatus[] = ['refused', 'failed', 'cancelled'];

export interface ScheduleResult {
  scheduled: { entryId: string; draftId: string; publishAt: Date }[];
}

export async function scheduleApproved(prisma: PrismaClient, opts: { channel: string; actor: string; draftIds?: string[] }): Promise<ScheduleResult> {
  return prisma.$transaction(async (tx) => {
    // A draft approved again after its entry was refused or failed reuses that entry (one per draft).
    const drafts = await tx.draft.findMany({
      where: {
        status: 'approved',
        approvedRevisionId: { not: null },
        OR: [{ entry: null }, { entry: { status: { in: REUSABLE } } }],
        ...(opts.draftIds ? { id: { in: opts.draftIds } } : {}),
      },
      orderBy: { slotAt: 'asc' },
      include: { entry: true },
    });
    const scheduled: ScheduleResult['scheduled'] = [];
    for (const d of drafts) {
      const fields = { revisionId: d.approvedRevisionId!, channel: opts.channel, publishAt: d.slotAt, status: 'scheduled' as const };
      const entryId = d.entry?.id ?? crypto.randomUUID();
      if (d.entry) await tx.calendarEntry.update({ where: { id: entryId }, data: fields });
      else await tx.calendarEntry.create({ data: { id: entryId, draftId: d.id, jobId: jobIdFor(entryId), ...fields } });
      scheduled.push({ entryId, draftId: d.id, publishAt: d.slotAt });
    }
    if (drafts.length > 0) await tx.draft.updateMany({ where: { id: { in: drafts.map((d) => d.id) } }, data: { status: 'scheduled' } });
    await auditMany(
      tx,
      scheduled.map((s) => ({ actor: opts.actor, action: 'calendar.schedule', entityType: 'draft', entityId: s.draftId, before: { status: 'approved' }, after: { status: 'scheduled', entryId: s.entryId, channel: opts.channel, publishAt: s.publishAt } })),
    );
    return { scheduled };
  });
}

/**
 * Queues every calendar entry the database holds as pending (scheduled) that the queue lacks.
 * Used right after scheduling and by the worker on start (reconcile). Returns how many were added.
 */
export async function queuePending(prisma: PrismaClient, queue: Queue<PublishJobData>, clock: Clock): Promise<number> {
  const pending = await prisma.calendarEntry.findMany({ where: { status: 'scheduled' }, select: { id: true, publishAt: true } });
  let added = 0;
  for (const e of pending) {
    if (await enqueueEntry(queue, e.id, clock.realDelayUntil(e.publishAt.getTime()))) added++;
  }
  return added;
}
