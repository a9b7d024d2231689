// `siyu user add` and `siyu user list`. The definitions only; users-action.ts does the work.
import type { Command } from 'commander';
import { ROLES } from '../../domain/types.ts';
import { withContext } from './run.ts';

export function registerUsers(program: Command): void {
  const user = program.command('user').description('管理用户和角色（editor 编辑 / reviewer 合规审核 / admin 管理员）');
  user
    .command('add')
    .description('添加用户')
    .argument('<handle>', '登录名，例如 li.editor')
    .requiredOption('--role <role>', `角色：${ROLES.join(' / ')}`)
    .requiredOption('--name <name>', '显示名称')
    .action(withContext<{ role: string; name: string }>(async (ctx, opts, args) => (await import('./users-action.ts')).runUserAdd(ctx, opts, args)));
  user
    .command('list')
    .description('列出用户')
    .action(withContext(async (ctx) => (await import('./users-action.ts')).runUserList(ctx)));
}
