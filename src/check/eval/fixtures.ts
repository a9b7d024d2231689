// The labelled test set of the compliance checker: test/fixtures/compliance/*.yaml. Each file holds
// `cases:`; every case is a realistic post with the verdict and the categories a compliance
// reviewer expects. Files are validated with zod and every problem is reported as
// "file 第 N 行 cases[3].expect：message（用例 id）", duplicates across files included, so the
// whole set can be fixed in one go.
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { SiyuError } from '../../shared/errors.ts';
import { describeAt, readYaml } from '../../shared/yaml-file.ts';
import { CATEGORY_IDS } from '../schema.ts';
import { packagePath } from '../../shared/package-root.ts';

// Fixture authors read these messages: zod's own ones (unknown field, wrong type) in Chinese too.
z.config(z.locales.zhCN());

/** <project>/test/fixtures/compliance, found relative to this file. */
export const DEFAULT_FIXTURE_DIR = packagePath('test', 'fixtures', 'compliance');

export const VERDICTS = ['pass', 'review', 'block'] as const;
/** Brand contexts a case can be checked in (the script builds them from the example workspace). */
export const BRAND_CONTEXTS = ['example', 'certified', 'non-medical'] as const;
export type BrandContext = (typeof BRAND_CONTEXTS)[number];

const category = z.enum(CATEGORY_IDS, { error: '类别只能是 R01 … R21' });
const categoryList = z
  .array(category, { error: '必须是类别列表，例如 [R05]（反例写 []）' })
  .refine((xs) => new Set(xs).size === xs.length, '类别重复');

export const caseSchema = z
  .strictObject(
    {
      id: z
        .string({ error: '必须是文本' })
        .regex(/^[a-z0-9][a-z0-9-]*$/, '标识只能包含小写字母、数字和 -'),
      text: z.string({ error: '必须是文本' }).refine((s) => s.trim().length > 0, '不能为空'),
      expect: z.enum(VERDICTS, { error: '只能是 pass / review / block' }),
      /** Categories that must be found (severity block or review). Empty for negatives. */
      categories: categoryList,
      /** Categories that may legitimately be found but are not the point of the case: finding them is
       *  not a false positive, missing them is not a miss (e.g. R15 on an ad-like post of a clinic
       *  without a certificate, R13 next to a doctor's praise). */
      alsoAllowed: categoryList.optional(),
      context: z
        .strictObject(
          { brand: z.enum(BRAND_CONTEXTS, { error: '只能是 example / certified / non-medical' }).optional() },
          { error: (iss) => (iss.code === 'invalid_type' ? '必须是对象，例如 { brand: certified }' : undefined) },
        )
        .optional(),
      note: z.string({ error: '必须是文本' }).optional(),
    },
    { error: (iss) => (iss.code === 'invalid_type' ? '每个用例必须是对象（id / text / expect / categories）' : undefined) },
  )
  .superRefine((c, ctx) => {
    if (c.expect === 'pass' && c.categories.length > 0) {
      ctx.addIssue({ code: 'custom', path: ['categories'], message: 'expect 为 pass 时不能要求任何类别（pass 表示没有 block / review 级的发现）' });
    }
    if (c.expect !== 'pass' && c.categories.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['categories'], message: `expect 为 ${c.expect} 时至少要写一个必须查出的类别` });
    }
    const both = (c.alsoAllowed ?? []).filter((x) => c.categories.includes(x));
    if (both.length > 0) ctx.addIssue({ code: 'custom', path: ['alsoAllowed'], message: `${both.join('、')} 已在 categories 中，不要重复写在 alsoAllowed` });
  });

export const fixtureFileSchema = z.strictObject(
  { cases: z.array(caseSchema, { error: '必须是用例列表' }).min(1, '至少要有一个用例') },
  { error: (iss) => (iss.code === 'invalid_type' ? '文件顶层必须是对象，写成 cases: [...]' : undefined) },
);

export interface EvalCase {
  id: string;
  text: string;
  expect: (typeof VERDICTS)[number];
  categories: string[];
  alsoAllowed: string[];
  brand: BrandContext;
  note?: string;
  /** The fixture file the case came from, e.g. "evasions.yaml". */
  file: string;
}

export interface FixtureLoad {
  cases: EvalCase[];
  /** One line per problem; empty when every file is valid. */
  problems: string[];
  files: string[];
}

/** Reads every *.yaml in `dir`; never throws for bad content, the problems come back as lines. */
export async function readFixtures(dir: string = DEFAULT_FIXTURE_DIR): Promise<FixtureLoad> {
  const problems: string[] = [];
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => /\.ya?ml$/.test(n)).sort();
  } catch {
    return { cases: [], problems: [`${dir}：目录不存在或无法读取`], files: [] };
  }
  if (names.length === 0) problems.push(`${dir}：没有任何用例文件（*.yaml）`);
  const cases: EvalCase[] = [];
  const seen = new Map<string, string>();
  for (const file of names) {
    const read = await readYaml(path.join(dir, file), file);
    if ('problems' in read) {
      problems.push(...read.problems);
      continue;
    }
    const { source } = read;
    const raw = source.data as { cases?: unknown } | null;
    const rawCases: unknown[] = Array.isArray(raw?.cases) ? raw.cases : [];
    const idAt = (i: PropertyKey): string => {
      const id = typeof i === 'number' ? (rawCases[i] as { id?: unknown } | null | undefined)?.id : undefined;
      return typeof id === 'string' ? `（用例 ${id}）` : '';
    };
    // Duplicate ids are checked on the raw list, so they are reported even when the file has other problems.
    rawCases.forEach((c, i) => {
      const id = (c as { id?: unknown } | null)?.id;
      if (typeof id !== 'string') return;
      const first = seen.get(id);
      if (first) problems.push(describeAt(source, ['cases', i, 'id'], `用例标识 “${id}” 与 ${first} 重复`));
      else seen.set(id, `${file} cases[${i}]`);
    });
    const result = fixtureFileSchema.safeParse(source.data);
    if (!result.success) {
      for (const issue of result.error.issues) problems.push(describeAt(source, issue.path, issue.message) + (issue.path[0] === 'cases' ? idAt(issue.path[1]!) : ''));
      continue;
    }
    for (const c of result.data.cases) {
      cases.push({
        id: c.id,
        text: c.text,
        expect: c.expect,
        categories: c.categories,
        alsoAllowed: c.alsoAllowed ?? [],
        brand: c.context?.brand ?? 'example',
        ...(c.note === undefined ? {} : { note: c.note }),
        file,
      });
    }
  }
  return { cases, problems, files: names };
}

/** Like readFixtures, but throws one SiyuError listing every problem. */
export async function loadFixtures(dir: string = DEFAULT_FIXTURE_DIR): Promise<EvalCase[]> {
  const { cases, problems } = await readFixtures(dir);
  if (problems.length > 0) throw new SiyuError(`合规测试用例 ${path.resolve(dir)} 有 ${problems.length} 处错误：`, problems);
  return cases;
}
