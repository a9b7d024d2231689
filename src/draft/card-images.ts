// Card drafts in the pipeline: a draft's card fields → the layout's declared fields → a rendered
// PNG in the media store, and the image check (src/check/image) on what was stored. Used when a
// plan drafts cards, when an editor edits one, and (the check only) when the worker publishes.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { cardBrandFor } from '../card/brand.ts';
import { CardRenderPool, type CardRendering } from '../card/pool.ts';
import { loadCardTemplates, type CardTemplates } from '../card/template/load.ts';
import { checkImages, type ImageCheckReport } from '../check/image/index.ts';
import type { CardFields, CheckResult, DraftCheck, MediaFinding, MediaRef, Verdict } from '../domain/types.ts';
import { isSiyuError } from '../shared/errors.ts';
import { MediaStore, mediaDirFor } from '../media/store.ts';
import type { Brand, Persona } from '../workspace/schema.ts';

export type { CardRendering } from '../card/pool.ts';

/** What the image check needs: the store the revision's files are in, and the known images. */
export interface MediaChecking {
  store: MediaStore;
  /** Known images (stock, already posted) for the reuse check; none → no reuse check. */
  libraryDir?: string | undefined;
}

/** What rendering a card draft needs. */
export interface CardStage extends MediaChecking {
  rendering: CardRendering;
  /** The workspace folder: logo, font and avatar paths are relative to it. */
  workspaceDir: string;
  /** Field names a layout declares (undefined: no such layout); default: templates/cards/layouts. */
  layoutFields?: ((template: string) => Promise<readonly string[] | undefined>) | undefined;
}

export type CardRenderOutcome = { ok: true; media: MediaRef[]; warnings: string[] } | { ok: false; reason: string };

/** Who the card speaks for: quote cards show the persona's name, role and photo. */
export interface CardOwner {
  brand: Brand;
  persona?: Pick<Persona, 'name' | 'role' | 'avatar'> | undefined;
}

/** The layout loader's default folder (templates/), for callers that read layouts themselves. */
export { DEFAULT_CARD_TEMPLATES_DIR } from '../card/template/load.ts';

/** Layout fields filled from the persona (see layoutData), never written by a drafter. */
export const PERSONA_CARD_FIELDS = ['name', 'role', 'avatar'] as const;

let layouts: Promise<CardTemplates> | undefined;

/** The layouts in templates/cards/layouts, read once per process (again after a failed read). */
export async function defaultCardTemplates(): Promise<CardTemplates> {
  layouts ??= loadCardTemplates();
  try {
    return await layouts;
  } catch (e) {
    layouts = undefined; // a fixed layout file is picked up on the next call
    throw e;
  }
}

/** Declared field names of a layout in templates/cards/layouts (read once per process). */
export async function defaultLayoutFields(template: string): Promise<readonly string[] | undefined> {
  const t = (await defaultCardTemplates()).get(template);
  return t ? Object.keys(t.fields) : undefined;
}

/** <workspace>/image-library when it exists. */
export function libraryDirOf(workspaceDir: string | undefined): string | undefined {
  if (!workspaceDir) return undefined;
  const dir = path.join(workspaceDir, 'image-library');
  return existsSync(dir) ? dir : undefined;
}

let sharedPool: CardRenderPool | undefined;

/** A process-wide pool, made on first use, for callers that pass no CardRendering. It never needs
 *  closing: piscina unrefs idle threads, so they do not keep the process alive. */
export function defaultCardRendering(): CardRendering {
  sharedPool ??= new CardRenderPool();
  return sharedPool;
}

/** The stage used when a caller gives none: the shared pool, SIYU_MEDIA_DIR or .siyu/media. */
export function defaultCardStage(workspaceDir: string): CardStage {
  return {
    rendering: defaultCardRendering(),
    store: new MediaStore(mediaDirFor({ embedded: false })),
    workspaceDir,
    libraryDir: libraryDirOf(workspaceDir),
  };
}

/**
 * The data a layout is rendered from: each field the layout declares, taken from the card's own
 * fields and the persona (name, role, avatar resolved against the workspace). Only declared fields
 * are passed — validation is strict. An unknown layout gets the card's fields as they are, so the
 * renderer names the layouts there are.
 */
export function layoutData(card: CardFields, declared: readonly string[] | undefined, owner: CardOwner, workspaceDir: string): Record<string, unknown> {
  const { template: _template, ...own } = card;
  const persona = owner.persona;
  const source: Record<string, unknown> = {
    ...own,
    ...(persona ? { name: persona.name, role: persona.role } : {}),
    ...(persona?.avatar ? { avatar: path.resolve(workspaceDir, persona.avatar) } : {}),
  };
  if (!declared) return own;
  const out: Record<string, unknown> = {};
  for (const name of declared) if (source[name] !== undefined && source[name] !== null) out[name] = source[name];
  return out;
}

/** A card error as one Chinese line: the message and its details. */
export function describeCardError(e: unknown): string {
  if (isSiyuError(e)) return [e.message, ...e.details].join('；');
  return (e as Error)?.message ?? String(e);
}

/** Renders a draft's card and stores the image; a failure is an outcome with a Chinese reason. */
export async function renderCard(stage: CardStage, card: CardFields, owner: CardOwner): Promise<CardRenderOutcome> {
  try {
    const declared = await (stage.layoutFields ?? defaultLayoutFields)(card.template);
    const rendered = await stage.rendering.render({
      template: card.template,
      fields: layoutData(card, declared, owner, stage.workspaceDir),
      brand: cardBrandFor(owner.brand, stage.workspaceDir),
      format: 'png',
      baseDir: stage.workspaceDir,
    });
    const stored = await stage.store.put(rendered.image, rendered.format);
    const media: MediaRef = { path: stored.path, sha256: stored.sha256, width: rendered.width, height: rendered.height, format: rendered.format, preset: rendered.preset };
    return { ok: true, media: [media], warnings: rendered.warnings };
  } catch (e) {
    return { ok: false, reason: `卡片图片生成失败：${describeCardError(e)}` };
  }
}

export interface MediaCheck {
  verdict: Verdict;
  findings: MediaFinding[];
}

const shortName = (sha256: string) => `卡片图片 ${sha256.slice(0, 8)}`;

function findingsOf(ref: Pick<MediaRef, 'sha256'>, report: ImageCheckReport): MediaFinding[] {
  if (report.error) {
    // checkImages calls an unreadable image `block`; say so, so the block has a reason a person sees.
    return [
      {
        media: ref.sha256,
        rule: 'R08-unchecked',
        category: 'R08',
        severity: 'block',
        match: shortName(ref.sha256),
        basis: '无法确认图片中没有患者形象或效果对比，按禁止处理',
        explanation: report.error,
        suggestion: '重新编辑草稿以重新生成卡片图片',
      },
    ];
  }
  return report.findings.map((f) => ({
    media: ref.sha256,
    rule: f.rule,
    category: f.category,
    severity: f.severity,
    match: shortName(ref.sha256),
    basis: f.basis,
    explanation: f.explanation,
    suggestion: f.suggestion,
    evidence: f.evidence,
  }));
}

/**
 * Runs the image check on stored images (each distinct image once) and returns each one's
 * findings and verdict by sha256. Files are read from the store as they are: checking and
 * hash-verifying are separate steps (publishing verifies first).
 */
export async function checkMedia(deps: MediaChecking, refs: readonly MediaRef[]): Promise<Map<string, MediaCheck>> {
  const unique = [...new Map(refs.map((r) => [r.sha256, r])).values()];
  const out = new Map<string, MediaCheck>();
  if (unique.length === 0) return out;
  const reports = await checkImages(
    unique.map((r) => deps.store.fileOf(r.path)),
    deps.libraryDir ? { libraryDir: deps.libraryDir } : {},
  );
  unique.forEach((ref, i) => {
    const report = reports[i]!;
    out.set(ref.sha256, { verdict: report.verdict, findings: findingsOf(ref, report) });
  });
  return out;
}

const RANK: Readonly<Record<Verdict, number>> = { pass: 0, review: 1, block: 2 };

export function worstVerdict(...verdicts: Verdict[]): Verdict {
  return verdicts.reduce<Verdict>((a, b) => (RANK[b] > RANK[a] ? b : a), 'pass');
}

/** The text check and the checks of the revision's images as one: block > review > pass. */
export function combineChecks(text: CheckResult, media: readonly MediaRef[] = [], checks: ReadonlyMap<string, MediaCheck> = new Map()): DraftCheck {
  const images = media.map((m) => checks.get(m.sha256)).filter((c): c is MediaCheck => c !== undefined);
  const mediaFindings = images.flatMap((c) => c.findings);
  return { ...text, verdict: worstVerdict(text.verdict, ...images.map((c) => c.verdict)), mediaFindings };
}

/** The media a revision row carries (Json column), typed; [] when none. */
export function mediaOf(revision: { media?: unknown } | null | undefined): MediaRef[] {
  const m = revision?.media;
  return Array.isArray(m) ? (m as MediaRef[]) : [];
}
