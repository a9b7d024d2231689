// R04: a project outside the departments on the clinic's licence. Two sources say which project
// belongs to which department: the workspace's services.yaml (its own service names) and the
// pack's departments.yaml (common project words per department, e.g. 针灸 → 美容中医科).
import type { Hit } from '../match.ts';
import type { Service } from '../../workspace/schema.ts';
import type { ContextEnv, ContextRule } from './types.ts';

/** Licence entries are free text ("医疗美容科；美容皮肤科"), so containment counts as licensed. */
function isLicensed(department: string, licensed: readonly string[]): boolean {
  const d = department.trim();
  return licensed.some((l) => l.trim() === d || l.includes(d));
}

// Folded once per services list (the workspace's, reused across checks), not once per check.
const cache = new WeakMap<object, { licensed: readonly string[]; names: string[] }>();

function outOfLicence(services: readonly Pick<Service, 'name' | 'department'>[], licensed: readonly string[], fold: (s: string) => string): string[] {
  const cached = cache.get(services);
  if (cached?.licensed === licensed) return cached.names;
  const names = [...new Set(services.filter((s) => !isLicensed(s.department, licensed)).map((s) => fold(s.name)))].filter((n) => n.length > 0);
  cache.set(services, { licensed, names });
  return names;
}

// Worked out once per licence (the brand's, reused across checks) and pack, not once per check.
const unlicensedCache = new WeakMap<readonly string[], { departments: ContextEnv['departments']; lexicons: string[] }>();

/** The lexicons of the pack's departments that the licence does not list. */
function unlicensedLexicons(departments: ContextEnv['departments'], licensed: readonly string[]): string[] {
  const cached = unlicensedCache.get(licensed);
  if (cached?.departments === departments) return cached.lexicons;
  const lexicons = departments.filter((d) => ![d.name, ...d.aliases].some((n) => isLicensed(n, licensed))).map((d) => d.lexicon);
  unlicensedCache.set(licensed, { departments, lexicons });
  return lexicons;
}

/** Every occurrence of every name. A workspace has a handful of out-of-licence services, so
 *  String.indexOf per name beats building an automaton for them. */
function occurrences(text: string, names: readonly string[]): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  for (const n of names) {
    for (let i = text.indexOf(n); i >= 0; i = text.indexOf(n, i + 1)) out.push({ start: i, end: i + n.length });
  }
  return out;
}

export const licensedDepartment: ContextRule = {
  name: 'licensed-department',
  lexicons: [],
  apply(rule, _hits, env) {
    const { brand, services = [] } = env.ctx;
    // A business that is not a medical institution is R17's concern, not a licence-scope question.
    if (!brand || !brand.isMedicalInstitution) return [];
    const spans = occurrences(env.text, outOfLicence(services, brand.licensedDepartments, env.fold));
    // Project words of departments the licence lacks (compliance/departments.yaml).
    for (const lexicon of unlicensedLexicons(env.departments, brand.licensedDepartments)) {
      for (const s of env.lexicon(lexicon).within(0, env.text.length)) spans.push(s);
    }
    return spans.map((t): Hit => ({ rule, start: t.start, end: t.end, severity: rule.severity }));
  },
};
