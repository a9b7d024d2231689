// What `siyu check-image FILE…` does (its definition is check-image.ts): the R08 image check —
// before/after composites, retouching traces, reuse of library images, plus an ELA heat-map per file.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { checkImages, type ImageCheckReport, type ImageFinding } from '../../check/image/index.ts';
import type { Verdict } from '../../domain/types.ts';
import { SEVERITY_LABELS } from '../../domain/types.ts';
import type { CliContext } from '../context.ts';
import { workspaceDir } from '../context.ts';
import { DEFAULT_ELA_DIR, type CheckImageOptions } from './check-image.ts';
import { out } from './run.ts';

const VERDICT_WORDS: Readonly<Record<Verdict, string>> = { pass: '通过', review: '需审核', block: '禁止' };

/** --library, else <workspace>/image-library when there is a workspace and it has one; else none.
 *  Finds the workspace the way `siyu check` does: only when one was named or ./workspace exists. */
function libraryFor(ctx: CliContext, opts: CheckImageOptions): string | undefined {
  if (opts.library) return opts.library;
  if (!ctx.opts.workspace && !process.env.SIYU_WORKSPACE && !existsSync('workspace')) return undefined;
  const dir = path.join(workspaceDir(ctx.opts), 'image-library');
  return existsSync(dir) ? dir : undefined;
}

function evidenceLine(f: ImageFinding): string {
  const e = f.evidence;
  if ('split' in e) {
    const bars = e.dividers.length > 0 ? `，分隔条 ${e.dividers.map((d) => `${Math.round(d * 100)}%`).join('、')}` : '，无分隔条';
    return `${e.split === 'vertical' ? '左右' : '上下'}拼接 ${e.panels} 格，相似度 ${e.similarity.toFixed(2)}${bars}`;
  }
  if ('match' in e) return `图片库 ${e.match}，哈希距离 ${e.distance}`;
  return `${e.software ?? e.trace}：${e.field} = ${e.value}`;
}

export function renderImageReport(r: ImageCheckReport): string {
  if (r.error) return `【无法检查】${r.file}\n  ${r.error}`;
  const lines = [`【${VERDICT_WORDS[r.verdict]}】${r.file}`];
  if (r.findings.length === 0) lines.push('  未发现问题');
  for (const f of r.findings) {
    lines.push(`  · ${f.rule}（${SEVERITY_LABELS[f.severity]}）${f.explanation}`);
    lines.push(`    依据：${f.basis}`);
    lines.push(`    建议：${f.suggestion}`);
    lines.push(`    证据：${evidenceLine(f)}`);
  }
  if (r.elaHeatmap) lines.push(`  ELA 热力图：${r.elaHeatmap}（仅供人工参考，不影响结论）`);
  return lines.join('\n');
}

function summary(reports: ImageCheckReport[]): string {
  const n = (v: Verdict) => reports.filter((r) => !r.error && r.verdict === v).length;
  const errors = reports.filter((r) => r.error).length;
  return `共检查 ${reports.length} 张图片：通过 ${n('pass')}，需审核 ${n('review')}，禁止 ${n('block')}，无法检查 ${errors}`;
}

export async function runCheckImage(ctx: CliContext, opts: CheckImageOptions, files: string[]): Promise<void> {
  const reports = await checkImages(files, {
    libraryDir: libraryFor(ctx, opts),
    elaDir: opts.elaDir ?? DEFAULT_ELA_DIR,
    onWarning: (m) => process.stderr.write(`警告：${m}\n`),
    onReport: (r) => out(opts.json ? JSON.stringify(r) : `${renderImageReport(r)}\n`),
  });
  if (!opts.json) out(summary(reports));
  const errors = reports.filter((r) => r.error).length;
  if (errors > 0) process.stderr.write(`有 ${errors} 个文件无法检查（见上方说明），其余文件已检查\n`);
  if (reports.some((r) => r.verdict === 'block')) process.exitCode = 1;
}
