// `siyu check-image FILE…`: the R08 image check from the command line — before/after composites,
// retouching traces, reuse of library images, plus an ELA heat-map per file for the reviewer.
// The definition only; check-image-action.ts does the work.
import type { Command } from 'commander';
import path from 'node:path';
import { withContext } from './run.ts';

export const DEFAULT_ELA_DIR = path.join('.siyu', 'ela');

export interface CheckImageOptions {
  library?: string;
  elaDir?: string;
  json?: boolean;
}

export function registerCheckImage(program: Command): void {
  program
    .command('check-image')
    .description(
      '图片合规检查（R08）：识别术前术后对比拼图、修图软件痕迹（EXIF/XMP）、与图片库重复的图片，并为每张图生成 ELA 热力图供审核参考。' +
        '退出码：全部通过或仅需审核为 0；有禁止发布或无法检查的图片为 1。' +
        '说明：图中的“术前/术后”等文字无法识别（未做 OCR）；元数据缺失不代表未修图（微信会清除元数据）。',
    )
    .argument('<files...>', '要检查的图片文件（JPEG、PNG、WebP、GIF、TIFF、AVIF）')
    .option('--library <dir>', '已知图片库目录（图库图片、以前用过的图片；默认 工作区/image-library/）')
    .option('--ela-dir <dir>', `ELA 热力图输出目录（默认 ${DEFAULT_ELA_DIR}）`)
    .option('--json', '每个文件输出一行 JSON')
    .action(withContext<CheckImageOptions>(async (ctx, opts, files) => (await import('./check-image-action.ts')).runCheckImage(ctx, opts, files)));
}
