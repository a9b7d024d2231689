// `siyu plan`: plans the calendar, drafts every slot, checks every draft, and writes it all in one
// transaction — a failure anywhere leaves the database as it was.
import { createHash, randomUUID } from 'node:crypto';
import pLimit from 'p-limit';
import type { CardFields, CheckResult, ContentType, DraftKind, DraftOutcome, Slot } from '../domain/types.ts';
import { checkMedia, combineChecks, defaultCardStage, renderCard, type CardRenderOutcome, type CardStage, type MediaCheck } from '../draft/card-images.ts';
import { draftSlots } from '../draft/draft-slots.ts';
import type { Drafter } from '../draft/drafter.ts';
import { checkableText, revisionRows, writeRevisions, type RevisionRows } from '../draft/revisions.ts';
import type { Prisma, PrismaClient } from '../generated/prisma/client.ts';
import { auditMany } from '../shared/audit.ts';
import { SiyuError } from '../shared/errors.ts';
import type { Workspace } from '../workspace/schema.ts';
import { addDays, parseLocalDate } from './dates.ts';
import { MAX_PLAN_DAYS } from './limits.ts';
import { planCalendar, type PriorPost } from './planner.ts';

export { MAX_PLAN_DAYS };

export interface PlanOptions {
  prisma: PrismaClient;
  workspace: Workspace;
  from: string;
  days: number;
  drafter: Drafter;
  /** The compliance check, bound to this workspace's context. */
  check: (text: string, contentType: ContentType) => CheckResult;
  actor: string;
  /** Renders card drafts and checks their images; default: a shared worker pool and .siyu/media. */
  cards?: CardStage;
  onDraftProgress?: (done: number, total: number) => void;
  onCardProgress?: (done: number, total: number) => void;
}

export interface PlanSummary {
  planId: string;
  slots: Slot[];
  created: number;
  skippedExisting: number;
  failed: { key: string; reason: string }[];
  warnings: string[];
  /** Card images rendered, and the renderer's warnings per slot (text cut to fit…). */
  cards: { rendered: number; warnings: { key: string; warnings: string[] }[] };
}

function validatePlanRange(from: string, days: number, zone: string): void {
  if (!parseLocalDate(from, zone)) throw new SiyuError(`开始日期 “${from}” 无效，应为真实存在的日期，格式 YYYY-MM-DD`);
  if (!Number.isInteger(days) || days < 1 || days > MAX_PLAN_DAYS) throw new SiyuError(`天数 “${days}” 无效，应为 1 到 ${MAX_PLAN_DAYS} 的整数`);
}

/** The workspace content without its location, hashed so identical snapshots are stored once. */
function snapshotOf(ws: Workspace) {
  const { dir: _dir, ...data } = ws;
  const hash = createHash('sha256').update(JSON.stringify(data)).digest('hex');
  return { data, hash };
}

async function priorPosts(prisma: PrismaClient, ws: Workspace, from: string): Promise<PriorPost[]> {
  const lookback = Math.max(ws.policy.repeatIntervalDays, 7) + 1;
  const since = new Date(`${addDays(from, -lookback)}T00:00:00Z`);
  const until = new Date(`${from}T00:00:00Z`);
  const drafts = await prisma.draft.findMany({
    where: { slotAt: { gte: since, lt: until }, status: { notIn: ['failed', 'rejected'] }, kind: { not: 'card' } },
    select: { personaId: true, segmentId: true, groupId: true, slotKey: true, contentType: true, topic: true, kind: true },
  });
  return drafts.map((d) => ({
    personaId: d.personaId,
    segmentId: d.groupId ? `group:${d.groupId}` : d.segmentId,
    date: d.slotKey.slice(0, 10),
    contentType: d.contentType as ContentType,
    topic: d.topic,
    kind: d.kind as DraftKind,
  }));
}

/** Renders every drafted card (through the pool, a few at a time); by slot key. */
async function renderCards(ws: Workspace, slots: Slot[], outcomes: Map<string, DraftOutcome>, stage: () => CardStage, onProgress?: PlanOptions['onCardProgress']): Promise<Map<string, CardRenderOutcome>> {
  const cards = slots.flatMap((slot) => {
    const o = outcomes.get(slot.key);
    return o?.ok && o.card ? [{ slot, card: o.card }] : [];
  });
  const out = new Map<string, CardRenderOutcome>();
  if (cards.length === 0) return out;
  const limit = pLimit(8);
  let done = 0;
  await Promise.all(
    cards.map(({ slot, card }: { slot: Slot; card: CardFields }) =>
      limit(async () => {
        const persona = ws.personas.find((p) => p.id === slot.personaId);
        out.set(slot.key, await renderCard(stage(), card, { brand: ws.brand, persona }));
        onProgress?.(++done, cards.length);
      }),
    ),
  );
  return out;
}

export async function runPlan(opts: PlanOptions): Promise<PlanSummary> {
  const { prisma, workspace: ws } = opts;
  validatePlanRange(opts.from, opts.days, ws.brand.timezone);

  const history = await priorPosts(prisma, ws, opts.from);
  const { slots, warnings } = planCalendar({ workspace: ws, from: opts.from, days: opts.days, history });
  const existing = new Set(
    (await prisma.draft.findMany({ where: { slotKey: { in: slots.map((s) => s.key) } }, select: { slotKey: true } })).map((d) => d.slotKey),
  );
  const fresh = slots.filter((s) => !existing.has(s.key));

  // Drafting (possibly slow LLM calls) and card rendering happen before the transaction, which
  // stays short. Images are in the media store before their rows exist; if the transaction fails
  // they stay as unreferenced files (content-addressed, so a retry reuses them).
  const outcomes = await draftSlots(ws, fresh, opts.drafter, { onProgress: opts.onDraftProgress });
  let stage = opts.cards;
  const cardStage = () => (stage ??= defaultCardStage(ws.dir));
  const rendered = await renderCards(ws, fresh, outcomes, cardStage, opts.onCardProgress);
  const imageChecks = rendered.size > 0 ? await checkMedia(cardStage(), [...rendered.values()].flatMap((r) => (r.ok ? r.media : []))) : new Map<string, MediaCheck>();

  const planId = randomUUID();
  const drafts: Prisma.DraftCreateManyInput[] = [];
  const revisions: RevisionRows[] = [];
  const failed: PlanSummary['failed'] = [];
  for (const slot of fresh) {
    const outcome = outcomes.get(slot.key)!;
    // A card that could not be rendered keeps its words (the editor fixes them with an edit), but
    // the draft is failed, with the renderer's reason.
    const card = rendered.get(slot.key);
    const failure = !outcome.ok ? outcome.reason : card && !card.ok ? card.reason : undefined;
    const draftId = randomUUID();
    drafts.push({
      id: draftId,
      planId,
      slotKey: slot.key,
      kind: slot.kind,
      contentType: slot.contentType,
      personaId: slot.personaId,
      segmentId: slot.segmentId,
      groupId: slot.groupId ?? null,
      campaignId: slot.campaignId ?? null,
      topic: slot.topic,
      slotAt: new Date(slot.at),
      parentSlotKey: slot.parentKey ?? null,
      status: failure === undefined ? 'in_review' : 'failed',
      failureReason: failure ?? null,
    });
    if (failure !== undefined) failed.push({ key: slot.key, reason: failure });
    if (!outcome.ok) continue;
    const media = card?.ok ? card.media : [];
    const result = combineChecks(opts.check(checkableText(outcome.text, outcome.card), slot.contentType), media, imageChecks);
    revisions.push(
      revisionRows({ draftId, number: 1, text: outcome.text, card: outcome.card ?? null, media, renderWarnings: card?.ok ? card.warnings : [], source: outcome.source, purpose: 'save', result }),
    );
  }

  const snapshot = snapshotOf(ws);
  await prisma.$transaction(
    async (tx) => {
      const snap = await tx.workspaceSnapshot.upsert({
        where: { hash: snapshot.hash },
        create: { hash: snapshot.hash, name: ws.brand.name, data: snapshot.data as unknown as Prisma.InputJsonValue },
        update: {},
      });
      await tx.plan.create({ data: { id: planId, snapshotId: snap.id, fromDate: opts.from, days: opts.days, drafterMode: opts.drafter.mode } });
      if (drafts.length > 0) await tx.draft.createMany({ data: drafts });
      await writeRevisions(tx, revisions);
      await auditMany(tx, [
        { actor: opts.actor, action: 'plan.create', entityType: 'plan', entityId: planId, after: { from: opts.from, days: opts.days, drafts: drafts.length, mode: opts.drafter.mode } },
        ...drafts.map((d) => ({ actor: opts.actor, action: 'draft.create', entityType: 'draft', entityId: d.id!, after: { slotKey: d.slotKey, status: d.status } })),
      ]);
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
  const renders = [...rendered.entries()].flatMap(([key, r]) => (r.ok ? [{ key, warnings: r.warnings }] : []));
  const cards = { rendered: renders.length, warnings: renders.filter((r) => r.warnings.length > 0) };
  return { planId, slots, created: drafts.length, skippedExisting: existing.size, failed, warnings, cards };
}
