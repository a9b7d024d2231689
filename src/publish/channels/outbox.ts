// The outbox channel: each item becomes a JSON file (plus its media) in a folder per local day, the
// way an editor hands the day's posts to the consultants who post them by hand.
import { access, readFile } from 'node:fs/promises';
import path from 'node:path';
import { writeAtomically } from '../../shared/atomic-write.ts';
import { ChannelError, type Channel, type PublishItem, type PublishReceiptData } from '../channel.ts';

export class OutboxChannel implements Channel {
  readonly name = 'outbox';

  constructor(readonly dir: string) {}

  private fileOf(item: PublishItem): { folder: string; base: string } {
    const folder = path.join(this.dir, item.localDate);
    const base = `${item.localTime.replace(':', '')}_${item.persona.id}_${item.kind}_${item.entryId}`;
    return { folder, base };
  }

  async lookup(item: PublishItem): Promise<PublishReceiptData | undefined> {
    const { folder, base } = this.fileOf(item);
    const file = path.join(folder, `${base}.json`);
    try {
      await access(file);
      return { externalId: base, location: file };
    } catch {
      return undefined;
    }
  }

  async publish(item: PublishItem): Promise<PublishReceiptData> {
    // Idempotent by entry: a second publish of the same entry finds the first one's file.
    const existing = await this.lookup(item);
    if (existing) return existing;
    const { folder, base } = this.fileOf(item);
    try {
      const media: string[] = [];
      for (const [i, m] of item.media.entries()) {
        // The verified bytes when the publisher passes them; written whole or not at all, like the JSON.
        const name = `${base}_${i + 1}${path.extname(m.path)}`;
        await writeAtomically(path.join(folder, name), m.data ?? (await readFile(m.path)));
        media.push(name);
      }
      const body = {
        entryId: item.entryId,
        draftId: item.draftId,
        revisionId: item.revisionId,
        kind: item.kind,
        contentType: item.contentType,
        publishAt: item.publishAt,
        localTime: `${item.localDate} ${item.localTime}`,
        persona: item.persona,
        segment: item.segment,
        ...(item.group ? { group: item.group } : {}),
        text: item.text,
        ...(item.card ? { card: item.card } : {}),
        media,
      };
      // Whole or not at all, so a reader (or lookup) never sees half a file.
      const file = path.join(folder, `${base}.json`);
      await writeAtomically(file, Buffer.from(`${JSON.stringify(body, null, 2)}\n`, 'utf8'));
      return { externalId: base, location: file };
    } catch (e) {
      throw new ChannelError(`写入发件箱 ${folder} 失败：${(e as Error).message}`, 'retryable');
    }
  }
}
