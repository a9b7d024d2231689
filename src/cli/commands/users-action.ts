// What `siyu user add` and `siyu user list` do (their definitions are users.ts).
import type { Role } from '../../domain/types.ts';
import { ROLES } from '../../domain/types.ts';
import { audit } from '../../shared/audit.ts';
import { SiyuError } from '../../shared/errors.ts';
import type { CliContext } from '../context.ts';
import { table } from '../table.ts';
import { out } from './run.ts';

const ROLE_LABELS: Record<Role, string> = { editor: '内容编辑', reviewer: '合规审核', admin: '管理员' };

export async function runUserAdd(ctx: CliContext, opts: { role: string; name: string }, [handle]: string[]): Promise<void> {
  if (!ROLES.includes(opts.role as Role)) throw new SiyuError(`角色 “${opts.role}” 无效，只能是 ${ROLES.join(' / ')}`);
  if (!/^[a-z0-9][a-z0-9._-]{1,31}$/.test(handle!)) throw new SiyuError(`登录名 “${handle}” 无效：只能用小写字母、数字、点、- 和 _，2 到 32 个字符`);
  const { prisma } = await ctx.database();
  if (await prisma.user.findUnique({ where: { handle: handle! } })) throw new SiyuError(`用户 “${handle}” 已存在`);
  await prisma.$transaction(async (tx) => {
    const u = await tx.user.create({ data: { handle: handle!, displayName: opts.name, role: opts.role as Role } });
    await audit(tx, { actor: 'cli', action: 'user.add', entityType: 'user', entityId: u.id, after: { handle, role: opts.role, name: opts.name } });
  });
  out(`已添加用户 ${handle}（${opts.name}，${ROLE_LABELS[opts.role as Role]}）`);
}

export async function runUserList(ctx: CliContext): Promise<void> {
  const { prisma } = await ctx.database();
  const users = await prisma.user.findMany({ orderBy: { handle: 'asc' } });
  out(table(['登录名', '名称', '角色'], users.map((u) => [u.handle, u.displayName, ROLE_LABELS[u.role]])));
}
