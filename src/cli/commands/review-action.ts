// What `siyu approve`, `reject`, `edit` and `signoff` do (their definitions are review.ts).
import { readFile } from 'node:fs/promises';
import { DRAFT_STATUS_LABELS, VERDICT_LABELS } from '../../domain/types.ts';
import { z } from 'zod';
import { approve, edit, findDraftId, loadDraft, reject, resolveUser, signOff, type CardPatch } from '../../review/review-service.ts';
import { SiyuError } from '../../shared/errors.ts';
import type { CliContext } from '../context.ts';
import type { AsOption, EditOptions } from './review.ts';
import { out } from './run.ts';

const actorHandle = (o: AsOption) => o.as ?? process.env.SIYU_USER;

export async function runApprove(ctx: CliContext, opts: AsOption, [id]: string[]): Promise<void> {
  const { prisma } = await ctx.database();
  const actor = await resolveUser(prisma, actorHandle(opts));
  const draftId = await findDraftId(prisma, id!);
  const status = await approve(prisma, actor, draftId);
  out(`草稿 ${draftId.slice(0, 8)} → ${DRAFT_STATUS_LABELS[status]}${status === 'awaiting_signoff' ? '（还需合规审核员对每处需审核问题签字）' : ''}`);
}

export async function runReject(ctx: CliContext, opts: AsOption & { reason: string }, [id]: string[]): Promise<void> {
  const { prisma } = await ctx.database();
  const actor = await resolveUser(prisma, actorHandle(opts));
  const draftId = await findDraftId(prisma, id!);
  await reject(prisma, actor, draftId, opts.reason);
  out(`草稿 ${draftId.slice(0, 8)} → 已驳回`);
}

export async function runEdit(ctx: CliContext, opts: EditOptions, [id]: string[]): Promise<void> {
  if (opts.text !== undefined && opts.file !== undefined) throw new SiyuError('--text 和 --file 只能二选一');
  if (opts.text === undefined && opts.file === undefined && opts.card === undefined) throw new SiyuError('请用 --text 或 --file 提供新内容，或用 --card 修改卡片字段');
  let text = opts.text;
  if (opts.file) {
    try {
      text = await readFile(opts.file, 'utf8');
    } catch (e) {
      throw new SiyuError(`无法读取文件 ${opts.file}：${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    }
  }
  const card = opts.card === undefined ? undefined : await readCardPatch(opts.card);
  const { prisma } = await ctx.database();
  const actor = await resolveUser(prisma, actorHandle(opts));
  const draftId = await findDraftId(prisma, id!);
  // Only the card changes: the text stays as it is.
  text ??= (await loadDraft(prisma, draftId)).revision?.text ?? '';
  const r = await edit(prisma, actor, draftId, text.trim(), await ctx.checkFor(), { card, cards: await ctx.cardStage() });
  const problems = r.result.findings.length + (r.result.mediaFindings?.length ?? 0);
  out(`草稿 ${draftId.slice(0, 8)} 已保存为第 ${r.revision} 版，合规检查：${VERDICT_LABELS[r.result.verdict]}（${problems} 处问题），等待重新审核`);
  for (const m of r.media) out(`卡片图片：${(await ctx.media()).fileOf(m.path)}（${m.width}×${m.height}）`);
  for (const w of r.warnings) out(`排版提醒：${w}`);
  if (r.failure) {
    out(`${r.failure}`);
    out('草稿已标记为“生成失败”：请用 siyu edit --card 修改卡片字段后重新生成');
    process.exitCode = 1;
  }
}

export async function runSignoff(ctx: CliContext, opts: AsOption & { reason: string }, [id, finding]: string[]): Promise<void> {
  const { prisma } = await ctx.database();
  const actor = await resolveUser(prisma, actorHandle(opts));
  const draftId = await findDraftId(prisma, id!);
  const status = await signOff(prisma, actor, draftId, finding!, opts.reason);
  out(`已签字。草稿 ${draftId.slice(0, 8)} 当前状态：${DRAFT_STATUS_LABELS[status]}`);
}

const words = () => z.string({ error: '必须是文字' }).trim().min(1, '不能为空');
const list = () => z.array(z.string({ error: '每一条都必须是文字' }), { error: '必须是文字列表，例如 ["第一条", "第二条"]' });
const cardPatchSchema = z.strictObject(
  {
    template: words().nullish(),
    title: words().nullish(),
    points: list().nullish(),
    quote: words().nullish(),
    subtitle: words().nullish(),
    price: words().nullish(),
    question: words().nullish(),
    options: list().nullish(),
    footer: words().nullish(),
  },
  { error: (i) => (i.code === 'invalid_type' ? '必须是 JSON 对象，例如 {"title": "…"}' : undefined) },
);

/** `--card FILE.json`: the card fields to change, checked for shape (the layout checks the rest). */
async function readCardPatch(file: string): Promise<CardPatch> {
  let raw: unknown;
  try {
    raw = JSON.parse((await readFile(file, 'utf8')).replace(/^\uFEFF/, ''));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new SiyuError(code ? `无法读取卡片文件 ${file}：${code === 'ENOENT' ? '文件不存在' : code}` : `卡片文件 ${file} 不是有效的 JSON：${(e as Error).message}`);
  }
  const parsed = cardPatchSchema.safeParse(raw);
  if (!parsed.success) {
    throw new SiyuError(
      `卡片文件 ${file} 的内容不对`,
      parsed.error.issues.map((i) => (i.code === 'unrecognized_keys' ? `未知字段 ${i.keys.join('、')}（可用：template、title、subtitle、points、quote、question、options、price、footer）` : `字段 ${i.path.join('.') || '（整体）'}：${i.message}`)),
    );
  }
  return parsed.data as CardPatch;
}
