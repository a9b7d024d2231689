// The word lists of compliance/discourse.yaml: how the text talks about a claim (warns about it,
// denies it, asks about it, quotes someone else) rather than the claim itself. Compiled into one
// regex alternative per list (compile.ts), stored like that in the compiled-pack cache, and turned
// into the rules' regexes here, on every load — a few dozen small regexes, nothing to cache.
import { debunkRules, type DebunkRules, type DebunkSources } from './debunk.ts';
import { testimonyRules, type TestimonyRules, type TestimonySources } from './context/testimony.ts';

/** What the cache stores: plain strings. */
export interface DiscourseSources {
  readonly debunk: DebunkSources;
  readonly testimony: TestimonySources;
}

export interface Discourse {
  readonly sources: DiscourseSources;
  /** Read on the original text (debunk.ts). */
  readonly debunk: DebunkRules;
  /** Read on the folded text (context rule testimony). */
  readonly testimony: TestimonyRules;
}

export const buildDiscourse = (sources: DiscourseSources): Discourse => ({
  sources,
  debunk: debunkRules(sources.debunk),
  testimony: testimonyRules(sources.testimony),
});
