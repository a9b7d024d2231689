// Review rules as plain functions over the facts of one draft; review-service.ts loads the facts,
// asks these rules, and records the outcome. Messages are for the person who tried the action.
import type { DraftStatus, Role, Severity } from '../domain/types.ts';

export interface ReviewFinding {
  id: string;
  rule: string;
  severity: Severity;
  match: string;
}

export interface ReviewFacts {
  status: DraftStatus;
  /** Findings of the latest revision's latest check. */
  findings: ReviewFinding[];
  /** Finding ids of the latest revision a reviewer has signed off. */
  signedOff: ReadonlySet<string>;
  /** Whether an editor approved the latest revision. */
  editorApproved: boolean;
}

export type RuleAnswer = { ok: true } | { ok: false; reason: string };

const no = (reason: string): RuleAnswer => ({ ok: false, reason });
const yes: RuleAnswer = { ok: true };

/** Statuses in which a draft can still be acted on by review. */
const OPEN: readonly DraftStatus[] = ['in_review', 'awaiting_signoff', 'rejected', 'refused'];

const blocks = (f: ReviewFacts) => f.findings.filter((x) => x.severity === 'block');
const outstandingSignoffs = (f: ReviewFacts) => f.findings.filter((x) => x.severity === 'review' && !f.signedOff.has(x.id));

export function canApprove(role: Role, f: ReviewFacts): RuleAnswer {
  if (role === 'reviewer') return no('只有编辑或管理员可以通过草稿；合规审核请使用签字（sign-off）');
  if (f.status === 'failed') return no('草稿生成失败，没有可通过的内容；请先编辑写入内容');
  if (!OPEN.includes(f.status)) return no(`草稿当前状态不能通过`);
  const b = blocks(f);
  if (b.length > 0) return no(`有 ${b.length} 处禁止级问题（${b.map((x) => `${x.rule}“${x.match}”`).join('、')}），不能签字放行，只能修改后重新提交`);
  return yes;
}

/** Status after an editor's approval: approved, or waiting for a reviewer's sign-off. */
export function statusAfterApproval(f: ReviewFacts): DraftStatus {
  return outstandingSignoffs(f).length > 0 ? 'awaiting_signoff' : 'approved';
}

export function canSignOff(role: Role, f: ReviewFacts, findingId: string, reason: string | undefined): RuleAnswer {
  if (role === 'editor') return no('只有合规审核员或管理员可以签字');
  if (!OPEN.includes(f.status)) return no('草稿当前状态不需要签字');
  const finding = f.findings.find((x) => x.id === findingId);
  if (!finding) return no(`问题 ${findingId} 不属于这篇草稿的最新版本`);
  if (finding.severity === 'block') return no(`${finding.rule}“${finding.match}”是禁止级问题，不能签字放行，只能修改内容`);
  if (finding.severity === 'warn') return no(`${finding.rule}“${finding.match}”只是提醒，不需要签字`);
  if (f.signedOff.has(findingId)) return no('这处问题已经签过字了');
  if (!reason || reason.trim().length < 2) return no('签字必须写明理由');
  return yes;
}

/** Status after a sign-off: approved once the editor approved and nothing is outstanding. */
export function statusAfterSignOff(f: ReviewFacts, findingId: string): DraftStatus {
  const after = { ...f, signedOff: new Set([...f.signedOff, findingId]) };
  return f.editorApproved && outstandingSignoffs(after).length === 0 ? 'approved' : f.status;
}

/** Editors and reviewers alike can send a draft back, with a reason. */
export function canReject(f: ReviewFacts, reason: string | undefined): RuleAnswer {
  if (![...OPEN, 'approved'].includes(f.status)) return no('草稿当前状态不能驳回');
  if (!reason || reason.trim().length < 2) return no('驳回必须写明理由');
  return yes;
}

export function canEdit(role: Role, f: ReviewFacts, text: string): RuleAnswer {
  if (role === 'reviewer') return no('合规审核员不能改稿；请驳回并写明原因');
  if (f.status === 'published') return no('已发布的内容不能再修改');
  if (text.trim().length === 0) return no('新内容不能为空');
  if (text.length > 2000) return no(`新内容 ${text.length} 字，超过企业微信 2000 字的上限`);
  return yes;
}
