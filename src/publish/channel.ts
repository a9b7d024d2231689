// Channels are adapters behind one interface, so a new channel (WeCom Moments, group mass
// messages, a robot webhook…) is added by writing an adapter and registering it — the scheduler and
// the worker never change.
import type { CardFields, ContentType, DraftKind } from '../domain/types.ts';

/** Everything a channel needs to publish one calendar entry. */
export interface PublishItem {
  entryId: string;
  draftId: string;
  revisionId: string;
  kind: DraftKind;
  contentType: ContentType;
  /** ISO instant the item is scheduled for. */
  publishAt: string;
  /** Local date and time in the clinic's time zone, for people and folder names. */
  localDate: string;
  localTime: string;
  persona: { id: string; name: string; wecomUserId?: string };
  segment: { id: string; name: string; wecomTagIds: string[] };
  group?: { id: string; name: string; wecomChatIds: string[] };
  text: string;
  card?: CardFields;
  /** Files to attach (rendered cards, images): absolute paths, and when publishing the bytes that
   *  were checked against the approved hash — a channel sends these, not the file read again. */
  media: { path: string; sha256: string; data?: Uint8Array }[];
}

export interface PublishReceiptData {
  /** The channel's id for what it published (file name, WeCom jobid/msgid…). */
  externalId: string;
  /** Where a person can find it (a path, a URL). */
  location?: string;
}

/**
 * How a channel failure should be treated:
 * - `retryable`: nothing went out; try again later (rate limit, 5xx before sending).
 * - `permanent`: nothing went out and trying again will not help (bad media, invalid sender).
 * - `unknown`: it may have gone out (timeout after sending). Never retried automatically: a
 *   person or a read-only status check decides (WeCom's guidance, wecom-api.md).
 */
export type ChannelFailureKind = 'retryable' | 'permanent' | 'unknown';

export class ChannelError extends Error {
  constructor(
    message: string,
    readonly kind: ChannelFailureKind,
  ) {
    super(message);
    this.name = 'ChannelError';
  }
}

export interface Channel {
  readonly name: string;
  publish(item: PublishItem): Promise<PublishReceiptData>;
  /** Read-only: whether this item already went out, for settling an outcome that is unknown. */
  lookup(item: PublishItem): Promise<PublishReceiptData | undefined>;
}
