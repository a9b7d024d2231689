// Turns validated rule specs into what the matcher runs: folded terms in one shared term index,
// compiled regexes, folded exception phrases. Done once per loadChecker, never per check.
import type { Severity } from '../domain/types.ts';
import { normaliseTerm, type FoldTable } from './normalise.ts';
import { PATTERN_FLAGS, type Lexicons, type Manifest, type NormaliseSpec, type RuleSpec } from './schema.ts';
import { TermIndex } from './terms.ts';

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
  readonly patterns: readonly RegExp[];
  readonly except: readonly string[];
  readonly unlessPrecededBy: readonly string[];
  readonly unlessFollowedBy: readonly string[];
}

export interface CompiledPack {
  readonly version: string;
  readonly name: string;
  readonly categories: Readonly<Record<string, string>>;
  readonly rules: readonly CompiledRule[];
  readonly table: FoldTable;
  /** Every literal term of every rule; the payload says which rules it belongs to. */
  readonly terms: TermIndex<CompiledRule>;
  /** Lexicons by name, for the context rules. */
  readonly lexicons: ReadonlyMap<string, TermIndex<true>>;
  /** The pack's vocabulary as written (unfolded), for benchmarks and diagnostics. */
  readonly vocabulary: PackVocabulary;
}

export interface PackVocabulary {
  /** Every literal term of every rule, lexicon terms included, deduplicated. */
  readonly terms: readonly string[];
  /** Every regex source of every rule. */
  readonly patterns: readonly string[];
}

export function foldTable(spec: NormaliseSpec): FoldTable {
  const fold = new Map<number, number>();
  for (const [from, to] of Object.entries(spec.fold)) fold.set(from.charCodeAt(0), to.charCodeAt(0));
  return { fold, skip: new Set(spec.skip.map((c) => c.charCodeAt(0))) };
}

export function compilePack(
  manifest: Manifest,
  specs: readonly RuleSpec[],
  lexicons: Lexicons,
  normalise: NormaliseSpec,
): CompiledPack {
  const table = foldTable(normalise);
  const fold = (s: string) => normaliseTerm(s, table);
  const terms = new TermIndex<CompiledRule>();

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
      // Patterns are written against folded text and are not folded themselves: folding would
      // lower-case escapes like \D and drop regex syntax such as | and -.
      patterns: spec.patterns.map((p) => new RegExp(p, PATTERN_FLAGS)),
      except: spec.except.map(fold).filter((s) => s.length > 0),
      unlessPrecededBy: spec.unlessPrecededBy.map(fold).filter((s) => s.length > 0),
      unlessFollowedBy: spec.unlessFollowedBy.map(fold).filter((s) => s.length > 0),
    };
    const literal = [...spec.terms, ...spec.lexicons.flatMap((l) => lexicons[l] ?? [])];
    for (const t of literal) terms.add(fold(t), rule);
    return rule;
  });

  const lexiconIndex = new Map<string, TermIndex<true>>();
  for (const [name, words] of Object.entries(lexicons)) {
    const index = new TermIndex<true>();
    for (const w of words) index.add(fold(w), true);
    lexiconIndex.set(name, index);
  }

  const vocabulary: PackVocabulary = {
    terms: [...new Set(specs.flatMap((s) => [...s.terms, ...s.lexicons.flatMap((l) => lexicons[l] ?? [])]))],
    patterns: specs.flatMap((s) => s.patterns),
  };
  return { version: manifest.version, name: manifest.name, categories: manifest.categories, rules, table, terms, lexicons: lexiconIndex, vocabulary };
}
