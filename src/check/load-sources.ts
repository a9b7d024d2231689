// Compiles the rule pack from its YAML: pack.yaml (version, categories), lexicons.yaml,
// normalise.yaml, departments.yaml, discourse.yaml and every packs/*.yaml. Each file is validated with its zod
// schema, then the files are checked against each other. Every problem is reported with file,
// line and path in one SiyuError, so a compliance editor fixes them all in one go.
// load.ts imports this module only when the compiled-pack cache has no entry: YAML, zod, OpenCC
// and pinyin-pro are then not even loaded on a warm start.
import type { z } from 'zod';
import { SiyuError } from '../shared/errors.ts';
import { describeAt, parseYaml, type YamlSource } from '../shared/yaml-file.ts';
import { compilePack, type CompiledPack } from './compile.ts';
import { CONTEXT_RULES } from './context/index.ts';
import { foldProblems } from './fold-lint.ts';
import {
  CATEGORY_IDS,
  departmentsSchema,
  discourseSchema,
  lexiconsSchema,
  manifestSchema,
  normaliseSchema,
  packFileSchema,
  type Lexicons,
  type Manifest,
  type NormaliseSpec,
  type RuleSpec,
} from './schema.ts';
import type { ComplianceExtras } from '../workspace/schema.ts';
import type { PackFiles } from './pack-files.ts';

function loadFile<S extends z.ZodType>(files: PackFiles, file: string, schema: S, problems: string[]) {
  const text = files.texts.get(file);
  if (text === undefined) {
    problems.push(files.unreadable.get(file) ?? `${file}：文件不存在`);
    return undefined;
  }
  const read = parseYaml(file, text);
  if ('problems' in read) {
    problems.push(...read.problems);
    return undefined;
  }
  const result = schema.safeParse(read.source.data);
  if (!result.success) {
    for (const issue of result.error.issues) problems.push(describeAt(read.source, issue.path, issue.message));
    return undefined;
  }
  problems.push(...foldProblems(read.source));
  return { source: read.source, data: result.data as z.infer<S> };
}

interface LocatedRule {
  spec: RuleSpec;
  source: YamlSource;
  index: number;
}

/** Checks that need more than one file: unique ids, known lexicons and contexts, coverage. */
function crossCheck(rules: LocatedRule[], lexicons: Lexicons, manifest: Manifest): string[] {
  const problems: string[] = [];
  const seen = new Map<string, string>();
  for (const { spec, source, index } of rules) {
    const at = (p: PropertyKey[], msg: string) => problems.push(describeAt(source, ['rules', index, ...p], msg));
    const first = seen.get(spec.id);
    if (first) at(['id'], `规则标识 “${spec.id}” 与 ${first} 重复`);
    else seen.set(spec.id, source.file);
    spec.lexicons.forEach((l, i) => {
      if (!lexicons[l]) at(['lexicons', i], `lexicons.yaml 中没有词表 “${l}”`);
    });
    if (spec.context) {
      const context = CONTEXT_RULES.get(spec.context);
      if (!context) at(['context'], `未知的上下文规则 “${spec.context}”，可用：${[...CONTEXT_RULES.keys()].join(' / ')}`);
      for (const l of context?.lexicons ?? []) {
        if (!lexicons[l]) at(['context'], `上下文规则 ${spec.context} 需要 lexicons.yaml 中的词表 “${l}”`);
      }
    }
  }
  const covered = new Set(rules.map((r) => r.spec.category));
  for (const c of CATEGORY_IDS) {
    if (!covered.has(c)) problems.push(`packs/：缺少类别 ${c}（${manifest.categories[c] ?? ''}）的规则`);
  }
  return problems;
}

/** Validates and compiles the rule pack read into `files`, with the workspace's own terms and
 *  allow-listed phrases when given; throws one SiyuError listing every problem. */
export function compileSources(files: PackFiles, extras?: ComplianceExtras): CompiledPack {
  const abs = files.dir;
  const problems: string[] = [];
  const manifest = loadFile(files, 'pack.yaml', manifestSchema, problems);
  const lexicons = loadFile(files, 'lexicons.yaml', lexiconsSchema, problems);
  const normalise = loadFile(files, 'normalise.yaml', normaliseSchema, problems);
  const departments = loadFile(files, 'departments.yaml', departmentsSchema, problems);
  const discourse = loadFile(files, 'discourse.yaml', discourseSchema, problems);
  if (files.packsProblem) problems.push(files.packsProblem);
  const rules: LocatedRule[] = [];
  for (const file of files.ruleFiles) {
    const pack = loadFile(files, file, packFileSchema, problems);
    pack?.data.rules.forEach((spec, index) => rules.push({ spec, source: pack.source, index }));
  }
  if (manifest && lexicons && problems.length === 0) problems.push(...crossCheck(rules, lexicons.data, manifest.data));
  if (problems.length > 0 || !manifest || !lexicons || !normalise || !departments || !discourse) {
    throw new SiyuError(`合规规则包 ${abs} 有 ${problems.length} 处错误：`, problems);
  }
  const specs = rules.map((r) => r.spec);
  return compilePack({
    manifest: manifest.data,
    specs,
    lexicons: lexicons.data,
    normalise: normalise.data as NormaliseSpec,
    departments: departments.data.departments,
    discourse: discourse.data,
    extras,
  });
}
