// Reads a workspace folder, validates each YAML file with its zod schema and the references
// between files, and reports every problem with its file, line and field path.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { SiyuError } from '../shared/errors.ts';
import { describeAt, readYaml, type YamlSource } from '../shared/yaml-file.ts';
import { WORKSPACE_FILES, type Workspace } from './schema.ts';

// Clinic staff edit these files: zod's own messages (wrong type, missing field) in Chinese too.
z.config(z.locales.zhCN());

type Key = keyof typeof WORKSPACE_FILES;
type Sources = Partial<Record<Key, YamlSource>>;
/** Reports one problem at a path inside one file. */
type Report = (key: Key, at: PropertyKey[], message: string) => void;

async function loadFile<K extends Key>(dir: string, key: K, problems: string[], sources: Sources) {
  const entry = WORKSPACE_FILES[key];
  const { file, schema } = entry;
  if ('optional' in entry && !existsSync(path.join(dir, file))) {
    return (schema as z.ZodType).parse(undefined) as z.infer<(typeof WORKSPACE_FILES)[K]['schema']>;
  }
  const read = await readYaml(path.join(dir, file), file);
  if ('problems' in read) {
    problems.push(...read.problems);
    return undefined;
  }
  sources[key] = read.source;
  const result = (schema as z.ZodType).safeParse(read.source.data);
  if (!result.success) {
    for (const issue of result.error.issues) problems.push(describeAt(read.source, issue.path, issue.message, key));
    return undefined;
  }
  return result.data as z.infer<(typeof WORKSPACE_FILES)[K]['schema']>;
}

/** References between files: ids are unique and every id used is defined. */
export function crossCheck(ws: Omit<Workspace, 'dir'>, report: Report): void {
  const unique = (key: Key, xs: { id: string }[], prefix: PropertyKey[] = []) => {
    const seen = new Set<string>();
    xs.forEach((x, i) => {
      if (seen.has(x.id)) report(key, [...prefix, i, 'id'], `标识 “${x.id}” 重复`);
      seen.add(x.id);
    });
  };
  unique('personas', ws.personas);
  unique('segments', ws.segments);
  unique('services', ws.services);
  unique('campaigns', ws.campaigns);
  unique('policy', ws.policy.groups, ['groups']);
  const defined = (xs: { id: string }[]) => new Set(xs.map((x) => x.id));
  const segments = defined(ws.segments);
  const services = defined(ws.services);
  const personas = defined(ws.personas);
  const need = (set: Set<string>, value: string, key: Key, at: PropertyKey[], what: string) => {
    if (!set.has(value)) report(key, at, `未定义的${what} “${value}”`);
  };
  ws.personas.forEach((p, i) => p.segments.forEach((s, j) => need(segments, s, 'personas', [i, 'segments', j], '客户分层')));
  ws.segments.forEach((s, i) => s.services.forEach((v, j) => need(services, v, 'segments', [i, 'services', j], '项目')));
  ws.campaigns.forEach((c, i) => {
    c.services.forEach((v, j) => need(services, v, 'campaigns', [i, 'services', j], '项目'));
    c.segments.forEach((s, j) => need(segments, s, 'campaigns', [i, 'segments', j], '客户分层'));
  });
  ws.policy.groups.forEach((g, i) => {
    need(personas, g.ownerPersona, 'policy', ['groups', i, 'ownerPersona'], '人设');
    g.segments.forEach((s, j) => need(segments, s, 'policy', ['groups', i, 'segments', j], '客户分层'));
  });
}

/** Loads and validates a workspace; throws one SiyuError listing every problem found. */
export async function loadWorkspace(dir: string): Promise<Workspace> {
  const abs = path.resolve(dir);
  const problems: string[] = [];
  const sources: Sources = {};
  const loaded = {
    brand: await loadFile(abs, 'brand', problems, sources),
    personas: await loadFile(abs, 'personas', problems, sources),
    segments: await loadFile(abs, 'segments', problems, sources),
    services: await loadFile(abs, 'services', problems, sources),
    policy: await loadFile(abs, 'policy', problems, sources),
    campaigns: await loadFile(abs, 'campaigns', problems, sources),
    compliance: await loadFile(abs, 'compliance', problems, sources),
  };
  if (problems.length === 0) {
    crossCheck(loaded as Omit<Workspace, 'dir'>, (key, at, message) => problems.push(describeAt(sources[key]!, at, message, key)));
  }
  if (problems.length > 0) throw new SiyuError(`工作区 ${abs} 有 ${problems.length} 处错误：`, problems);
  return { dir: abs, ...(loaded as Omit<Workspace, 'dir'>) };
}

/**
 * Only brand.yaml, validated as loadWorkspace validates it: for commands that need the clinic's
 * look and not its plan (siyu card), so they do not parse and check six other files first.
 */
export async function loadBrand(dir: string): Promise<Pick<Workspace, 'dir' | 'brand'>> {
  const abs = path.resolve(dir);
  const problems: string[] = [];
  const brand = await loadFile(abs, 'brand', problems, {});
  if (!brand) throw new SiyuError(`工作区 ${abs} 有 ${problems.length} 处错误：`, problems);
  return { dir: abs, brand };
}
