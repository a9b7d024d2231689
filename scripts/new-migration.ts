// Usage: npx tsx scripts/new-migration.ts NAME
// Creates prisma/migrations/<timestamp>_NAME/migration.sql from the changes in prisma/schema.prisma.
import path from 'node:path';
import { writeNewMigration } from '../src/db/new-migration.ts';
import { isSiyuError } from '../src/shared/errors.ts';

const name = process.argv[2];
if (!name || process.argv.length > 3) {
  console.error('用法：npx tsx scripts/new-migration.ts 迁移名称（例如 add_channel_column）');
  process.exit(2);
}

try {
  const created = await writeNewMigration(name);
  if (!created) {
    console.log('prisma/schema.prisma 与现有迁移一致，没有需要新建的迁移。');
  } else {
    console.log(`已创建迁移 ${path.relative(process.cwd(), created.file)}`);
    console.log('请检查其中的 SQL（尤其是删除列或表的语句），确认后与 schema.prisma 一起提交。');
  }
} catch (e) {
  if (!isSiyuError(e)) throw e;
  console.error(e.toString());
  process.exit(e.exitCode);
}
