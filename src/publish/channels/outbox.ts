// The outbox channel: each item becomes a JSON file (plus its media) in a folder per local day, the
// way an editor hands the day's posts to the consultants who post them by hand.
import { access, copyFile, mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
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
      await mkdir(folder, { recursive: true });
      const media: string[] = [];
      for (const [i, m] of item.media.entries()) {
        // Copied under a temporary name and renamed, like the JSON: never a partial image.
        const name = `${base}_${i + 1}${path.extname(m.path)}`;
        const target = path.join(folder, name);
        await copyFile(m.path, `${target}.tmp`);
        await rename(`${target}.tmp`, target);
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
      // Write then rename, so a reader (or lookup) never sees half a file.
      const file = path.join(folder, `${base}.json`);
      const tmp = `${file}.tmp`;
      await writeFile(tmp, `${JSON.stringify(body, null, 2)}\n`, 'utf8');
      await rename(tmp, file);
      return { externalId: base, location: file };
    } catch (e) {
      throw new ChannelError(`写入发件箱 ${folder} 失败：${(e as Error).message}`, 'retryable');
    }
  }
}
