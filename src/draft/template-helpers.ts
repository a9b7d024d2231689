// Handlebars helpers available to clinic templates. Every "random" choice is a hash of the slot key,
// so drafting the same slot twice gives the same text, while different slots read differently.
import type Handlebars from 'handlebars';
import type { Persona } from '../workspace/schema.ts';

/** Per-render state, passed to the template as `data.siyu` so helpers can reach it. */
export interface RenderState {
  /** The slot key: the seed of every choice. */
  seed: string;
  /** Template file (relative), so the same helper call in two files chooses independently. */
  template: string;
  persona: Persona;
  /** Emoji inserted so far by the `emoji` helper; capped by persona.emoji.maxPerPost. */
  emojiUsed: number;
}

/** 32-bit FNV-1a: tiny, stable across platforms and Node versions. */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

interface Loc {
  start: { line: number; column: number };
}
type Options = Handlebars.HelperOptions & { loc?: Loc; data?: { siyu?: RenderState; index?: number } };

function stateOf(options: Options): RenderState {
  const state = options.data?.siyu;
  if (!state) throw new Error('模板函数缺少渲染状态（内部错误）');
  return state;
}

/**
 * A deterministic index in [0, n). The call site (line:column) and the #each index are part of the
 * seed, so two `pick` calls in one template, or one call inside a loop, do not move in lockstep.
 */
function choose(options: Options, n: number, salt = ''): number {
  const state = stateOf(options);
  const at = options.loc ? `${options.loc.start.line}:${options.loc.start.column}` : '';
  return hashString(`${state.seed}|${state.template}|${at}|${options.data?.index ?? ''}|${salt}`) % n;
}

/** Splits Handlebars' trailing options argument from the real arguments. */
function split(args: unknown[]): [unknown[], Options] {
  return [args.slice(0, -1), args[args.length - 1] as Options];
}

const asList = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const LETTERS = 'ABCDEFGHIJ';

/** The helpers, by name; the template loader also uses the names for its unknown-helper check. */
export const HELPERS: Record<string, (...args: unknown[]) => unknown> = {
  /** {{pick "早上好" "早呀"}}: one of the arguments. */
  pick(...args) {
    const [choices, options] = split(args);
    return choices.length === 0 ? '' : choices[choose(options, choices.length)];
  },
  /** {{pickFrom persona.lifestyleThemes}}: one item of a list. */
  pickFrom(...args) {
    const [[list], options] = split(args);
    const xs = asList(list);
    return xs.length === 0 ? '' : xs[choose(options, xs.length)];
  },
  /** {{emoji}}: one of the persona's favourite emoji, or nothing when emoji are off or used up. */
  emoji(...args) {
    const [, options] = split(args);
    const state = stateOf(options);
    const { allowed, maxPerPost, favourites } = state.persona.emoji;
    if (!allowed || favourites.length === 0 || state.emojiUsed >= maxPerPost) return '';
    state.emojiUsed++;
    return favourites[choose(options, favourites.length, String(state.emojiUsed))];
  },
  /** {{signoff}}: one of the persona's sign-offs; the same one for the whole post. */
  signoff(...args) {
    const [, options] = split(args);
    const state = stateOf(options);
    const xs = state.persona.signOffs;
    return xs[hashString(`${state.seed}|signoff`) % xs.length];
  },
  /** {{opener}}: one of the persona's habitual opening lines, or nothing if none is configured. */
  opener(...args) {
    const [, options] = split(args);
    const state = stateOf(options);
    const xs = state.persona.openers ?? [];
    return xs.length === 0 ? '' : xs[hashString(`${state.seed}|opener`) % xs.length];
  },
  /** {{#each (take service.facts 3)}}: the first n items. */
  take: (list, n) => asList(list).slice(0, typeof n === 'number' ? n : undefined),
  /** {{#each (slice service.facts 1 4)}}: items from start (inclusive) to end (exclusive). */
  slice: (list, start, end) => asList(list).slice(Number(start) || 0, typeof end === 'number' ? end : undefined),
  /** {{join campaign.serviceNames "、"}} */
  join: (list, sep) => asList(list).join(typeof sep === 'string' ? sep : '、'),
  /** {{len segment.interests}} */
  len: (list) => asList(list).length,
  /** {{inc @index}}: 1-based numbering. */
  inc: (n) => Number(n) + 1,
  /** {{letter @index}}: A, B, C… for answer options. */
  letter: (n) => LETTERS[Number(n)] ?? '',
  /** {{#if (eq segment.tier "gold")}} */
  eq: (a, b) => a === b,
  /** {{#if (has segment.interests "口腔")}}: a list item or a text contains the word. */
  has: (haystack, needle) => {
    const word = String(needle);
    if (typeof haystack === 'string') return haystack.includes(word);
    return asList(haystack).some((x) => String(x).includes(word));
  },
  /** {{#if (or service campaign)}} */
  or: (...args) => split(args)[0].some(Boolean),
  /** {{#if (not segment.isNew)}} */
  not: (x) => !x,
};

export const HELPER_NAMES = Object.keys(HELPERS);

export function registerHelpers(hb: typeof Handlebars): void {
  for (const [name, fn] of Object.entries(HELPERS)) hb.registerHelper(name, fn as Handlebars.HelperDelegate);
}
