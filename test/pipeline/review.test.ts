// Plan → draft → check → review on the embedded database, with the real template drafter and the
// real compliance checker: the review rules as a person meets them, and the audit trail they leave.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadChecker } from '../../src/check/index.ts';
import { checkForWith } from '../../src/cli/context.ts';
import { TemplateDrafter } from '../../src/draft/template-drafter.ts';
import { runPlan } from '../../src/plan/plan-service.ts';
import { approve, edit, loadDraft, reject, resolveUser, signOff, type Actor, type CheckFor } from '../../src/review/review-service.ts';
import { loadWorkspace } from '../../src/workspace/load.ts';
import { tempDatabase, type TempDatabase } from '../support/db.ts';

describe('review on the database', () => {
  let db: TempDatabase;
  let checkFor: CheckFor;
  let editor: Actor;
  let reviewer: Actor;
  let draftIds: string[];

  beforeAll(async () => {
    db = await tempDatabase();
    const ws = await loadWorkspace('examples/workspace');
    checkFor = checkForWith(await loadChecker());
    await db.prisma.user.createMany({
      data: [
        { handle: 'li.editor', displayName: '李编辑', role: 'editor' },
        { handle: 'wang.review', displayName: '王审核', role: 'reviewer' },
      ],
    });
    editor = await resolveUser(db.prisma, 'li.editor');
    reviewer = await resolveUser(db.prisma, 'wang.review');
    const summary = await runPlan({ prisma: db.prisma, workspace: ws, from: '2026-12-01', days: 1, drafter: await TemplateDrafter.load(), check: checkFor(ws), actor: 'li.editor' });
    expect(summary.created).toBeGreaterThan(10);
    draftIds = (await db.prisma.draft.findMany({ where: { status: 'in_review' }, select: { id: true }, orderBy: { slotKey: 'asc' } })).map((d) => d.id);
  });
  afterAll(async () => db?.close());

  it('stores every draft with its first revision, its check and the findings with spans', async () => {
    const drafts = await db.prisma.draft.findMany({ include: { revisions: { include: { checks: { include: { findings: true } } } } } });
    for (const d of drafts.filter((x) => x.status !== 'failed')) {
      expect(d.revisions).toHaveLength(1);
      expect(d.revisions[0]!.checks).toHaveLength(1);
      for (const f of d.revisions[0]!.checks[0]!.findings) {
        expect(f.rulePackVersion).toBe(d.revisions[0]!.checks[0]!.rulePackVersion);
        expect(f.end).toBeGreaterThan(f.start);
      }
    }
    expect(await db.prisma.auditEvent.count({ where: { action: 'draft.create' } })).toBe(drafts.length);
  });

  it('approves a clean draft and records who, when, before and after', async () => {
    const id = draftIds[0]!;
    await edit(db.prisma, editor, id, '换季了，记得早晚做好保湿，出门前涂防晒。—— 小雨', checkFor);
    expect(await approve(db.prisma, editor, id)).toBe('approved');
    const events = await db.prisma.auditEvent.findMany({ where: { entityId: id }, orderBy: { at: 'asc' } });
    expect(events.map((e) => e.action)).toEqual(['draft.create', 'draft.edit', 'draft.approve']);
    const approval = events.at(-1)!;
    expect(approval.actor).toBe('li.editor');
    expect(approval.before).toEqual({ status: 'in_review' });
    expect(approval.after).toMatchObject({ status: 'approved', revision: 2 });
  });

  it('keeps revisions immutable: an edit adds revision 2 and the approval points at it', async () => {
    const id = draftIds[0]!;
    const revisions = await db.prisma.draftRevision.findMany({ where: { draftId: id }, orderBy: { number: 'asc' } });
    expect(revisions.map((r) => r.number)).toEqual([1, 2]);
    expect(revisions[0]!.text).not.toBe(revisions[1]!.text);
    const draft = await db.prisma.draft.findUniqueOrThrow({ where: { id } });
    expect(draft.approvedRevisionId).toBe(revisions[1]!.id);
  });

  it('holds a review-level finding for a reviewer, who must sign off each one with a reason', async () => {
    const id = draftIds[1]!;
    const { result } = await edit(db.prisma, editor, id, '科普：防晒要每天涂，阴天也不例外。想了解可以扫码预约。', checkFor);
    expect(result.verdict).toBe('review');
    expect(await approve(db.prisma, editor, id)).toBe('awaiting_signoff');
    const { findings } = await loadDraft(db.prisma, id);
    const reviewFindings = findings.filter((f) => f.severity === 'review');
    expect(reviewFindings.length).toBeGreaterThan(0);
    await expect(signOff(db.prisma, editor, id, reviewFindings[0]!.id, '理由')).rejects.toThrow(/只有合规审核员/);
    await expect(signOff(db.prisma, reviewer, id, reviewFindings[0]!.id, '')).rejects.toThrow(/理由/);
    let status = '';
    for (const f of reviewFindings) status = await signOff(db.prisma, reviewer, id, f.id.slice(0, 8), '已核实：仅为到院咨询方式，非诱导');
    expect(status).toBe('approved');
    const decisions = await db.prisma.reviewDecision.findMany({ where: { draftId: id, action: 'signoff' } });
    expect(decisions.map((d) => d.findingId).sort()).toEqual(reviewFindings.map((f) => f.id).sort());
    expect(decisions.every((d) => d.userId === reviewer.id && d.reason)).toBe(true);
  });

  it('refuses to approve or sign off a block-level finding; only a rewrite clears it', async () => {
    const id = draftIds[2]!;
    const { result } = await edit(db.prisma, editor, id, '这个项目零风险，效果有保证。', checkFor);
    expect(result.verdict).toBe('block');
    await expect(approve(db.prisma, editor, id)).rejects.toThrow(/禁止级问题/);
    const block = (await loadDraft(db.prisma, id)).findings.find((f) => f.severity === 'block')!;
    await expect(signOff(db.prisma, reviewer, id, block.id, '客户要求')).rejects.toThrow(/不能签字放行/);
    expect((await db.prisma.draft.findUniqueOrThrow({ where: { id } })).status).toBe('in_review');
    const rewritten = await edit(db.prisma, editor, id, '这个项目的适应人群和术后护理，到院后医生会当面讲清楚。', checkFor);
    expect(rewritten.result.verdict).toBe('pass');
    expect(await approve(db.prisma, editor, id)).toBe('approved');
  });

  it('rejects with a reason only, and an editor can then revise', async () => {
    const id = draftIds[3]!;
    await expect(reject(db.prisma, editor, id, ' ')).rejects.toThrow(/理由/);
    await reject(db.prisma, reviewer, id, '语气不像本人');
    expect((await db.prisma.draft.findUniqueOrThrow({ where: { id } })).status).toBe('rejected');
    await expect(approve(db.prisma, reviewer, id)).rejects.toThrow(/只有编辑或管理员/);
    await edit(db.prisma, editor, id, '周末去爬山了，山顶的风很舒服。', checkFor);
    expect((await db.prisma.draft.findUniqueOrThrow({ where: { id } })).status).toBe('in_review');
  });

  it('names an unknown user instead of acting anonymously', async () => {
    await expect(resolveUser(db.prisma, 'nobody')).rejects.toThrow(/用户 “nobody” 不存在/);
    await expect(resolveUser(db.prisma, undefined)).rejects.toThrow(/--as/);
  });
});
