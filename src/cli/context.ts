// What the commands share, opened lazily: the database, the workspace, the compliance checker and
// a drafter. Each command closes what it opened through `close()`.
// Only types are imported at the top: each getter loads its module (database, LLM, rule pack,
// card renderer) when first called, so a command pays only for what it uses.
import path from 'node:path';
import { existsSync } from 'node:fs';
import type { Database } from '../db/client.ts';
import type { Checker } from '../check/index.ts';
import type { CardRenderPool } from '../card/pool.ts';
import type { CardRenderRequest } from '../card/types.ts';
import type { CardStage, MediaChecking } from '../draft/card-images.ts';
import type { MediaStore } from '../media/store.ts';
import type { Drafter } from '../draft/drafter.ts';
import type { CheckFor } from '../review/review-service.ts';
import { SiyuError } from '../shared/errors.ts';
import type { Workspace } from '../workspace/schema.ts';

export interface GlobalOptions {
  data?: string;
  workspace?: string;
  /** Use the embedded database even when DATABASE_URL is set. */
  embedded?: boolean;
  /** Folder of the media store (rendered card images); see mediaDirFor. */
  media?: string;
}

/** The workspace folder: --workspace, SIYU_WORKSPACE, or ./workspace. */
export function workspaceDir(opts: GlobalOptions): string {
  const dir = opts.workspace ?? process.env.SIYU_WORKSPACE ?? 'workspace';
  if (!existsSync(dir)) throw new SiyuError(`找不到工作区目录 ${path.resolve(dir)}`, ['用 siyu init workspace 创建一个示例工作区，或用 --workspace 指定目录']);
  return dir;
}

export function checkForWith(checker: Checker): CheckFor {
  return (ws) => (text, contentType) =>
    checker.check(text, { brand: ws.brand, services: ws.services, contentType });
}

/** The media store's module, once media() or mediaChecking() has loaded it (it brings the
 *  database client along, for the default data folder), so that mediaStore() can stay synchronous. */
let mediaModule: typeof import('../media/store.ts') | undefined;

async function loadMediaModule(): Promise<typeof import('../media/store.ts')> {
  mediaModule ??= await import('../media/store.ts');
  return mediaModule;
}

export class CliContext {
  private db?: Database;
  private ws?: Workspace;
  private checker?: Checker;
  private pool?: CardRenderPool;

  constructor(readonly opts: GlobalOptions) {}

  async database(): Promise<Database> {
    if (!this.db) {
      const { openDatabase } = await import('../db/client.ts');
      this.db ??= await openDatabase({ ...(this.opts.data ? { dataDir: this.opts.data } : {}), ...(this.opts.embedded ? { embedded: true } : {}) });
    }
    return this.db;
  }

  async workspace(): Promise<Workspace> {
    if (!this.ws) {
      const { loadWorkspace } = await import('../workspace/load.ts');
      this.ws ??= await loadWorkspace(workspaceDir(this.opts));
    }
    return this.ws;
  }

  private hasWorkspace(): boolean {
    return Boolean(this.opts.workspace || process.env.SIYU_WORKSPACE || existsSync('workspace'));
  }

  /** The workspace when one is configured or ./workspace exists; undefined otherwise. */
  async workspaceIfAny(): Promise<Workspace | undefined> {
    if (!this.hasWorkspace()) return undefined;
    return this.workspace();
  }

  /** Only the workspace's brand (brand.yaml), when a workspace is configured or ./workspace
   *  exists: for commands that need the clinic's look, not its plan. */
  async brandIfAny(): Promise<Pick<Workspace, 'dir' | 'brand'> | undefined> {
    if (this.ws) return this.ws;
    if (!this.hasWorkspace()) return undefined;
    const { loadBrand } = await import('../workspace/load.ts');
    return loadBrand(workspaceDir(this.opts));
  }

  /** The rule pack plus the workspace's own terms and allow-list (compliance.yaml) if any. */
  async compliance(): Promise<Checker> {
    if (!this.checker) {
      const { loadChecker } = await import('../check/index.ts');
      this.checker ??= await loadChecker(undefined, (await this.workspaceIfAny())?.compliance);
    }
    return this.checker;
  }

  async checkFor(): Promise<CheckFor> {
    return checkForWith(await this.compliance());
  }

  /** Template mode unless an LLM is configured (or a mode is asked for explicitly). */
  async drafter(mode?: string): Promise<Drafter> {
    const { llmConfigFromEnv } = await import('../draft/llm-config.ts');
    const config = llmConfigFromEnv();
    const chosen = mode ?? (config ? 'llm' : 'template');
    if (chosen === 'template') return (await import('../draft/template-drafter.ts')).TemplateDrafter.load();
    if (chosen !== 'llm') throw new SiyuError(`生成模式 “${chosen}” 无效，只能是 template 或 llm`);
    if (!config) throw new SiyuError('LLM 模式需要配置 SIYU_LLM_BASE_URL、SIYU_LLM_API_KEY 和 SIYU_LLM_MODEL');
    const { LlmDrafter, probeLlm } = await import('../draft/llm-drafter.ts');
    await probeLlm(config);
    return new LlmDrafter(config);
  }

  /** The media store: --media, SIYU_MEDIA_DIR, else `media` next to the embedded data folder.
   *  Synchronous: call it after media() or mediaChecking() (cardStage()) has loaded its module. */
  mediaStore(): MediaStore {
    if (!mediaModule) throw new Error('CliContext.mediaStore() before the media store was loaded: await media() first');
    const { MediaStore, mediaDirFor } = mediaModule;
    const embedded = this.opts.embedded === true || !(process.env.DATABASE_URL ?? '').trim();
    return new MediaStore(mediaDirFor({ mediaDir: this.opts.media, dataDir: this.opts.data, embedded }));
  }

  /** mediaStore(), loading its module first. */
  async media(): Promise<MediaStore> {
    await loadMediaModule();
    return this.mediaStore();
  }

  /** What the image check of stored images needs: the store and the workspace's image-library. */
  async mediaChecking(): Promise<MediaChecking> {
    const store = await this.media();
    const { libraryDirOf } = await import('../draft/card-images.ts');
    return { store, libraryDir: libraryDirOf((await this.workspaceIfAny())?.dir) };
  }

  /** Card rendering for plan and edit: a worker pool made on the first card, closed by close(). */
  async cardStage(): Promise<CardStage> {
    const ws = await this.workspaceIfAny();
    const { CardRenderPool } = await import('../card/pool.ts');
    const rendering = { render: (req: CardRenderRequest) => (this.pool ??= new CardRenderPool()).render(req) };
    return { ...(await this.mediaChecking()), rendering, workspaceDir: ws?.dir ?? process.cwd() };
  }

  async close(): Promise<void> {
    const pool = this.pool;
    this.pool = undefined;
    try {
      await pool?.close();
    } finally {
      await this.db?.close();
      this.db = undefined;
    }
  }
}
