// The contract between the checker and its context rules. A context rule is named by a rule in
// the pack data (`context: absolute-claim`) and decides, from the surrounding text and the
// CheckContext, which of that rule's hits stand and at what severity. Vocabulary stays in data:
// a context rule reads lexicons by name and declares which ones it needs, so the loader can
// reject a pack that lacks them.
import type { CompiledRule } from '../compile.ts';
import type { Discourse } from '../discourse.ts';
import type { Hit, LexiconHits } from '../match.ts';
import type { CheckContext } from '../types.ts';

export interface ContextEnv {
  /** The folded text all hit offsets refer to. */
  readonly text: string;
  readonly ctx: CheckContext;
  /** Every rule's hits before any context rule ran, for rules that defer to another rule. */
  readonly rawHits: readonly Hit[];
  /** Where the lexicon's words occur in the text (from the checker's single scan). */
  lexicon(name: string): LexiconHits;
  /** Whether any word of the lexicon occurs anywhere in the text (memoised per check). */
  mentions(name: string): boolean;
  /** 诊疗科目 the pack knows, with the lexicon holding each one's project words. */
  readonly departments: readonly { readonly name: string; readonly aliases: readonly string[]; readonly lexicon: string }[];
  /** The word lists of compliance/discourse.yaml, compiled (the context rules' on the folded text). */
  readonly discourse: Discourse;
  /** Folds a string from the workspace (service names, certificate numbers) like the text. */
  fold(s: string): string;
}

export interface ContextRule {
  readonly name: string;
  /** Lexicons (compliance/lexicons.yaml) this rule reads. */
  readonly lexicons: readonly string[];
  /** Called for every rule that names this context, even with no hits (so it can add some). */
  apply(rule: CompiledRule, hits: Hit[], env: ContextEnv): Hit[];
}

/** Content presented as knowledge/news/review: declared as such, or reading like it. */
export function looksLikeScience(env: ContextEnv): boolean {
  return env.ctx.contentType === 'knowledge' || env.mentions('science-markers');
}
