// What the commands share, opened lazily: the database, the workspace, the compliance checker and
// a drafter. Each command closes what it opened through `close()`.
import path from 'node:path';
import { existsSync } from 'node:fs';
import { openDatabase, type Database } from '../db/client.ts';
import { loadChecker, type Checker } from '../check/index.ts';
import { CardRenderPool } from '../card/pool.ts';
import type { CardRenderRequest } from '../card/types.ts';
import { libraryDirOf, type CardStage, type MediaChecking } from '../draft/card-images.ts';
import { MediaStore, mediaDirFor } from '../media/store.ts';
import type { Drafter } from '../draft/drafter.ts';
import { TemplateDrafter } from '../draft/template-drafter.ts';
import { LlmDrafter, probeLlm } from '../draft/llm-drafter.ts';
import { llmConfigFromEnv } from '../draft/llm-config.ts';
import type { CheckFor } from '../review/review-service.ts';
import { SiyuError } from '../shared/errors.ts';
import { loadWorkspace } from '../workspace/load.ts';
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

export class CliContext {
  private db?: Database;
  private ws?: Workspace;
  private checker?: Checker;
  private pool?: CardRenderPool;

  constructor(readonly opts: GlobalOptions) {}

  async database(): Promise<Database> {
    this.db ??= await openDatabase({ ...(this.opts.data ? { dataDir: this.opts.data } : {}), ...(this.opts.embedded ? { embedded: true } : {}) });
    return this.db;
  }

  async workspace(): Promise<Workspace> {
    this.ws ??= await loadWorkspace(workspaceDir(this.opts));
    return this.ws;
  }

  /** The workspace when one is configured or ./workspace exists; undefined otherwise. */
  async workspaceIfAny(): Promise<Workspace | undefined> {
    if (!this.opts.workspace && !process.env.SIYU_WORKSPACE && !existsSync('workspace')) return undefined;
    return this.workspace();
  }

  /** The rule pack plus the workspace's own terms and allow-list (compliance.yaml) if any. */
  async compliance(): Promise<Checker> {
    this.checker ??= await loadChecker(undefined, (await this.workspaceIfAny())?.compliance);
    return this.checker;
  }

  async checkFor(): Promise<CheckFor> {
    return checkForWith(await this.compliance());
  }

  /** Template mode unless an LLM is configured (or a mode is asked for explicitly). */
  async drafter(mode?: string): Promise<Drafter> {
    const config = llmConfigFromEnv();
    const chosen = mode ?? (config ? 'llm' : 'template');
    if (chosen === 'template') return TemplateDrafter.load();
    if (chosen !== 'llm') throw new SiyuError(`生成模式 “${chosen}” 无效，只能是 template 或 llm`);
    if (!config) throw new SiyuError('LLM 模式需要配置 SIYU_LLM_BASE_URL、SIYU_LLM_API_KEY 和 SIYU_LLM_MODEL');
    await probeLlm(config);
    return new LlmDrafter(config);
  }

  /** The media store: --media, SIYU_MEDIA_DIR, else `media` next to the embedded data folder. */
  mediaStore(): MediaStore {
    const embedded = this.opts.embedded === true || !(process.env.DATABASE_URL ?? '').trim();
    return new MediaStore(mediaDirFor({ mediaDir: this.opts.media, dataDir: this.opts.data, embedded }));
  }

  /** What the image check of stored images needs: the store and the workspace's image-library. */
  async mediaChecking(): Promise<MediaChecking> {
    return { store: this.mediaStore(), libraryDir: libraryDirOf((await this.workspaceIfAny())?.dir) };
  }

  /** Card rendering for plan and edit: a worker pool made on the first card, closed by close(). */
  async cardStage(): Promise<CardStage> {
    const ws = await this.workspaceIfAny();
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
