// What `siyu demo` does (its definition is demo.ts).
import { mkdir, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { runDemo, type DemoResult } from '../../demo/demo.ts';
import { PACKAGE_ROOT } from '../../shared/package-root.ts';
import { SiyuError } from '../../shared/errors.ts';
import { CliContext } from '../context.ts';
import { table } from '../table.ts';
import type { DemoOptions } from './demo.ts';
import { out } from './run.ts';

const DEFAULT_WORKSPACE = path.join(PACKAGE_ROOT, 'examples', 'workspace');
const DEFAULT_DEMO_DIR = path.join('.siyu', 'demo');

/** A folder the demo may fill: its own default (reset each run), or one the user gave that is empty. */
async function prepareDir(dir: string, isDefault: boolean, what: string): Promise<void> {
  if (isDefault) {
    await rm(dir, { recursive: true, force: true });
  } else {
    const entries = await readdir(dir).catch((e: NodeJS.ErrnoException) => (e.code === 'ENOENT' ? [] : Promise.reject(e)));
    if (entries.length > 0) throw new SiyuError(`${what}目录 ${path.resolve(dir)} 不是空的；演示需要一个空目录，以免覆盖已有数据`);
  }
  await mkdir(dir, { recursive: true });
}

export async function runDemoCommand(opts: DemoOptions): Promise<void> {
  const data = opts.data ?? path.join(DEFAULT_DEMO_DIR, 'data');
  const outbox = opts.out ?? path.join(DEFAULT_DEMO_DIR, 'outbox');
  await prepareDir(data, opts.data === undefined, '数据库');
  await prepareDir(outbox, opts.out === undefined, '发件箱');
  if (process.env.DATABASE_URL) out('提示：演示总是使用内嵌数据库，忽略 DATABASE_URL');
  const ctx = new CliContext({ data, workspace: opts.workspace ?? DEFAULT_WORKSPACE, embedded: true, ...(opts.media ? { media: opts.media } : {}) });
  // The demo's own card images (.siyu/demo/media next to its data) are reset with its data.
  if (opts.data === undefined && !opts.media && !process.env.SIYU_MEDIA_DIR?.trim()) await prepareDir((await ctx.media()).dir, true, '卡片图片');
  try {
    const result = await runDemo(ctx, { days: opts.days, outbox, ...(opts.speed ? { speed: opts.speed } : {}), targetSeconds: 30, say: out });
    printSummary(result, outbox);
  } finally {
    await ctx.close();
  }
}

function printSummary(r: DemoResult, outbox: string): void {
  const s = r.summary;
  const rows = (pairs: [string, number][]) => pairs.map(([k, v]) => [k, v]);
  out('');
  out('==================== 演示汇总 ====================');
  out(table(['按类型', '篇数'], rows(s.byKind)));
  out(table(['按内容类型', '篇数'], rows(s.byContentType)));
  out(table(['按人设', '篇数'], rows(s.byPersona)));
  out(table(['按客户分层', '篇数'], rows(s.bySegment)));
  out(table(['合规问题（按规则）', '处数'], s.findingsByRule.length > 0 ? rows(s.findingsByRule) : [['（无）', 0]]));
  out(
    table(
      ['草稿总数', '生成失败', '直接通过', '留待审核', '已发布'],
      [[s.total, s.failed, s.approved, s.held, r.redis ? s.published : '未发布（无 Redis）']],
    ),
  );
  out(`卡片图片：${s.cardImages} 篇卡片草稿带图片${r.redis ? `，其中 ${s.cardImagesPublished} 张已随条目发布（PNG 与条目的 JSON 放在同一文件夹）` : ''}`);
  if (r.redis) out(`发件箱：${path.resolve(outbox)}`);
}
