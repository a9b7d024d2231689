// Turns validated rule specs into what the matcher runs: one automaton holding every folded term,
// lexicon word, pinyin variant and pattern anchor; gated regexes; folded exception phrases.
// Done once per loadChecker, never per check.
import type { Severity } from '../domain/types.ts';
import type { ComplianceExtras } from '../workspace/schema.ts';
import { buildFoldTable, foldPatternSource, type FoldTable } from './fold-table.ts';
import { normaliseTerm } from './normalise.ts';
import { compilePattern } from './compile-pattern.ts';
import { pinyinVariants, primeReadings } from './pinyin-variants.ts';
import { type Departments, type DiscourseSpec, type Lexicons, type Manifest, type NormaliseSpec, type RuleSpec } from './schema.ts';
import { TermIndex } from './terms.ts';
import { alternation, type DiscourseList, type ListFold } from './discourse-lists.ts';
import { buildDiscourse, type Discourse, type DiscourseSources } from './discourse.ts';

export interface CompiledRule {
  /** Position in pack order; ties in sorting are broken by it so output is deterministic. */
  readonly order: number;
  readonly id: string;
  readonly category: string;
  readonly severity: Severity;
  readonly basis: string;
  readonly explanation: string;
  readonly suggestion: string;
  readonly notes: Partial<Record<Severity, string>>;
  readonly context: string | undefined;
  /** Folded matched words → suggested replacement ("" = delete). */
  readonly replace: ReadonlyMap<string, string>;
  readonly except: readonly string[];
  readonly unlessPrecededBy: readonly string[];
  readonly unlessFollowedBy: readonly string[];
}

/** What a term in the one automaton stands for: a rule's term, a lexicon word, a pattern's anchor. */
export type TermPayload =
  | { readonly kind: 'rule'; readonly rule: CompiledRule }
  | { readonly kind: 'lexicon'; readonly name: string }
  /** A word of the pattern's gate set number `set` (compile-pattern.ts). */
  | { readonly kind: 'gate'; readonly pattern: CompiledPattern; readonly set: number }
  /** One of the words every match of the pattern starts with: the regex is tried there. */
  | { readonly kind: 'start'; readonly pattern: CompiledPattern }
  /** A reading some pattern's pinyin twin accepts, standing alone in the text: the twins that
   *  accept it run instead of their patterns. */
  | { readonly kind: 'syllable'; readonly reading: string };

export interface CompiledPattern {
  readonly rule: CompiledRule;
  readonly regex: RegExp;
  /** How many gate sets must each have a word in the text before the pattern runs (0: none). */
  readonly gates: number;
  /** Per gate set: how far from a match's start a word of it can end at most (Infinity: no
   *  bound). The regex need not start before (end of the set's first word) − reach. */
  readonly reach: readonly number[];
  /** Set when every match starts with one of a few words (pattern-prefixes.ts): the automaton
   *  reports where they occur and this sticky copy of the regex is tried only there. */
  readonly sticky: RegExp | undefined;
  /** The pattern with pinyin stand-ins allowed for its Chinese characters (pattern-pinyin.ts);
   *  undefined when it has none to allow. */
  readonly twin: PinyinTwin | undefined;
}

export interface PinyinTwin {
  /** Its regex source (what the compiled-pack cache stores). */
  readonly source: string;
  /** Its gates' reaches (see CompiledPattern.reach). */
  readonly reach: readonly number[];
  /** The twin as a pattern to run: a global scan (sticky undefined). */
  readonly pattern: CompiledPattern;
  /** The readings it accepts: it runs instead of the pattern on a text where one stands alone. */
  readonly readings: ReadonlySet<string>;
}

export interface CompiledPack {
  readonly version: string;
  readonly name: string;
  readonly categories: Readonly<Record<string, string>>;
  readonly rules: readonly CompiledRule[];
  readonly table: FoldTable;
  /** Every term of every rule, every lexicon word (each with its pinyin variants) and every
   *  pattern anchor, in one automaton: a check reads the text once. */
  readonly terms: TermIndex<TermPayload>;
  readonly patterns: readonly CompiledPattern[];
  /** The workspace's allow-listed phrases (folded): a hit inside one is dropped, whatever the rule. */
  readonly allow: readonly string[];
  /** 诊疗科目 known to the pack; their project words are lexicons named departmentLexicon(name). */
  readonly departments: readonly { readonly name: string; readonly aliases: readonly string[]; readonly lexicon: string }[];
  /** Lexicon names, for the context rules. */
  readonly lexiconNames: ReadonlySet<string>;
  /** The pack's vocabulary as written (unfolded), for benchmarks and diagnostics. */
  readonly vocabulary: PackVocabulary;
  /** The word lists of discourse.yaml, in the rules that read them (debunk and the context rules). */
  readonly discourse: Discourse;
}

export interface PackVocabulary {
  /** Every literal term of every rule, lexicon terms included, deduplicated. */
  readonly terms: readonly string[];
  /** Every regex source of every rule. */
  readonly patterns: readonly string[];
}

/** Adds a folded term and its pinyin stand-ins. */
function addWithVariants(index: TermIndex<TermPayload>, term: string, payload: TermPayload): void {
  if (term.length === 0) return;
  index.add(term, payload);
  for (const v of pinyinVariants(term)) index.add(v, payload);
}

/** The workspace's own terms as rules of the pack. Law and article come from the category's first
 *  rule in the pack: the clinic says which category a word belongs to, the pack knows the law. */
export function workspaceRules(extras: ComplianceExtras, specs: readonly RuleSpec[], manifest: Manifest): RuleSpec[] {
  return extras.terms.map((entry, i): RuleSpec => {
    const model = specs.find((s) => s.category === entry.category);
    return {
      id: `${entry.category}-workspace-${i + 1}`,
      category: entry.category,
      severity: entry.severity,
      basis: model?.basis ?? '本机构合规要求',
      explanation: entry.explanation ?? `本机构自定义的禁用词（${manifest.categories[entry.category] ?? entry.category}）。`,
      suggestion: entry.suggestion ?? model?.suggestion ?? '删除或改写该词语。',
      terms: entry.terms,
      patterns: [],
      lexicons: [],
      except: [],
      unlessPrecededBy: [],
      unlessFollowedBy: [],
      replace: {},
      notes: {},
    };
  });
}

export interface PackSources {
  manifest: Manifest;
  specs: readonly RuleSpec[];
  lexicons: Lexicons;
  normalise: NormaliseSpec;
  departments: Departments;
  discourse: DiscourseSpec;
  /** The workspace's own terms and allow-list. */
  extras?: ComplianceExtras;
}

/** The lexicon name under which a department's project words are recorded in the scan. */
export const departmentLexicon = (name: string): string => `department:${name}`;

/** Each list of discourse.yaml as one regex alternative. Debunk reads the original text, so its
 *  lists stay as written; the other sections are read by context rules on the folded text, so
 *  their words and patterns are folded like the rules' terms and patterns. */
export function discourseSources(spec: DiscourseSpec, table: FoldTable): DiscourseSources {
  const folded: ListFold = { word: (w) => normaliseTerm(w, table), pattern: (p) => foldPatternSource(p, table) };
  const each = <K extends string>(lists: Record<K, DiscourseList>, fold?: ListFold) =>
    Object.fromEntries(Object.entries<DiscourseList>(lists).map(([k, l]) => [k, alternation(l, fold)])) as Record<K, string>;
  const { claimCategories, priceCategories, minorsCategories, ...lists } = spec.debunk;
  return {
    debunk: { categories: { claimCategories, priceCategories, minorsCategories }, lists: each(lists) },
    testimony: each(spec.testimony, folded),
    absoluteClaim: each(spec.absoluteClaim, folded),
    pitch: each(spec.pitch, folded),
    negation: each(spec.negation, folded),
    experienceLink: each(spec.experienceLink, folded),
    productMedicalClaim: each(spec.productMedicalClaim, folded),
  };
}

export function compilePack({ manifest, specs: packSpecs, lexicons, normalise, departments, discourse, extras = { terms: [], allow: [] } }: PackSources): CompiledPack {
  const table = buildFoldTable(normalise);
  const fold = (s: string) => normaliseTerm(s, table);
  const specs = [...packSpecs, ...workspaceRules(extras, packSpecs, manifest)];
  /** A rule's literal words as written: its terms and the words of the lexicons it lists. */
  const wordsOf = (spec: RuleSpec): string[] => [...spec.terms, ...spec.lexicons.flatMap((l) => lexicons[l] ?? [])];
  primeReadings([...specs.flatMap((s) => s.terms), ...Object.values(lexicons).flat(), ...departments.flatMap((d) => d.words)].join(''));
  const terms = new TermIndex<TermPayload>();
  const patterns: CompiledPattern[] = [];
  const syllables = new Set<string>();

  const rules = specs.map((spec, order): CompiledRule => {
    const rule: CompiledRule = {
      order,
      id: spec.id,
      category: spec.category,
      severity: spec.severity,
      basis: spec.basis,
      explanation: spec.explanation,
      suggestion: spec.suggestion,
      notes: spec.notes,
      context: spec.context,
      replace: new Map(Object.entries(spec.replace).map(([from, to]) => [fold(from), to])),
      except: spec.except.map(fold).filter((s) => s.length > 0),
      unlessPrecededBy: spec.unlessPrecededBy.map(fold).filter((s) => s.length > 0),
      unlessFollowedBy: spec.unlessFollowedBy.map(fold).filter((s) => s.length > 0),
    };
    const own: TermPayload = { kind: 'rule', rule };
    for (const t of wordsOf(spec)) addWithVariants(terms, fold(t), own);
    for (const p of spec.patterns) {
      // Patterns are written against folded text; only their literal (non-ASCII) characters are
      // folded, because ASCII is regex syntax (\D, |, -).
      const source = foldPatternSource(p, table);
      patterns.push(compilePattern(source, rule, terms, syllables));
    }
    return rule;
  });
  for (const reading of syllables) terms.add(reading, { kind: 'syllable', reading });

  const lexiconNames = new Set(Object.keys(lexicons));
  const allLexicons: [string, readonly string[]][] = [
    ...Object.entries(lexicons),
    ...departments.map((d): [string, readonly string[]] => [departmentLexicon(d.name), d.words]),
  ];
  for (const [name, words] of allLexicons) {
    const payload: TermPayload = { kind: 'lexicon', name };
    lexiconNames.add(name);
    for (const w of words) addWithVariants(terms, fold(w), payload);
  }

  terms.prepare(); // pay for the automaton at load, not on the first check
  const vocabulary: PackVocabulary = {
    terms: [...new Set(specs.flatMap(wordsOf))],
    patterns: specs.flatMap((s) => s.patterns),
  };
  return {
    version: manifest.version,
    name: manifest.name,
    categories: manifest.categories,
    rules,
    table,
    terms,
    patterns,
    allow: extras.allow.map(fold).filter((s) => s.length > 0),
    lexiconNames,
    departments: departments.map((d) => ({ name: d.name, aliases: d.aliases, lexicon: departmentLexicon(d.name) })),
    vocabulary,
    discourse: buildDiscourse(discourseSources(discourse, table)),
  };
}
