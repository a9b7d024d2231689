// R04: a project outside the departments on the clinic's licence. Which project belongs to which
// department is workspace data (services.yaml), so this rule has no word list: it looks for the
// names of the workspace's out-of-licence services in the text.
import type { Hit } from '../match.ts';
import { TermIndex } from '../terms.ts';
import type { Service } from '../../workspace/schema.ts';
import type { ContextRule } from './types.ts';

/** Licence entries are free text ("医疗美容科；美容皮肤科"), so containment counts as licensed. */
function isLicensed(department: string, licensed: readonly string[]): boolean {
  const d = department.trim();
  return licensed.some((l) => l.trim() === d || l.includes(d));
}

// Built once per services list (the workspace's, reused across checks), not once per check.
const cache = new WeakMap<object, { licensed: readonly string[]; names: TermIndex<true> }>();

function outOfLicence(services: readonly Pick<Service, 'name' | 'department'>[], licensed: readonly string[], fold: (s: string) => string): TermIndex<true> {
  const cached = cache.get(services);
  if (cached?.licensed === licensed) return cached.names;
  const names = new TermIndex<true>();
  for (const s of services) if (!isLicensed(s.department, licensed)) names.add(fold(s.name), true);
  cache.set(services, { licensed, names });
  return names;
}

export const licensedDepartment: ContextRule = {
  name: 'licensed-department',
  lexicons: [],
  apply(rule, _hits, env) {
    const { brand, services } = env.ctx;
    if (!brand || !services?.length) return [];
    const names = outOfLicence(services, brand.licensedDepartments, env.fold);
    if (names.size === 0) return [];
    return names.findAll(env.text).map((t): Hit => ({ rule, start: t.start, end: t.end, severity: rule.severity }));
  },
};
