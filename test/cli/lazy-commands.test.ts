// Each command loads only what it needs: `siyu --help` no command code, `siyu card` none of the
// database, LLM or queue packages. The commands run with record-modules.mjs, which logs every module
// the process resolves; the last block shows that log does see those packages when a command needs
// them, so the other checks cannot pass for want of seeing anything.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const execFileP = promisify(execFile);
const BIN = path.resolve('bin/siyu.mjs');
const RECORDER = path.resolve('test/cli/record-modules.mjs');

/** Packages no card needs: database, LLM, queue and logging. */
const HEAVY = ['@langchain/core', '@langchain/openai', 'openai', '@prisma/client', '@electric-sql/pglite', 'bullmq', 'ioredis', 'pg', 'pino'];

let dir: string;
let runs = 0;

interface Loaded {
  code: number;
  stderr: string;
  /** Package names (`@scope/name` or `name`) of the modules loaded from node_modules. */
  packages: Set<string>;
  /** Project modules as paths under src/ (e.g. `card/render.ts`), from the sources or the compiled copy. */
  sources: Set<string>;
}

/** Runs `siyu args…` in a folder without a workspace, recording the modules it loads. */
async function loadedBy(args: string[], env: NodeJS.ProcessEnv = {}): Promise<Loaded> {
  const log = path.join(dir, `modules-${++runs}.log`);
  const base: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: '', SIYU_MODULE_LOG: log };
  for (const k of Object.keys(base)) if (k === 'SIYU_WORKSPACE' || k.startsWith('SIYU_LLM_')) delete base[k];
  let code = 0;
  let stderr = '';
  try {
    ({ stderr } = await execFileP(process.execPath, ['--import', RECORDER, BIN, ...args], { cwd: dir, env: { ...base, ...env }, timeout: 60_000 }));
  } catch (e) {
    ({ code, stderr } = e as { code: number; stderr: string });
  }
  const urls = new Set((await readFile(log, 'utf8')).split('\n').filter(Boolean));
  const packages = new Set<string>();
  const sources = new Set<string>();
  for (const url of urls) {
    if (!url.startsWith('file:')) continue;
    const compiled = /\/node_modules\/\.cache\/siyu-runtime\/[^/]+\/(.+)\.js$/.exec(url);
    const source = new RegExp(`^${new URL('../../src/', import.meta.url).href}(.+)\\.ts$`).exec(url);
    const pkg = /\/node_modules\/((?:@[^/]+\/)?[^/.][^/]*)\//.exec(url);
    if (compiled) sources.add(`${compiled[1]}.ts`);
    else if (source) sources.add(`${source[1]}.ts`);
    else if (pkg) packages.add(pkg[1]!);
  }
  return { code, stderr, packages, sources };
}

/** Modules the command definitions import for their help text and option checks: limits only. */
const LIMIT_MODULES = ['card/sizes.ts', 'card/errors.ts', 'check/rewrite-rounds.ts', 'plan/limits.ts'];
const beyondLimits = (sources: string[]) => sources.filter((s) => !LIMIT_MODULES.includes(s));
const under = (sources: Set<string>, folders: string[]) => [...sources].filter((s) => folders.some((f) => s.startsWith(`${f}/`)));

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'siyu-lazy-'));
  await writeFile(path.join(dir, 'kc.json'), JSON.stringify({ title: '水光针术后护理', points: ['术后6小时内不要沾水', '一周内避免化妆', '注意防晒', '多喝水'] }));
  await writeFile(path.join(dir, 'small.txt'), '本院水光针效果最好，百分百安全无副作用。\n');
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

// The compiled copy of src/ (the default) and the sources through tsx.
describe.each([{ runtime: 'default' }, { runtime: 'tsx' }])('with the $runtime runtime', ({ runtime }) => {
  const env = runtime === 'tsx' ? { SIYU_RUNTIME: 'tsx' } : {};

  it('siyu card loads the card code and none of the database, LLM or queue packages', async () => {
    const out = `kc-${runtime}.png`;
    const r = await loadedBy(['card', '--template', 'knowledge_card', '--data', 'kc.json', '--out', out], env);
    expect(r.code, r.stderr).toBe(0);
    expect((await stat(path.join(dir, out))).size).toBeGreaterThan(1000);
    expect(r.sources).toContain('card/render.ts');
    expect(HEAVY.filter((p) => r.packages.has(p))).toEqual([]);
    expect(beyondLimits(under(r.sources, ['db', 'check', 'plan', 'review', 'schedule', 'publish/worker', 'media']))).toEqual([]);
  });

  it('siyu --help loads only the definitions: no card, check or database code', async () => {
    const r = await loadedBy(['--help'], env);
    expect(r.code, r.stderr).toBe(0);
    expect(r.sources).toContain('cli/main.ts');
    expect(r.sources).toContain('cli/commands/card.ts');
    expect(r.packages).toContain('commander');
    // Beyond the definitions only the small modules holding the limits their help text shows.
    expect(beyondLimits(under(r.sources, ['card', 'check', 'db', 'draft', 'plan', 'review', 'schedule', 'workspace', 'media', 'demo']))).toEqual([]);
    expect([...r.sources].filter((s) => s.endsWith('-action.ts'))).toEqual([]);
    expect(HEAVY.filter((p) => r.packages.has(p))).toEqual([]);
  });
});

describe('the module log sees what a command does load', () => {
  it('siyu check loads the rule engine but no LLM code; --rewrite loads the LLM packages', async () => {
    const plain = await loadedBy(['check', 'small.txt']);
    expect(plain.code, plain.stderr).toBe(0);
    expect(plain.sources).toContain('check/index.ts');
    expect(['@langchain/core', '@langchain/openai', 'openai', 'bullmq', 'ioredis'].filter((p) => plain.packages.has(p))).toEqual([]);

    // No SIYU_LLM_* settings: it stops after loading the rewrite code, naming the variables.
    const rewrite = await loadedBy(['check', '--rewrite', 'small.txt']);
    expect(rewrite.code).toBe(1);
    expect(rewrite.stderr).toContain('SIYU_LLM_BASE_URL');
    expect(rewrite.sources).toContain('check/rewrite.ts');
    expect(rewrite.packages).toContain('@langchain/core');
    expect(rewrite.packages).toContain('openai');
  });

  it('a database command loads the database packages, a queue command the queue packages', async () => {
    // Nothing listens on port 1: the command fails at once, after loading the database code.
    const db = await loadedBy(['audit'], { DATABASE_URL: 'postgresql://siyu@127.0.0.1:1/none' });
    expect(db.code).toBe(1);
    expect(db.stderr).toContain('无法连接 PostgreSQL');
    for (const p of ['@prisma/client', '@electric-sql/pglite', 'pg']) expect(db.packages).toContain(p);

    const queue = await loadedBy(['calendar', '--workspace', 'no-such-workspace']);
    expect(queue.code).toBe(1);
    expect(queue.stderr).toContain('找不到工作区目录');
    for (const p of ['bullmq', 'ioredis']) expect(queue.packages).toContain(p);
  });
});
