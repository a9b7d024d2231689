// What `siyu drafts` and `siyu show` do (their definitions are drafts.ts).
import { DateTime } from 'luxon';
import { CONTENT_TYPE_LABELS, DRAFT_KIND_LABELS, DRAFT_STATUSES, DRAFT_STATUS_LABELS, SEVERITY_LABELS, VERDICT_LABELS, type CardFields, type ContentType, type DraftKind, type DraftStatus, type Finding } from '../../domain/types.ts';
import { explainFindings } from '../../check/index.ts';
import { mediaOf } from '../../draft/card-images.ts';
import { checkableText } from '../../draft/revisions.ts';
import { findDraftId, loadDraft } from '../../review/review-service.ts';
import { SiyuError } from '../../shared/errors.ts';
import { table } from '../table.ts';
import type { CliContext } from '../context.ts';
import type { DraftsOptions } from './drafts.ts';
import { out } from './run.ts';

/** Short verdict words for table cells. */
const VERDICT_SHORT = { pass: '通过', review: '需审核', block: '禁止' } as const;

/** The card image column: how many images, and whether the renderer left the editor a warning. */
function imageCell(rev: { kind?: string; media?: unknown; renderWarnings?: string[] } | undefined): string {
  const n = mediaOf(rev).length;
  if (n === 0) return '';
  const w = rev?.renderWarnings?.length ?? 0;
  return `${n} 张${w > 0 ? `，提醒 ${w}` : ''}`;
}

export async function runDrafts(ctx: CliContext, opts: DraftsOptions): Promise<void> {
  if (opts.status && !DRAFT_STATUSES.includes(opts.status as DraftStatus)) throw new SiyuError(`状态 “${opts.status}” 无效，可用：${DRAFT_STATUSES.join(' / ')}`);
  if (opts.kind && !(opts.kind in DRAFT_KIND_LABELS)) throw new SiyuError(`类型 “${opts.kind}” 无效，可用：moments / group_topic / card`);
  const { prisma } = await ctx.database();
  const drafts = await prisma.draft.findMany({
    where: { ...(opts.status ? { status: opts.status as DraftStatus } : {}), ...(opts.kind ? { kind: opts.kind as DraftKind } : {}), ...(opts.persona ? { personaId: opts.persona } : {}) },
    orderBy: { slotAt: 'asc' },
    take: opts.limit,
    include: { revisions: { orderBy: { number: 'desc' }, take: 1, include: { checks: { where: { purpose: 'save' }, orderBy: { checkedAt: 'desc' }, take: 1, include: { findings: true } } } } },
  });
  const zone = (await prisma.workspaceSnapshot.findFirst({ orderBy: { createdAt: 'desc' } }))?.data as { brand?: { timezone?: string } } | undefined;
  out(
    table(
      ['编号', '时间', '类型', '内容类型', '人设', '分层/社群', '状态', '合规', '卡片图片', '摘要'],
      drafts.map((d) => {
        const rev = d.revisions[0];
        const check = rev?.checks[0];
        return [
          d.id.slice(0, 8),
          DateTime.fromJSDate(d.slotAt, { zone: zone?.brand?.timezone ?? 'Asia/Shanghai' }).toFormat('MM-dd HH:mm'),
          DRAFT_KIND_LABELS[d.kind as DraftKind],
          CONTENT_TYPE_LABELS[d.contentType as ContentType] ?? d.contentType,
          d.personaId,
          d.groupId ? `群:${d.groupId}` : d.segmentId,
          DRAFT_STATUS_LABELS[d.status as DraftStatus],
          check ? `${VERDICT_SHORT[check.verdict]}${check.findings.length ? `(${check.findings.length})` : ''}` : '—',
          imageCell(rev),
          (rev?.text ?? d.failureReason ?? '').replace(/\s+/g, ' ').slice(0, 24),
        ];
      }),
    ),
  );
  out(`共显示 ${drafts.length} 篇`);
}

export async function runShow(ctx: CliContext, [id]: string[]): Promise<void> {
  const { prisma } = await ctx.database();
  const { draft, revision, check, findings } = await loadDraft(prisma, await findDraftId(prisma, id!));
  out(`草稿 ${draft.id}`);
  out(`时段：${draft.slotKey}  类型：${DRAFT_KIND_LABELS[draft.kind as DraftKind]} / ${CONTENT_TYPE_LABELS[draft.contentType as ContentType] ?? draft.contentType}  话题：${draft.topic}`);
  out(`状态：${DRAFT_STATUS_LABELS[draft.status as DraftStatus]}${draft.failureReason ? `（${draft.failureReason}）` : ''}`);
  if (!revision) return;
  out(`版本：第 ${revision.number} 版（${revision.source}）  合规：${check ? VERDICT_LABELS[check.verdict] : '未检查'}  规则包 ${check?.rulePackVersion ?? '—'}`);
  const card = revision.card as CardFields | null;
  if (card) {
    out(`卡片字段（模板 ${card.template}；用 siyu edit ${draft.id.slice(0, 8)} --card 文件.json 修改）：`);
    for (const [k, v] of Object.entries(card)) if (k !== 'template' && v !== undefined && v !== null) out(`  ${k}：${Array.isArray(v) ? v.map((x, i) => `${i + 1}. ${x}`).join('  ') : v}`);
  }
  const store = await ctx.media();
  for (const m of mediaOf(revision)) out(`卡片图片：${store.fileOf(m.path)}（${m.width}×${m.height}，${m.preset}，sha256 ${m.sha256.slice(0, 12)}…）`);
  for (const w of revision.renderWarnings) out(`排版提醒：${w}`);
  out('');
  const text = checkableText(revision.text, revision.card as CardFields | null);
  const textFindings = findings.filter((f) => !f.media);
  const imageFindings = findings.filter((f) => f.media);
  out(textFindings.length === 0 && imageFindings.length > 0 ? '文字未发现需要处理的内容。' : explainFindings(text, textFindings as unknown as Finding[]));
  if (imageFindings.length > 0) {
    out('');
    out('卡片图片的合规问题：');
    for (const f of imageFindings) {
      out(`  · ${f.rule}（${SEVERITY_LABELS[f.severity]}）${f.match}：${f.explanation ?? ''}`);
      out(`    依据：${f.basis}`);
      if (f.suggestion) out(`    建议：${f.suggestion}`);
    }
  }
  if (findings.length > 0) {
    out('');
    out('问题编号（合规审核员签字时使用：siyu signoff 草稿编号 问题编号 --reason 理由）：');
    findings.forEach((f, i) => out(`  [${i + 1}] ${f.id.slice(0, 8)}  ${f.rule}（${SEVERITY_LABELS[f.severity]}）“${f.match}”`));
  }
  if (draft.decisions.length > 0) {
    out('');
    out(
      table(
        ['时间', '操作人', '动作', '理由'],
        draft.decisions.map((d) => [DateTime.fromJSDate(d.createdAt).toFormat('MM-dd HH:mm:ss'), d.user.handle, d.action, d.reason ?? '']),
      ),
    );
  }
}
