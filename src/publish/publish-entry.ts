// Publishing one calendar entry, exactly once. The database decides: an entry is claimed by moving
// it from `scheduled` to `publishing` in one conditional update, every try is recorded as an
// attempt, and a receipt (unique per entry) is written in the same transaction that marks it
// published. The queue only says *when* to look.
import { DateTime } from 'luxon';
import type { CardFields, ContentType, DraftCheck, DraftKind } from '../domain/types.ts';
import { checkMedia, combineChecks, mediaOf, type MediaChecking } from '../draft/card-images.ts';
import { checkableText, checkRows, writeRevisions } from '../draft/revisions.ts';
import { MediaError } from '../media/store.ts';
import type { PrismaClient } from '../generated/prisma/client.ts';
import type { CheckFor, WorkspaceData } from '../review/review-service.ts';
import { audit } from '../shared/audit.ts';
import type { Clock } from '../schedule/clock.ts';
import { ChannelError, type Channel, type PublishItem } from './channel.ts';
import { createHash } from 'node:crypto';

export interface PublishDeps {
  prisma: PrismaClient;
  channelFor: (name: string) => Channel;
  checkFor: CheckFor;
  clock: Clock;
  workerId: string;
  /** Where revisions' images are (and the known images for the reuse check). Needed to publish
   *  an item with images (cards); without it such an item fails with a clear message. */
  media?: MediaChecking | undefined;
}

export type PublishOutcome =
  | { status: 'published'; externalId: string; location?: string }
  | { status: 'refused'; reason: string }
  | { status: 'not_due'; dueInMs: number }
  | { status: 'skipped'; reason: string }
  | { status: 'unconfirmed'; reason: string }
  | { status: 'failed'; reason: string; retry: boolean };

/** How early a job may fire (clock drift between scheduler and worker) and still count as due. */
const DUE_TOLERANCE_MS = 60_000;

async function loadEntry(prisma: PrismaClient, entryId: string) {
  return prisma.calendarEntry.findUnique({
    where: { id: entryId },
    include: {
      attempts: { select: { number: true } },
      draft: {
        include: {
          plan: { include: { snapshot: true } },
          revisions: { orderBy: { number: 'desc' }, take: 1 },
          decisions: { where: { action: 'signoff' }, include: { finding: true } },
        },
      },
    },
  });
}
type LoadedEntry = NonNullable<Awaited<ReturnType<typeof loadEntry>>>;

function itemOf(entry: LoadedEntry, ws: WorkspaceData, media: PublishItem['media']): PublishItem {
  const d = entry.draft;
  const rev = d.revisions[0]!;
  const persona = ws.personas.find((p) => p.id === d.personaId);
  const segment = ws.segments.find((s) => s.id === d.segmentId);
  const group = d.groupId ? ws.policy.groups.find((g) => g.id === d.groupId) : undefined;
  const local = DateTime.fromJSDate(entry.publishAt, { zone: ws.brand.timezone });
  return {
    entryId: entry.id,
    draftId: d.id,
    revisionId: rev.id,
    kind: d.kind as DraftKind,
    contentType: d.contentType as ContentType,
    publishAt: entry.publishAt.toISOString(),
    localDate: local.toISODate()!,
    localTime: local.toFormat('HH:mm'),
    persona: { id: d.personaId, name: persona?.name ?? d.personaId, ...(persona?.wecomUserId ? { wecomUserId: persona.wecomUserId } : {}) },
    segment: { id: d.segmentId, name: segment?.name ?? d.segmentId, wecomTagIds: segment?.wecomTagIds ?? [] },
    ...(group ? { group: { id: group.id, name: group.name, wecomChatIds: group.wecomChatIds } } : {}),
    text: rev.text,
    ...(rev.card ? { card: rev.card as unknown as CardFields } : {}),
    media,
  };
}

/**
 * The latest revision's images as absolute paths, each checked against the hash it was approved
 * with; a MediaError (Chinese, naming the file) when one is missing or changed.
 */
async function verifiedMedia(deps: PublishDeps, entry: LoadedEntry): Promise<PublishItem['media']> {
  const refs = mediaOf(entry.draft.revisions[0]);
  if (refs.length === 0) return [];
  if (!deps.media) throw new MediaError('这条内容带有卡片图片，但发布进程没有配置图片存储目录，无法发布图片');
  const out: PublishItem['media'] = [];
  for (const ref of refs) {
    const { file, data } = await deps.media.store.verify(ref);
    out.push({ path: file, sha256: ref.sha256, data });
  }
  return out;
}

/** The latest revision checked again with the current rules: its text and its images. */
async function recheck(deps: PublishDeps, entry: LoadedEntry, ws: WorkspaceData): Promise<DraftCheck | undefined> {
  const latest = entry.draft.revisions[0];
  if (!latest) return undefined;
  const text = deps.checkFor(ws)(checkableText(latest.text, latest.card as CardFields | null), entry.draft.contentType as ContentType);
  const refs = mediaOf(latest);
  if (refs.length === 0 || !deps.media) return combineChecks(text);
  return combineChecks(text, refs, await checkMedia(deps.media, refs));
}

/** Signed-off findings are matched by rule and place: the text span, or the image (its hash). */
const findingKey = (f: { rule: string; start: number; end: number; media?: string | null }) => (f.media ? `${f.rule}|media:${f.media}` : `${f.rule}|${f.start}|${f.end}`);

/**
 * Why the entry must not go out, or undefined. Checks, with the rules as they are now: the approved
 * revision is still the latest, and the text passes — review-level findings only where a reviewer
 * signed off the same finding (rule and span) on that revision.
 */
type RecheckFinding = { rule: string; severity: string; start: number; end: number; match: string; media?: string | null };

/** The findings of a recheck in one list, image findings with their image's hash and no span. */
function recheckFindings(check: DraftCheck | undefined): RecheckFinding[] {
  if (!check) return [];
  return [...check.findings, ...(check.mediaFindings ?? []).map((f) => ({ rule: f.rule, severity: f.severity, start: 0, end: 0, match: f.match, media: f.media }))];
}

function refusal(entry: LoadedEntry, verdictFindings: RecheckFinding[]): string | undefined {
  const d = entry.draft;
  const latest = d.revisions[0];
  if (!latest || d.approvedRevisionId !== latest.id || entry.revisionId !== latest.id) return '审核通过的版本已不是最新版本（草稿在通过后被修改过），需要重新审核';
  if (d.status !== 'scheduled') return `草稿状态为 ${d.status}，不是已排期`;
  const blocked = verdictFindings.filter((f) => f.severity === 'block');
  if (blocked.length > 0) return `按当前合规规则有禁止级问题：${blocked.map((f) => `${f.rule}“${f.match}”`).join('、')}`;
  const signed = new Set(d.decisions.filter((x) => x.revisionId === latest.id && x.finding).map((x) => findingKey(x.finding!)));
  const unsigned = verdictFindings.filter((f) => f.severity === 'review' && !signed.has(findingKey(f)));
  if (unsigned.length > 0) return `按当前合规规则有未经签字的需审核问题：${unsigned.map((f) => `${f.rule}“${f.match}”`).join('、')}`;
  return undefined;
}

export async function publishEntry(deps: PublishDeps, entryId: string, opts: { finalAttempt?: boolean } = {}): Promise<PublishOutcome> {
  const { prisma } = deps;
  const entry = await loadEntry(prisma, entryId);
  if (!entry) return { status: 'skipped', reason: '日历中没有这个条目' };
  if (entry.status !== 'scheduled') return { status: 'skipped', reason: `条目状态为 ${entry.status}` };
  const dueIn = entry.publishAt.getTime() - deps.clock.now();
  if (dueIn > DUE_TOLERANCE_MS) return { status: 'not_due', dueInMs: dueIn };

  // Claim: only one worker can move the entry out of `scheduled`.
  const claimed = await prisma.calendarEntry.updateMany({ where: { id: entryId, status: 'scheduled' }, data: { status: 'publishing' } });
  if (claimed.count === 0) return { status: 'skipped', reason: '条目已被其他进程处理' };
  const attempt = await prisma.publishAttempt.create({
    data: { entryId, number: Math.max(0, ...entry.attempts.map((a) => a.number)) + 1, workerId: deps.workerId, outcome: 'started' },
  });

  const ws = entry.draft.plan.snapshot.data as unknown as WorkspaceData;
  const latest = entry.draft.revisions[0];
  // The images must be exactly the ones that were checked and approved; anything else is a
  // permanent failure (trying again will not bring a deleted or changed file back).
  let media: PublishItem['media'];
  try {
    media = await verifiedMedia(deps, entry);
  } catch (e) {
    if (!(e instanceof MediaError)) throw e;
    return recordFailure(deps, entry, attempt.id, new ChannelError(`无法发布：${e.toString().replace(/\n {2}- /g, '；')}`, 'permanent'), opts);
  }
  const check = await recheck(deps, entry, ws);
  const reason = refusal(entry, recheckFindings(check));
  if (reason || !latest || !check) {
    const why = reason ?? '草稿没有内容';
    await prisma.$transaction(async (tx) => {
      if (latest && check) await writeRevisions(tx, [checkRows(latest.id, 'publish', check)]);
      await tx.publishAttempt.update({ where: { id: attempt.id }, data: { outcome: 'refused', error: why, finishedAt: new Date() } });
      await tx.calendarEntry.update({ where: { id: entryId }, data: { status: 'refused' } });
      // A draft edited after approval is back in review; otherwise it is marked refused.
      if (entry.draft.status === 'scheduled') await tx.draft.update({ where: { id: entry.draftId }, data: { status: 'refused' } });
      await audit(tx, { actor: deps.workerId, action: 'publish.refuse', entityType: 'calendar_entry', entityId: entryId, before: { status: 'scheduled' }, after: { status: 'refused', reason: why } });
    });
    return { status: 'refused', reason: why };
  }

  const channel = deps.channelFor(entry.channel);
  const item = itemOf(entry, ws, media);
  try {
    const receipt = await channel.publish(item);
    await recordPublished(deps, entry, attempt.id, item, receipt, check);
    return { status: 'published', externalId: receipt.externalId, ...(receipt.location ? { location: receipt.location } : {}) };
  } catch (e) {
    return recordFailure(deps, entry, attempt.id, e, opts);
  }
}

/** Records a failed attempt: retried later, failed for good, or unconfirmed when it may be out. */
async function recordFailure(deps: PublishDeps, entry: LoadedEntry, attemptId: string, e: unknown, opts: { finalAttempt?: boolean }): Promise<PublishOutcome> {
  const entryId = entry.id;
  const kind = e instanceof ChannelError ? e.kind : 'unknown';
  const message = (e as Error).message;
  // Unknown outcome: it may be out. Never retried automatically; a person or lookup decides.
  const entryStatus = kind === 'unknown' ? 'unconfirmed' : kind === 'permanent' || opts.finalAttempt ? 'failed' : 'scheduled';
  await deps.prisma.$transaction(async (tx) => {
    await tx.publishAttempt.update({ where: { id: attemptId }, data: { outcome: kind === 'unknown' ? 'unconfirmed' : 'failed', error: message, finishedAt: new Date() } });
    await tx.calendarEntry.update({ where: { id: entryId }, data: { status: entryStatus } });
    if (entryStatus === 'unconfirmed') await tx.draft.update({ where: { id: entry.draftId }, data: { status: 'unconfirmed' } });
    await audit(tx, { actor: deps.workerId, action: `publish.${entryStatus === 'scheduled' ? 'retry' : entryStatus}`, entityType: 'calendar_entry', entityId: entryId, before: { status: 'scheduled' }, after: { status: entryStatus, error: message } });
  });
  if (kind === 'unknown') return { status: 'unconfirmed', reason: message };
  return { status: 'failed', reason: message, retry: entryStatus === 'scheduled' };
}

async function recordPublished(
  deps: PublishDeps,
  entry: LoadedEntry,
  attemptId: string,
  item: PublishItem,
  receipt: { externalId: string; location?: string },
  check: DraftCheck,
): Promise<void> {
  const payloadHash = createHash('sha256').update(JSON.stringify({ text: item.text, card: item.card ?? null, media: item.media.map((m) => m.sha256) })).digest('hex');
  await deps.prisma.$transaction(async (tx) => {
    await writeRevisions(tx, [checkRows(item.revisionId, 'publish', check)]);
    await tx.publishAttempt.update({ where: { id: attemptId }, data: { outcome: 'published', finishedAt: new Date() } });
    await tx.publishReceipt.create({ data: { entryId: entry.id, attemptId, channel: entry.channel, externalId: receipt.externalId, location: receipt.location ?? null, payloadHash } });
    await tx.calendarEntry.update({ where: { id: entry.id }, data: { status: 'published' } });
    await tx.draft.update({ where: { id: entry.draftId }, data: { status: 'published' } });
    await audit(tx, { actor: deps.workerId, action: 'publish.done', entityType: 'calendar_entry', entityId: entry.id, before: { status: 'publishing' }, after: { status: 'published', externalId: receipt.externalId, location: receipt.location } });
  });
}

/**
 * Settles entries left in `publishing` by a worker that died mid-send: if the channel shows the
 * item went out, record the receipt; otherwise mark it unconfirmed for a person to decide.
 */
export async function settleInterrupted(deps: PublishDeps, olderThanMs = 5 * 60_000): Promise<{ settled: number; unconfirmed: number }> {
  const stale = await deps.prisma.calendarEntry.findMany({ where: { status: 'publishing', updatedAt: { lt: new Date(Date.now() - olderThanMs) } }, select: { id: true } });
  let settled = 0;
  let unconfirmed = 0;
  for (const { id } of stale) {
    const entry = (await loadEntry(deps.prisma, id))!;
    const ws = entry.draft.plan.snapshot.data as unknown as WorkspaceData;
    // Paths only (no hash check): the channel is asked whether it already has the item.
    const item = itemOf(entry, ws, mediaOf(entry.draft.revisions[0]).flatMap((m) => (deps.media ? [{ path: deps.media.store.fileOf(m.path), sha256: m.sha256 }] : [])));
    const found = await deps.channelFor(entry.channel).lookup(item);
    const attempt = await deps.prisma.publishAttempt.findFirst({ where: { entryId: id }, orderBy: { number: 'desc' } });
    if (found && attempt) {
      const check = (await recheck(deps, entry, ws))!;
      await recordPublished(deps, entry, attempt.id, item, found, check);
      settled++;
    } else {
      await deps.prisma.$transaction(async (tx) => {
        if (attempt) await tx.publishAttempt.update({ where: { id: attempt.id }, data: { outcome: 'unconfirmed', error: '发布进程中断，结果未知', finishedAt: new Date() } });
        await tx.calendarEntry.update({ where: { id }, data: { status: 'unconfirmed' } });
        await tx.draft.update({ where: { id: entry.draftId }, data: { status: 'unconfirmed' } });
        await audit(tx, { actor: deps.workerId, action: 'publish.unconfirmed', entityType: 'calendar_entry', entityId: id, before: { status: 'publishing' }, after: { status: 'unconfirmed' } });
      });
      unconfirmed++;
    }
  }
  return { settled, unconfirmed };
}
