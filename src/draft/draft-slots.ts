// The draft stage: resolves each slot's context from the workspace and asks the drafter for text,
// a few slots at a time. A failed slot is an outcome, not an exception: the others go on.
import pLimit from 'p-limit';
import type { DraftOutcome, Slot } from '../domain/types.ts';
import type { Workspace } from '../workspace/schema.ts';
import type { DraftContext, Drafter } from './drafter.ts';

export function contextFor(ws: Workspace, slot: Slot): DraftContext {
  const persona = ws.personas.find((p) => p.id === slot.personaId);
  const segment = ws.segments.find((s) => s.id === slot.segmentId);
  if (!persona || !segment) throw new Error(`slot ${slot.key} names an unknown persona or segment`);
  const [kind, value] = [slot.topic.slice(0, slot.topic.indexOf(':')), slot.topic.slice(slot.topic.indexOf(':') + 1)];
  const service = kind === 'service' ? ws.services.find((s) => s.id === value) : undefined;
  const campaign = slot.campaignId ? ws.campaigns.find((c) => c.id === slot.campaignId) : undefined;
  const group = slot.groupId ? ws.policy.groups.find((g) => g.id === slot.groupId) : undefined;
  return {
    workspace: ws,
    slot,
    persona,
    segment,
    ...(service ? { service } : {}),
    ...(kind === 'theme' ? { theme: value } : {}),
    ...(campaign ? { campaign } : {}),
    ...(group ? { group } : {}),
  };
}

export interface DraftRunOptions {
  concurrency?: number;
  onProgress?: (done: number, total: number) => void;
}

export async function draftSlots(ws: Workspace, slots: Slot[], drafter: Drafter, opts: DraftRunOptions = {}): Promise<Map<string, DraftOutcome>> {
  const limit = pLimit(opts.concurrency ?? (drafter.mode === 'llm' ? 4 : 1));
  const out = new Map<string, DraftOutcome>();
  let done = 0;
  await Promise.all(
    slots.map((slot) =>
      limit(async () => {
        let outcome: DraftOutcome;
        try {
          outcome = await drafter.draft(contextFor(ws, slot));
        } catch (e) {
          // A drafter should not throw; if one does, the slot fails and the run goes on.
          outcome = { ok: false, reason: `生成出错：${(e as Error).message}` };
        }
        out.set(slot.key, outcome);
        opts.onProgress?.(++done, slots.length);
      }),
    ),
  );
  return out;
}
