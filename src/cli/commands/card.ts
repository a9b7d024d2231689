// `siyu card`: renders one card for a person — template + JSON data → PNG/JPEG — with the
// workspace's brand when there is one. The definition only; card-action.ts does the work.
import type { Command } from 'commander';
import { CARD_SIZE_NAMES } from '../../card/sizes.ts';
import { intArg, withContext } from './run.ts';

export interface CardOptions {
  template?: string;
  data?: string;
  out?: string;
  size?: string;
  format?: string;
  quality?: number;
  list?: boolean;
}


export function registerCard(program: Command): void {
  program
    .command('card')
    .description('生成一张图文卡片：按卡片模板和 JSON 数据画出 PNG 或 JPEG。有工作区时使用机构的配色、标志和字体。')
    .option('--template <name>', '卡片模板名（--list 查看全部）')
    .option('--data <file.json>', '卡片数据（JSON 对象，字段见 --list；图片路径相对这个文件）')
    .option('--out <file>', '输出文件（.png、.jpg 或 .jpeg）')
    .option('--size <size>', `尺寸：宽x高（例如 1080x1440）或尺寸名（${CARD_SIZE_NAMES.join('、')}）；默认模板的第一个尺寸`)
    .option('--format <format>', '图片格式 png 或 jpeg（默认按输出文件扩展名）')
    .option('--quality <n>', 'JPEG 质量 1–100（默认 85）', intArg(1, 100))
    .option('--list', '列出卡片模板、字段和尺寸')
    .action(withContext<CardOptions>(async (ctx, opts) => (await import('./card-action.ts')).runCard(ctx, opts)));
}
