import { describe, expect, it } from 'vitest';
import { canApprove, canEdit, canReject, canSignOff, statusAfterApproval, statusAfterSignOff, type ReviewFacts } from '../../src/review/rules.ts';

const facts = (over: Partial<ReviewFacts> = {}): ReviewFacts => ({ status: 'in_review', findings: [], signedOff: new Set(), editorApproved: false, ...over });
const review = { id: 'f1', rule: 'R14-disguised', severity: 'review' as const, match: '扫码预约' };
const block = { id: 'f2', rule: 'R05-guarantee', severity: 'block' as const, match: '零风险' };
const warn = { id: 'f3', rule: 'R13-absolute', severity: 'warn' as const, match: '最近' };

describe('review rules', () => {
  it('lets an editor approve a clean draft straight to approved', () => {
    expect(canApprove('editor', facts())).toEqual({ ok: true });
    expect(statusAfterApproval(facts({ findings: [warn] }))).toBe('approved');
  });

  it('never lets anyone approve past a block-level finding', () => {
    for (const role of ['editor', 'admin'] as const) {
      const a = canApprove(role, facts({ findings: [block] }));
      expect(a.ok).toBe(false);
      expect(!a.ok && a.reason).toContain('零风险');
    }
    expect(canSignOff('reviewer', facts({ findings: [block] }), 'f2', '客户要求').ok).toBe(false);
  });

  it('keeps a draft with review-level findings waiting for a reviewer after the editor approves', () => {
    const f = facts({ findings: [review, warn] });
    expect(statusAfterApproval(f)).toBe('awaiting_signoff');
    const afterApproval = facts({ status: 'awaiting_signoff', findings: [review, warn], editorApproved: true });
    expect(statusAfterSignOff(afterApproval, 'f1')).toBe('approved');
    // Signed off before the editor approved: stays in review until the editor approves.
    expect(statusAfterSignOff(facts({ findings: [review] }), 'f1')).toBe('in_review');
  });

  it('requires a reviewer, a review-level finding and a written reason to sign off', () => {
    const f = facts({ status: 'awaiting_signoff', findings: [review, warn], editorApproved: true });
    expect(canSignOff('editor', f, 'f1', '理由充分').ok).toBe(false);
    expect(canSignOff('reviewer', f, 'f1', '').ok).toBe(false);
    expect(canSignOff('reviewer', f, 'f3', '理由充分').ok).toBe(false);
    expect(canSignOff('reviewer', f, 'nope', '理由充分').ok).toBe(false);
    expect(canSignOff('reviewer', f, 'f1', '已核实为客观服务信息')).toEqual({ ok: true });
    expect(canSignOff('admin', f, 'f1', '已核实为客观服务信息')).toEqual({ ok: true });
    expect(canSignOff('reviewer', { ...f, signedOff: new Set(['f1']) }, 'f1', '再签一次').ok).toBe(false);
  });

  it('keeps reviewers from approving or editing, and needs a reason to reject', () => {
    expect(canApprove('reviewer', facts()).ok).toBe(false);
    expect(canEdit('reviewer', facts(), '新内容').ok).toBe(false);
    expect(canReject(facts(), '').ok).toBe(false);
    expect(canReject(facts(), '夸大功效')).toEqual({ ok: true });
  });

  it('refuses empty or over-long edits and edits of published drafts', () => {
    expect(canEdit('editor', facts(), '   ').ok).toBe(false);
    expect(canEdit('editor', facts(), '字'.repeat(2001)).ok).toBe(false);
    expect(canEdit('editor', facts({ status: 'published' }), '新内容').ok).toBe(false);
    expect(canEdit('editor', facts({ status: 'scheduled' }), '新内容')).toEqual({ ok: true });
  });

  it('cannot approve a draft whose drafting failed or that is already scheduled', () => {
    expect(canApprove('editor', facts({ status: 'failed' })).ok).toBe(false);
    expect(canApprove('editor', facts({ status: 'scheduled' })).ok).toBe(false);
  });
});
