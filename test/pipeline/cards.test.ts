// Card drafts through the pipeline on the embedded database: planned → rendered into the media
// store → edited (rendered again) → approved → scheduled → published into the outbox with the PNG.
// Also: image findings block or need a sign-off, a render failure fails the draft, and a missing or
// changed image fails publishing permanently.
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CardError } from '../../src/card/errors.ts';
import { CardRenderPool, type CardRendering } from '../../src/card/pool.ts';
import type { CardRenderRequest, RenderedCard } from '../../src/card/types.ts';
import { loadChecker } from '../../src/check/index.ts';
import { checkForWith } from '../../src/cli/context.ts';
import type { CardFields, MediaRef } from '../../src/domain/types.ts';
import { mediaOf, type CardStage } from '../../src/draft/card-images.ts';
import { TemplateDrafter } from '../../src/draft/template-drafter.ts';
import { MediaStore } from '../../src/media/store.ts';
import { runPlan } from '../../src/plan/plan-service.ts';
import { channelResolver } from '../../src/publish/channels/index.ts';
import { publishEntry, type PublishDeps } from '../../src/publish/publish-entry.ts';
import { approve, edit, loadDraft, resolveUser, signOff, type Actor, type CheckFor } from '../../src/review/review-service.ts';
import { scheduleApproved } from '../../src/schedule/schedule-service.ts';
import { loadWorkspace } from '../../src/workspace/load.ts';
import type { Workspace } from '../../src/workspace/schema.ts';
import { composite, faceLike, photoLike } from '../check/image/fixtures.ts';
import { tempDatabase, type TempDatabase } from '../support/db.ts';

const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** A CardRendering of our own that returns a fixed picture, whatever the card says. */
function fixedImage(image: Buffer, format: 'png' | 'jpeg' = 'png'): CardRendering {
  return {
    async render(req: CardRenderRequest): Promise<RenderedCard> {
      const meta = await sharp(image).metadata();
      return { template: req.template, preset: 'moments_portrait', width: meta.width!, height: meta.height!, format, image: new Uint8Array(image), sha256: sha(image), warnings: [] };
    },
  };
}

describe('card drafts in the pipeline', () => {
  let db: TempDatabase;
  let ws: Workspace;
  let checkFor: CheckFor;
  let editor: Actor;
  let reviewer: Actor;
  let pool: CardRenderPool;
  let store: MediaStore;
  let stage: CardStage;
  let outbox: string;

  const plan = (from: string, cards: CardStage) => runPlan({ prisma: db.prisma, workspace: ws, from, days: 1, drafter: templateDrafter, check: checkFor(ws), actor: 'test', cards });
  let templateDrafter: TemplateDrafter;

  /** Publish deps whose clock stands at the entry's time, so it is due. */
  const depsAt = (at: Date, media = stage): PublishDeps => ({
    prisma: db.prisma,
    channelFor: channelResolver({ outboxDir: outbox }),
    checkFor,
    clock: { speed: 1, now: () => at.getTime(), realDelayUntil: () => 0 },
    workerId: 'test-worker',
    media,
  });

  /** Card drafts of a plan day, with their latest revision and its save check. */
  async function cardDrafts(day: string) {
    const drafts = await db.prisma.draft.findMany({
      where: { kind: 'card', slotKey: { startsWith: day } },
      orderBy: { slotKey: 'asc' },
      include: { revisions: { orderBy: { number: 'desc' }, take: 1, include: { checks: { include: { findings: true } } } } },
    });
    return drafts.map((d) => ({ ...d, revision: d.revisions[0], findings: d.revisions[0]?.checks[0]?.findings ?? [] }));
  }

  async function approveScheduleAndPublish(draftId: string, deps?: (at: Date) => PublishDeps) {
    const { scheduled } = await scheduleApproved(db.prisma, { channel: 'outbox', actor: editor.handle, draftIds: [draftId] });
    expect(scheduled).toHaveLength(1);
    const entry = await db.prisma.calendarEntry.findUniqueOrThrow({ where: { id: scheduled[0]!.entryId } });
    return { entry, outcome: await publishEntry((deps ?? depsAt)(entry.publishAt), entry.id) };
  }

  beforeAll(async () => {
    db = await tempDatabase();
    ws = await loadWorkspace('examples/workspace');
    checkFor = checkForWith(await loadChecker());
    templateDrafter = await TemplateDrafter.load();
    await db.prisma.user.create({ data: { handle: 'li.editor', displayName: '李编辑', role: 'editor' } });
    await db.prisma.user.create({ data: { handle: 'wang.review', displayName: '王审核', role: 'reviewer' } });
    editor = await resolveUser(db.prisma, 'li.editor');
    reviewer = await resolveUser(db.prisma, 'wang.review');
    pool = new CardRenderPool({ threads: 1 });
    store = new MediaStore(await mkdtemp(path.join(tmpdir(), 'siyu-media-')));
    outbox = await mkdtemp(path.join(tmpdir(), 'siyu-outbox-'));
    stage = { rendering: pool, store, workspaceDir: ws.dir };
  });
  afterAll(async () => {
    await pool?.close();
    await db?.close();
  });

  it('renders card drafts when planned, again when edited, and publishes the image with the item', async () => {
    const summary = await plan('2026-12-01', stage);
    const cards = await cardDrafts('2026-12-01');
    const rendered = cards.filter((c) => mediaOf(c.revision).length > 0);
    expect(rendered.length).toBeGreaterThan(0);
    expect(summary.cards.rendered).toBe(rendered.length);
    // Every rendered card is a PNG in the store whose bytes hash to the recorded sha256.
    for (const c of rendered) {
      const [m] = mediaOf(c.revision) as [MediaRef];
      expect(m.path).toBe(`${m.sha256}.png`);
      const bytes = await readFile(store.fileOf(m.path));
      expect(sha(bytes)).toBe(m.sha256);
      expect(await sharp(bytes).metadata()).toMatchObject({ format: 'png', width: m.width, height: m.height });
      // A clean card passes the image check: no image findings.
      expect(c.findings.filter((f) => f.media)).toEqual([]);
    }
    // Cards that cannot be drawn are failed drafts with the renderer's reason, not a crash.
    for (const c of cards.filter((x) => x.status === 'failed')) expect(c.failureReason).toMatch(/^卡片图片生成失败：/);
    expect(rendered.length + cards.filter((x) => x.status === 'failed').length).toBe(cards.length);

    // An edit of the card renders it again: a new revision with a new image.
    const target = rendered.find((c) => c.status === 'in_review' && c.findings.length === 0)!;
    expect(target).toBeDefined();
    const before = mediaOf(target.revision)[0]!;
    const r = await edit(db.prisma, editor, target.id, target.revision!.text, checkFor, { card: { title: '周末的小记录' }, cards: stage });
    expect(r).toMatchObject({ revision: 2, status: 'in_review' });
    expect(r.result.verdict).toBe('pass');
    const after = r.media[0]!;
    expect(after.sha256).not.toBe(before.sha256);
    expect(sha(await readFile(store.fileOf(after.path)))).toBe(after.sha256);
    const { revision } = await loadDraft(db.prisma, target.id);
    expect(revision!.number).toBe(2);
    expect((revision!.card as unknown as CardFields).title).toBe('周末的小记录');
    expect(mediaOf(revision)[0]!.sha256).toBe(after.sha256);

    expect(await approve(db.prisma, editor, target.id)).toBe('approved');
    const { entry, outcome } = await approveScheduleAndPublish(target.id);
    expect(outcome.status).toBe('published');
    // The outbox folder holds the JSON and, next to it, the very PNG that was approved.
    const day = path.join(outbox, '2026-12-01');
    const files = (await readdir(day)).filter((f) => f.includes(entry.id));
    const png = files.find((f) => f.endsWith('.png'))!;
    expect(files.sort()).toEqual([png.replace(/_1\.png$/, '.json'), png].sort());
    expect(sha(await readFile(path.join(day, png)))).toBe(after.sha256);
    const body = JSON.parse(await readFile(path.join(day, png.replace(/_1\.png$/, '.json')), 'utf8'));
    expect(body.media).toEqual([png]);
    expect(body.card.title).toBe('周末的小记录');
    const receipt = await db.prisma.publishReceipt.findUniqueOrThrow({ where: { entryId: entry.id } });
    expect(receipt.payloadHash).toBe(sha(Buffer.from(JSON.stringify({ text: body.text, card: body.card, media: [after.sha256] }))));
  });

  it('shows the renderer warnings with the revision', async () => {
    const target = (await cardDrafts('2026-12-01')).find((c) => c.status === 'in_review' && (c.revision?.card as unknown as CardFields).template === 'knowledge_card');
    expect(target).toBeDefined();
    const long = '换季护理要注意的事情很多，每个人的情况都不一样，'.repeat(6);
    const r = await edit(db.prisma, editor, target!.id, target!.revision!.text, checkFor, { card: { title: long.slice(0, 60) }, cards: stage });
    expect(r.warnings.join('')).toContain('截断');
    const { revision } = await loadDraft(db.prisma, target!.id);
    expect(revision!.renderWarnings).toEqual(r.warnings);
  });

  it('fails a card draft whose card cannot be rendered, with the reason, and recovers on an edit', async () => {
    const broken: CardStage = { ...stage, rendering: { render: async () => Promise.reject(new CardError('卡片版式有错误', ['templates/cards/layouts/x.hbs：第 3 行出错'])) } };
    const summary = await plan('2026-12-02', broken);
    const cards = await cardDrafts('2026-12-02');
    expect(cards.length).toBeGreaterThan(0);
    for (const c of cards) {
      expect(c.status).toBe('failed');
      expect(c.failureReason).toBe('卡片图片生成失败：卡片版式有错误；templates/cards/layouts/x.hbs：第 3 行出错');
      // The words are kept so an editor can fix them; there is no image.
      expect(c.revision?.card).toBeTruthy();
      expect(mediaOf(c.revision)).toEqual([]);
    }
    expect(summary.failed.map((f) => f.key)).toEqual(expect.arrayContaining(cards.map((c) => c.slotKey)));
    await expect(approve(db.prisma, editor, cards[0]!.id)).rejects.toThrow(/生成失败/);

    // An edit with a working renderer draws it; an edit naming a layout that does not exist fails again.
    const fixed = await edit(db.prisma, editor, cards[0]!.id, cards[0]!.revision!.text, checkFor, { cards: stage });
    if (fixed.status === 'failed') expect(fixed.failure).toMatch(/^卡片图片生成失败：卡片 \w+ 的数据有错误/);
    else expect(fixed.media).toHaveLength(1);
    const bad = await edit(db.prisma, editor, cards[0]!.id, cards[0]!.revision!.text, checkFor, { card: { template: 'no_such_layout' }, cards: stage });
    expect(bad).toMatchObject({ status: 'failed', media: [] });
    expect(bad.failure).toContain('没有名为 no_such_layout 的卡片模板');
    const draft = await db.prisma.draft.findUniqueOrThrow({ where: { id: cards[0]!.id } });
    expect(draft).toMatchObject({ status: 'failed', failureReason: bad.failure });
  });

  it('fails the cards, naming the file, when the brand logo or a persona photo cannot be read', async () => {
    const files = new Set(await readdir(store.dir));
    const original = ws;
    ws = { ...original, brand: { ...original.brand, logo: 'assets/no-such-logo.png' } };
    try {
      await plan('2026-12-05', stage);
    } finally {
      ws = original;
    }
    const cards = (await cardDrafts('2026-12-05')).filter((c) => c.revision);
    expect(cards.length).toBeGreaterThan(0);
    // (A card whose fields are already wrong fails on those first.)
    for (const c of cards) expect(c).toMatchObject({ status: 'failed', failureReason: expect.stringMatching(/^卡片图片生成失败：/) });
    const logo = cards.filter((c) => /^卡片图片生成失败：机构标志图片无法读取：.*no-such-logo\.png（文件不存在）$/.test(c.failureReason!));
    expect(logo.length).toBeGreaterThan(cards.length / 2);
    // No image (and no temporary file) was left in the store.
    expect((await readdir(store.dir)).filter((f) => !files.has(f))).toEqual([]);

    const withPhoto = { ...original, personas: original.personas.map((p) => ({ ...p, avatar: 'photos/missing.jpg' })) };
    ws = withPhoto;
    try {
      await plan('2026-12-06', stage);
    } finally {
      ws = original;
    }
    const quotes = (await cardDrafts('2026-12-06')).filter((c) => (c.revision?.card as unknown as CardFields | undefined)?.template === 'quote_card');
    expect(quotes.length).toBeGreaterThan(0);
    for (const c of quotes) expect(c.failureReason).toMatch(/无法读取：.*photos\/missing\.jpg（文件不存在）/);
  });

  it('blocks a card whose image is a before/after composite, with the finding stored against the image', async () => {
    const beforeAfter = await composite(await faceLike(), { split: 'vertical', bar: 8, afterBrightness: 1.1 });
    await plan('2026-12-03', { ...stage, rendering: fixedImage(beforeAfter) });
    const cards = (await cardDrafts('2026-12-03')).filter((c) => mediaOf(c.revision).length > 0);
    expect(cards.length).toBeGreaterThan(0);
    for (const c of cards) {
      expect(c.revision!.checks[0]!.verdict).toBe('block');
      const image = c.findings.filter((f) => f.media);
      expect(image).toHaveLength(1);
      expect(image[0]).toMatchObject({ rule: 'R08-before-after', severity: 'block', start: 0, end: 0, media: sha(beforeAfter), evidence: { split: 'vertical', panels: 2 } });
      expect(image[0]!.basis).toContain('《医疗美容广告执法指南》');
    }
    await expect(approve(db.prisma, editor, cards[0]!.id)).rejects.toThrow(/R08-before-after/);
  });

  it('needs a reviewer to sign off a review-level image finding, and then publishes', async () => {
    const retouched = await sharp(await photoLike(1080, 1440, 41)).jpeg().withExif({ IFD0: { Software: 'Adobe Photoshop 25.0' } }).toBuffer();
    const retouchStage = { ...stage, rendering: fixedImage(retouched, 'jpeg') };
    await plan('2026-12-04', retouchStage);
    const c = (await cardDrafts('2026-12-04')).find((x) => x.findings.length === 1 && x.findings[0]!.media)!;
    expect(c).toBeDefined();
    expect(c.findings[0]).toMatchObject({ rule: 'R08-retouched', severity: 'review', media: sha(retouched) });
    expect(mediaOf(c.revision)[0]!.path).toBe(`${sha(retouched)}.jpg`);
    expect(await approve(db.prisma, editor, c.id)).toBe('awaiting_signoff');
    expect(await signOff(db.prisma, reviewer, c.id, c.findings[0]!.id, '图片为诊所环境照，非效果图')).toBe('approved');
    // The publish-time recheck finds the same image finding again and accepts the sign-off.
    const { outcome } = await approveScheduleAndPublish(c.id, (at) => depsAt(at, retouchStage));
    expect(outcome.status).toBe('published');
  });

  it('fails publishing permanently when the approved image is missing or changed', async () => {
    const candidates = (await cardDrafts('2026-12-01')).filter((c) => c.status === 'in_review' && c.findings.length === 0 && mediaOf(c.revision).length > 0);
    expect(candidates.length).toBeGreaterThanOrEqual(2);
    const [gone, changed] = candidates as [(typeof candidates)[0], (typeof candidates)[0]];
    for (const c of [gone, changed]) expect(await approve(db.prisma, editor, c.id)).toBe('approved');

    await rm(store.fileOf(mediaOf(gone.revision)[0]!.path));
    const first = await approveScheduleAndPublish(gone.id);
    expect(first.outcome).toMatchObject({ status: 'failed', retry: false });
    expect((first.outcome as { reason: string }).reason).toMatch(/^无法发布：卡片图片 .+ 不存在/);
    expect(await db.prisma.calendarEntry.findUniqueOrThrow({ where: { id: first.entry.id } })).toMatchObject({ status: 'failed' });
    const attempt = await db.prisma.publishAttempt.findFirstOrThrow({ where: { entryId: first.entry.id } });
    expect(attempt).toMatchObject({ outcome: 'failed' });
    expect(attempt.error).toContain('不存在');

    await writeFile(store.fileOf(mediaOf(changed.revision)[0]!.path), 'not the approved image');
    const second = await approveScheduleAndPublish(changed.id);
    expect(second.outcome).toMatchObject({ status: 'failed', retry: false });
    expect((second.outcome as { reason: string }).reason).toContain('已被改动');
    // Nothing of either went into the outbox.
    const day = path.join(outbox, '2026-12-01');
    const names = await readdir(day);
    expect(names.filter((n) => n.includes(first.entry.id) || n.includes(second.entry.id))).toEqual([]);
  });
});
