// `plan` in LLM mode over HTTP against a local chat-completions server: a slot whose output stays
// invalid after the one retry is stored as failed with its reason; every other slot is drafted.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadChecker } from '../../src/check/index.ts';
import { checkForWith } from '../../src/cli/context.ts';
import { LlmDrafter } from '../../src/draft/llm-drafter.ts';
import { runPlan } from '../../src/plan/plan-service.ts';
import { loadWorkspace } from '../../src/workspace/load.ts';
import { tempDatabase, type TempDatabase } from '../support/db.ts';
import { cannedDraftHandler, FakeChatServer, reply, type RecordedRequest } from '../support/fake-chat-server.ts';

/** The slot's own theme line (the persona's list of lifestyle themes also names 插花). */
const aboutFlowers = (req: RecordedRequest) => (req.body?.messages ?? []).some((m) => /(^|\n)主题：插花(\n|$)/.test(String(m.content)));

describe('plan in LLM mode', () => {
  let db: TempDatabase;
  let server: FakeChatServer;
  beforeAll(async () => {
    db = await tempDatabase();
    // Slots whose theme is 插花 (a lifestyle theme) always get malformed output; all others a valid draft.
    server = await new FakeChatServer({ handler: (req, i) => (aboutFlowers(req) ? reply.content('这不是 JSON') : cannedDraftHandler(req, i)) }).start();
  });
  afterAll(async () => {
    await server?.close();
    await db?.close();
  });

  it('drafts every slot, marks the ones with invalid output failed with a reason, and writes all in one plan', async () => {
    const ws = await loadWorkspace('examples/workspace');
    const drafter = new LlmDrafter({ baseURL: server.baseURL, apiKey: 'sk-test', model: 'test-model', timeoutMs: 10_000, maxRetries: 0 });
    const summary = await runPlan({ prisma: db.prisma, workspace: ws, from: '2026-12-01', days: 2, drafter, check: checkForWith(await loadChecker())(ws), actor: 'test' });
    const failed = await db.prisma.draft.findMany({ where: { status: 'failed' } });
    expect(failed.length).toBe(summary.failed.length);
    expect(failed.length).toBeGreaterThan(0);
    for (const d of failed) expect(d.failureReason).toMatch(/两次/);
    // Among Moments posts exactly the 插花 ones failed (the canned reply fits every Moments slot).
    const moments = await db.prisma.draft.findMany({ where: { kind: 'moments' } });
    const flowers = moments.filter((d) => d.topic === 'theme:插花');
    expect(flowers.length).toBeGreaterThan(0);
    expect(moments.filter((d) => d.status === 'failed').map((d) => d.id).sort()).toEqual(flowers.map((d) => d.id).sort());
    const drafted = await db.prisma.draft.count({ where: { status: 'in_review' } });
    expect(drafted + failed.length).toBe(summary.created);
    expect(drafted).toBeGreaterThan(failed.length);
    // Each 插花 slot cost exactly two model calls (one retry).
    const flowerSlots = (await db.prisma.draft.findMany({ where: { topic: 'theme:插花' } })).length;
    const calls = server.chatRequests.filter(aboutFlowers).length;
    expect(calls).toBe(flowerSlots * 2);
    const plan = await db.prisma.plan.findUniqueOrThrow({ where: { id: summary.planId } });
    expect(plan.drafterMode).toBe('llm');
  });
});
