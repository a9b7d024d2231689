// One interface, two drafting modes (Handlebars templates offline, an LLM over HTTP).
// A drafter never throws for a bad slot: it returns { ok: false, reason } so the other slots go on.
import type { DraftOutcome, Slot } from '../domain/types.ts';
import type { Campaign, Group, Persona, Segment, Service, Workspace } from '../workspace/schema.ts';

/** Everything a drafter may use for one slot, resolved from the workspace by the draft stage. */
export interface DraftContext {
  workspace: Workspace;
  slot: Slot;
  persona: Persona;
  segment: Segment;
  /** The service the slot is about, when its topic is a service id. */
  service?: Service;
  /** The theme text when the topic is not a service (lifestyle theme, question theme). */
  theme?: string;
  campaign?: Campaign;
  group?: Group;
}

export type DrafterMode = 'template' | 'llm';

export interface Drafter {
  readonly mode: DrafterMode;
  draft(ctx: DraftContext): Promise<DraftOutcome>;
}
