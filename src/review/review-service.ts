// Review actions on drafts: approve, reject, edit, sign off. Each action loads the facts, asks the
// rules in rules.ts, and records the decision, the new status and an audit event in one transaction.
import type { CardFields, CheckResult, ContentType, DraftCheck, DraftStatus, MediaRef, Role } from '../domain/types.ts';
import { checkMedia, combineChecks, defaultCardStage, renderCard, type CardStage } from '../draft/card-images.ts';
import { checkableText, revisionRows, writeRevisions } from '../draft/revisions.ts';
import type { PrismaClient } from '../generated/prisma/client.ts';
import { audit } from '../shared/audit.ts';
import { SiyuError } from '../shared/errors.ts';
import type { Workspace } from '../workspace/schema.ts';
import { canApprove, canEdit, canReject, canSignOff, statusAfterApproval, statusAfterSignOff, type ReviewFacts, type RuleAnswer } from './rules.ts';

export type WorkspaceData = Omit<Workspace, 'dir'>;
/** Makes the compliance check for a workspace (brand licence, certificate, services). */
export type CheckFor = (ws: WorkspaceData) => (text: string, contentType: ContentType) => CheckResult;

export interface Actor {
  id: string;
  handle: string;
  role: Role;
}

export async function resolveUser(prisma: PrismaClient, handle: string | undefined): Promise<Actor> {
  if (!handle) throw new SiyuError('请用 --as 指定操作人（或设置环境变量 SIYU_USER），例如 --as li.editor');
  const user = await prisma.user.findUnique({ where: { handle } });
  if (!user) throw new SiyuError(`用户 “${handle}” 不存在`, ['用 siyu user add 创建用户，例如：siyu user add li.editor --role editor --name 李编辑']);
  return { id: user.id, handle: user.handle, role: user.role };
}

/** Finds a draft by its id or a unique prefix of it (like a git hash). */
export async function findDraftId(prisma: PrismaClient, idOrPrefix: string): Promise<string> {
  if (!/^[0-9a-f-]{4,36}$/i.test(idOrPrefix)) throw new SiyuError(`草稿编号 “${idOrPrefix}” 格式不对，应为编号或其前 4 位以上`);
  const matches = await prisma.draft.findMany({ where: { id: { startsWith: idOrPrefix.toLowerCase() } }, select: { id: true }, take: 2 });
  if (matches.length === 0) throw new SiyuError(`找不到草稿 “${idOrPrefix}”`);
  if (matches.length > 1) throw new SiyuError(`编号前缀 “${idOrPrefix}” 对应多篇草稿，请多输入几位`);
  return matches[0]!.id;
}

/** The draft with its latest revision, that revision's latest save check, and the review facts. */
export async function loadDraft(prisma: PrismaClient, draftId: string) {
  const draft = await prisma.draft.findUnique({
    where: { id: draftId },
    include: {
      plan: { include: { snapshot: true } },
      revisions: { orderBy: { number: 'desc' }, take: 1, include: { checks: { where: { purpose: 'save' }, orderBy: { checkedAt: 'desc' }, take: 1, include: { findings: { orderBy: { start: 'asc' } } } } } },
      decisions: { orderBy: { createdAt: 'asc' }, include: { user: true } },
      entry: true,
    },
  });
  if (!draft) throw new SiyuError(`找不到草稿 ${draftId}`);
  const revision = draft.revisions[0];
  const check = revision?.checks[0];
  const findings = check?.findings ?? [];
  const onLatest = draft.decisions.filter((d) => revision && d.revisionId === revision.id);
  const lastVerdict = onLatest.filter((d) => d.action === 'approve' || d.action === 'reject').at(-1);
  const facts: ReviewFacts = {
    status: draft.status as DraftStatus,
    findings: findings.map((f) => ({ id: f.id, rule: f.rule, severity: f.severity, match: f.match })),
    signedOff: new Set(onLatest.filter((d) => d.action === 'signoff' && d.findingId).map((d) => d.findingId!)),
    editorApproved: lastVerdict?.action === 'approve',
  };
  return { draft, revision, check, findings, facts };
}

function enforce(answer: RuleAnswer): void {
  if (!answer.ok) throw new SiyuError(answer.reason);
}

export async function approve(prisma: PrismaClient, actor: Actor, draftId: string): Promise<DraftStatus> {
  const { draft, revision, facts } = await loadDraft(prisma, draftId);
  enforce(canApprove(actor.role, facts));
  const status = statusAfterApproval(facts);
  await prisma.$transaction(async (tx) => {
    await tx.reviewDecision.create({ data: { draftId, revisionId: revision!.id, userId: actor.id, action: 'approve' } });
    await tx.draft.update({ where: { id: draftId }, data: { status, approvedRevisionId: revision!.id } });
    await audit(tx, { actor: actor.handle, action: 'draft.approve', entityType: 'draft', entityId: draftId, before: { status: draft.status }, after: { status, revision: revision!.number } });
  });
  return status;
}

export async function reject(prisma: PrismaClient, actor: Actor, draftId: string, reason: string | undefined): Promise<void> {
  const { draft, revision, facts } = await loadDraft(prisma, draftId);
  enforce(canReject(facts, reason));
  if (!revision) throw new SiyuError('草稿没有内容，无法驳回；请编辑写入内容');
  await prisma.$transaction(async (tx) => {
    await tx.reviewDecision.create({ data: { draftId, revisionId: revision.id, userId: actor.id, action: 'reject', reason: reason!.trim() } });
    await tx.draft.update({ where: { id: draftId }, data: { status: 'rejected', approvedRevisionId: null } });
    await audit(tx, { actor: actor.handle, action: 'draft.reject', entityType: 'draft', entityId: draftId, before: { status: draft.status }, after: { status: 'rejected', reason } });
  });
}

export async function signOff(prisma: PrismaClient, actor: Actor, draftId: string, findingId: string, reason: string | undefined): Promise<DraftStatus> {
  const { draft, revision, findings, facts } = await loadDraft(prisma, draftId);
  // Accept a unique prefix of the finding id, as for drafts.
  const matches = findings.filter((f) => f.id.startsWith(findingId.toLowerCase()));
  const resolved = matches.length === 1 ? matches[0]!.id : findingId;
  enforce(canSignOff(actor.role, facts, resolved, reason));
  const status = statusAfterSignOff(facts, resolved);
  const finding = findings.find((f) => f.id === resolved)!;
  await prisma.$transaction(async (tx) => {
    await tx.reviewDecision.create({ data: { draftId, revisionId: revision!.id, userId: actor.id, action: 'signoff', reason: reason!.trim(), findingId: resolved } });
    if (status !== draft.status) await tx.draft.update({ where: { id: draftId }, data: { status } });
    await audit(tx, {
      actor: actor.handle,
      action: 'finding.signoff',
      entityType: 'draft',
      entityId: draftId,
      before: { status: draft.status },
      after: { status, finding: { id: resolved, rule: finding.rule, match: finding.match }, reason },
    });
  });
  return status;
}

/** Changes to a card's fields: each given field replaces the old one, null removes it. */
export type CardPatch = { [K in keyof CardFields]?: CardFields[K] | null };

/** The card after a patch; a SiyuError when the draft has no card to change. */
export function patchCard(previous: CardFields | null, patch: CardPatch | undefined): CardFields | null {
  if (!patch) return previous;
  if (!previous) throw new SiyuError('这篇草稿没有卡片，不能修改卡片内容');
  const merged: Record<string, unknown> = { ...previous };
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete merged[k];
    else if (v !== undefined) merged[k] = v;
  }
  if (typeof merged.template !== 'string' || typeof merged.title !== 'string') throw new SiyuError('卡片必须有模板名（template）和标题（title）');
  return merged as unknown as CardFields;
}

export interface EditOptions {
  /** Changes to the card's fields; default: the latest revision's card, kept as it was. */
  card?: CardPatch | undefined;
  /** Renders a card draft again; default: the shared pool, SIYU_MEDIA_DIR or .siyu/media, and
   *  SIYU_WORKSPACE or the working directory for the logo, fonts and avatar. */
  cards?: CardStage | undefined;
}

export interface EditResult {
  revision: number;
  /** The text check combined with the image check of the new card image. */
  result: DraftCheck;
  status: DraftStatus;
  media: MediaRef[];
  /** The renderer's warnings for the editor (text cut to fit…). */
  warnings: string[];
  /** Why the card could not be rendered; the draft is then `failed`. */
  failure?: string;
}

export async function edit(prisma: PrismaClient, actor: Actor, draftId: string, text: string, checkFor: CheckFor, opts: EditOptions = {}): Promise<EditResult> {
  const { draft, revision, facts } = await loadDraft(prisma, draftId);
  enforce(canEdit(actor.role, facts, text));
  const keptCard = patchCard((revision?.card as CardFields | null) ?? null, opts.card);
  const ws = draft.plan.snapshot.data as unknown as WorkspaceData;
  // A card is rendered again from the fields it has now: a new image, checked like the text.
  let media: MediaRef[] = [];
  let warnings: string[] = [];
  let failure: string | undefined;
  let imageChecks: Awaited<ReturnType<typeof checkMedia>> = new Map();
  if (keptCard) {
    const stage = opts.cards ?? defaultCardStage(process.env.SIYU_WORKSPACE ?? process.cwd());
    const rendered = await renderCard(stage, keptCard, { brand: ws.brand, persona: ws.personas.find((p) => p.id === draft.personaId) });
    if (rendered.ok) {
      media = rendered.media;
      warnings = rendered.warnings;
      imageChecks = await checkMedia(stage, media);
    } else {
      failure = rendered.reason;
    }
  }
  const check = checkFor(ws);
  const result = combineChecks(check(checkableText(text, keptCard), draft.contentType as ContentType), media, imageChecks);
  const number = (revision?.number ?? 0) + 1;
  const status: DraftStatus = failure ? 'failed' : 'in_review';
  const rows = revisionRows({ draftId, number, text, card: keptCard, media, renderWarnings: warnings, source: 'edit', authorId: actor.id, purpose: 'save', result });
  await prisma.$transaction(async (tx) => {
    await writeRevisions(tx, [rows]);
    await tx.reviewDecision.create({ data: { draftId, revisionId: rows.revision.id!, userId: actor.id, action: 'edit' } });
    // An edit needs review again; an approval of an older revision no longer counts.
    await tx.draft.update({ where: { id: draftId }, data: { status, failureReason: failure ?? null } });
    await audit(tx, {
      actor: actor.handle,
      action: 'draft.edit',
      entityType: 'draft',
      entityId: draftId,
      before: { status: draft.status, revision: revision?.number ?? null, text: revision?.text ?? null },
      after: { status, revision: number, text, verdict: result.verdict, ...(keptCard ? { card: keptCard, media: media.map((m) => m.sha256) } : {}), ...(failure ? { failure } : {}) },
    });
  });
  return { revision: number, result, status, media, warnings, ...(failure ? { failure } : {}) };
}
