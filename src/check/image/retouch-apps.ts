// The list of retouching apps and face-edit marks, compliance/image/retouch-apps.yaml. It is data
// so the compliance team can add an app without a code change; it is validated at load so a typo
// is reported with file, line and path instead of silently matching nothing.
import path from 'node:path';
import { z } from 'zod';
import { SiyuError } from '../../shared/errors.ts';
import { describeAt, readYaml } from '../../shared/yaml-file.ts';
import { packagePath } from '../../shared/package-root.ts';

export const DEFAULT_RETOUCH_APPS_FILE = packagePath('compliance', 'image', 'retouch-apps.yaml');

const text = z.string({ error: '必须是文本' }).trim().min(1, '不能为空');
const matchList = z.array(text, { error: '应为匹配词列表，例如 [meitu, 美图秀秀]' }).min(1, '至少写一个匹配词');
const wholeWord = z.boolean({ error: 'wholeWord 只能是 true 或 false' }).optional();
const unknownKeys = (what: string) => ({
  error: (iss: { code?: string; keys?: string[] }) => (iss.code === 'unrecognized_keys' ? `未知字段：${(iss.keys ?? []).join('、')}` : what),
});

const fileSchema = z.strictObject(
  {
    apps: z
      .array(z.strictObject({ name: text, match: matchList, wholeWord }, unknownKeys('应为一个软件条目（name、match）')), { error: '缺少 apps 列表' })
      .min(1, 'apps 至少列一个软件'),
    traces: z
      .array(z.strictObject({ label: text, match: matchList, wholeWord }, unknownKeys('应为一个痕迹条目（label、match）')), { error: 'traces 应为列表' })
      .default([]),
  },
  unknownKeys('文件内容应为包含 apps 和 traces 的对象'),
);

/** One thing to look for: an app (by name) or a trace (by label). Needles are lower-case. */
export interface RetouchMarker {
  kind: 'app' | 'trace';
  name: string;
  needles: string[];
  wholeWord: boolean;
}

export interface RetouchList {
  markers: RetouchMarker[];
}

/** Reads and validates the list; every problem in one SiyuError naming file, line and path. */
export async function loadRetouchList(file: string = DEFAULT_RETOUCH_APPS_FILE): Promise<RetouchList> {
  const shown = path.relative(process.cwd(), file) || file;
  const read = await readYaml(file, shown);
  if ('problems' in read) throw new SiyuError(`修图软件名单 ${shown} 无法读取：`, read.problems);
  const parsed = fileSchema.safeParse(read.source.data);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => describeAt(read.source, i.path, i.message));
    throw new SiyuError(`修图软件名单 ${shown} 有 ${problems.length} 处错误：`, problems);
  }
  const lower = (m: string[]) => m.map((s) => s.toLowerCase());
  return {
    markers: [
      ...parsed.data.apps.map((a) => ({ kind: 'app' as const, name: a.name, needles: lower(a.match), wholeWord: a.wholeWord ?? false })),
      ...parsed.data.traces.map((t) => ({ kind: 'trace' as const, name: t.label, needles: lower(t.match), wholeWord: t.wholeWord ?? false })),
    ],
  };
}
