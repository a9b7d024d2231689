// The `siyu` command. Every message a person reads is Chinese; failures print one clear message
// and exit non-zero without a stack trace (set SIYU_DEBUG=1 for one).
import { Command, CommanderError } from 'commander';
import { isSiyuError } from '../shared/errors.ts';
import { registerCommands } from './commands/index.ts';
import { translateCommanderError } from './commander-zh.ts';

const program = new Command('siyu')
  .description('私域内容运营工具：按人设和客户分层生成朋友圈、社群话题和图文卡片，合规审核后按日历发布')
  .option('--data <dir>', '内嵌数据库目录（默认 .siyu/data；设置 DATABASE_URL 则使用 PostgreSQL）')
  .option('--workspace <dir>', '工作区目录（默认 ./workspace 或 SIYU_WORKSPACE）')
  .option('--media <dir>', '卡片图片存储目录（默认 SIYU_MEDIA_DIR；内嵌数据库时为数据目录旁的 media，如 .siyu/media）')
  .helpOption('-h, --help', '显示帮助')
  .helpCommand('help [command]', '显示某个命令的帮助')
  .exitOverride()
  // commander's own English error line is dropped; the catch below prints it in Chinese.
  .configureOutput({ writeErr: (s) => process.stderr.write(s), outputError: () => {} });

registerCommands(program);

try {
  await program.parseAsync(process.argv);
} catch (e) {
  if (e instanceof CommanderError) {
    if (e.code === 'commander.helpDisplayed' || e.code === 'commander.help' || e.code === 'commander.version') process.exit(0);
    process.stderr.write(`${translateCommanderError(e)}\n`);
    process.exit(2);
  }
  if (isSiyuError(e)) {
    process.stderr.write(`错误：${e.toString()}\n`);
    process.exit(e.exitCode);
  }
  process.stderr.write(`内部错误：${(e as Error).message}\n`);
  if (process.env.SIYU_DEBUG) process.stderr.write(`${(e as Error).stack}\n`);
  process.exit(70);
}
