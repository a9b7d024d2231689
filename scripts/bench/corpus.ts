// Deterministic benchmark corpus in the style of clinic 朋友圈 / 社群 / 公众号 copy. Built from the
// seed articles (split into sentences), the example workspace's services and risky terms from the
// checker's own vocabulary, so the matchers see realistic text: mostly clean, ~10–20 % with
// findings, some evasions. The same seed always gives byte-identical posts (see `hash`), so
// figures from different runs, or before/after a checker change, compare like with like.
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as OpenCC from 'opencc-js';

/** The source articles the project was given, kept with the tests so a clone is self-contained. */
export const DEFAULT_SEEDS_DIR = fileURLToPath(new URL('../../test/fixtures/seeds/', import.meta.url));
export const DEFAULT_POSTS = 10_000;
export const DEFAULT_SEED = 20261101;
/** Longest post, in UTF-16 units (a long 公众号-style article). */
export const MAX_POST_LENGTH = 1000;
export const MIN_POST_LENGTH = 50;

/** mulberry32: tiny, fast, good enough for test data. src/plan/seeded.ts hashes its inputs with
 *  sha1 per choice (right for plans, far too slow for the ~100 k choices a corpus needs). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// OpenCC dictionaries take ~100 ms and tens of MB each: built per call, not kept at module level,
// so they are garbage once the corpus exists and do not inflate the benchmark's heap figures.
const converter = (from: 't' | 'cn', to: 'cn' | 'tw') => OpenCC.Converter({ from, to });

/** Pinyin glosses the scraped seed pages carry after characters, e.g. 醫(yī). */
const PINYIN_GLOSS = /\([a-zāáǎàēéěèīíǐìōóǒòūúǔùüǖǘǚǜ]+\)/g;

/** Seed text → unique simplified sentences of 8–160 units (two seeds are in traditional script:
 *  clinic copy is simplified, and traditional text is added on purpose as an evasion instead). */
export function splitSentences(raw: string, toSimplified = converter('t', 'cn')): string[] {
  const text = toSimplified(raw.replace(PINYIN_GLOSS, ''));
  const out = new Set<string>();
  for (const piece of text.split(/(?<=[。！？!?；])|\n+/)) {
    const s = piece.replace(/^[\s•·*\-–—]+/, '').trim();
    if (s.length >= 8 && s.length <= 160) out.add(s);
  }
  return [...out];
}

export async function loadSeedSentences(dir = DEFAULT_SEEDS_DIR): Promise<string[]> {
  const files = (await readdir(dir)).filter((f) => f.endsWith('.txt')).sort();
  if (files.length === 0) throw new Error(`${dir}: no seed articles (*.txt)`);
  const all = new Set<string>();
  const toSimplified = converter('t', 'cn');
  for (const f of files) for (const s of splitSentences(await readFile(path.join(dir, f), 'utf8'), toSimplified)) all.add(s);
  return [...all];
}

export interface CorpusSource {
  sentences: readonly string[];
  services: readonly { name: string; facts: readonly string[] }[];
  /** Literal risky phrases (checker.vocabulary.terms). */
  riskyTerms: readonly string[];
  /** Sorts seed material: clean posts use only sentences, service names and facts it passes; the
   *  rest (the seeds are marketing plans, ~10 % of sentences say 优惠/促销/保证…) goes into risky
   *  posts only. Without it everything counts as clean and most posts end up with findings. */
  isRisky?: (text: string) => boolean;
}

export interface CorpusOptions {
  posts?: number;
  seed?: number;
  /** Share of posts made risky: 1–2 injected terms, sometimes a risky seed sentence or service. */
  riskRate?: number;
}

export type PostKind = 'moment' | 'group' | 'article';

export interface Corpus {
  posts: string[];
  /** Total UTF-16 units, what every matcher walks. */
  chars: number;
  /** sha1 prefix of all posts: equal hashes mean an identical corpus. */
  hash: string;
  stats: { kinds: Record<PostKind, number>; risky: number; evasions: number; traditional: number; minLength: number; maxLength: number };
}

// Length ranges by kind; mean ≈ 280 units, so 10,000 posts are comfortably over 2 M characters.
const KINDS: readonly { kind: PostKind; share: number; min: number; max: number }[] = [
  { kind: 'moment', share: 0.45, min: MIN_POST_LENGTH, max: 160 },
  { kind: 'group', share: 0.35, min: 150, max: 420 },
  { kind: 'article', share: 0.2, min: 420, max: 940 },
];
// Emoji with ZWJ sequences and U+FE0F on purpose: surrogate pairs and skipped units stress the
// 'u' regexes and the normaliser's offset map.
const EMOJI = ['✨', '💖', '🌸', '🔥', '👉', '📍', '🎁', '💆‍♀️', '❤️', '👩‍⚕️', '🙋‍♀️', '⭐️', '📅', '🌟', '😊', '🥰', '☀️', '💧'];
const BULLETS = ['✅ ', '👉 ', '· ', '1️⃣ ', '2️⃣ ', '3️⃣ ', '— '];
const GREETINGS = ['各位宝子们晚上好～', '姐妹们早上好呀', '今天和大家聊聊', '【本周护肤小课堂】', '群里的小伙伴们注意啦', '周末门诊安排来啦'];
// Clean calls to action (no prices, no urgency): the risky part of a post is what we inject.
const CTAS = ['想了解的可以找我预约面诊～', '具体方案以医生面诊评估为准。', '有问题欢迎在群里留言，我们的咨询师会一一回复。', '到院前请提前预约哦。', '术后护理有疑问随时问我们。'];
const CARRIERS: readonly ((t: string) => string)[] = [(t) => `${t}，`, (t) => `${t}！`, (t) => `真的${t}。`, (t) => `「${t}」`];

/** Cuts at `max` units without splitting a surrogate pair. */
function clip(s: string, max: number): string {
  if (s.length <= max) return s;
  const code = s.charCodeAt(max - 1);
  return s.slice(0, code >= 0xd800 && code <= 0xdbff ? max - 1 : max);
}

export function buildCorpus(source: CorpusSource, options: CorpusOptions = {}): Corpus {
  const { posts: count = DEFAULT_POSTS, seed = DEFAULT_SEED, riskRate = 0.12 } = options;
  const isRisky = source.isRisky ?? (() => false);
  const cleanSentences = source.sentences.filter((s) => !isRisky(s));
  const riskySentences = source.sentences.filter((s) => isRisky(s));
  const cleanServices = source.services
    .filter((s) => !isRisky(s.name))
    .map((s) => ({ name: s.name, facts: s.facts.filter((f) => !isRisky(f)) }));
  const riskyServices = source.services.filter((s) => isRisky(s.name));
  if (cleanSentences.length === 0 || cleanServices.length === 0 || source.riskyTerms.length === 0) {
    throw new Error('buildCorpus: clean sentences, clean services and risky terms must all be non-empty');
  }
  const toTraditional = converter('cn', 'tw');
  // Evasions the pack's normaliser is meant to undo (normalise.yaml skip / fold).
  const EVASIONS: readonly ((t: string) => string)[] = [
    (t) => [...t].join(' '),
    (t) => [...t].join('-'),
    (t) => [...t].join('*'),
    (t) => [...t].join('\u200b'),
    (t) => toTraditional(t),
  ];
  const rnd = mulberry32(seed);
  const int = (n: number) => Math.floor(rnd() * n);
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)]!;
  const stats: Corpus['stats'] = {
    kinds: { moment: 0, group: 0, article: 0 },
    risky: 0,
    evasions: 0,
    traditional: 0,
    minLength: Infinity,
    maxLength: 0,
  };

  const posts: string[] = [];
  for (let p = 0; p < count; p++) {
    let r = rnd();
    const shape = KINDS.find((k) => (r -= k.share) < 0) ?? KINDS[KINDS.length - 1]!;
    const target = shape.min + int(shape.max - shape.min + 1);
    // Decided up front so a risky post can also be about a risky service (肉毒毒素, 超范围科目).
    const risky = rnd() < riskRate;
    const service = risky && riskyServices.length > 0 && rnd() < 0.2 ? pick(riskyServices) : pick(cleanServices);
    // 70 % seed sentences, 30 % the service's own facts, like real copy mixing talk and facts.
    const line = () => (rnd() < 0.3 && service.facts.length > 0 ? pick(service.facts) : pick(cleanSentences));

    let text: string;
    if (shape.kind === 'moment') {
      const lines = [`${pick(EMOJI)}${service.name}｜${line()}`];
      while (lines.join('\n').length < target) lines.push(line());
      text = `${lines.join('\n')}\n${pick(CTAS)}${pick(EMOJI)}`;
    } else if (shape.kind === 'group') {
      const lines = [pick(GREETINGS)];
      while (lines.join('\n').length < target) lines.push(`${rnd() < 0.5 ? pick(BULLETS) : ''}${line()}`);
      text = `${lines.join('\n')}\n${pick(CTAS)}`;
    } else {
      const paragraphs = [`【${service.name}】${line()}`];
      while (paragraphs.join('\n\n').length < target) paragraphs.push(Array.from({ length: 2 + int(3) }, line).join(''));
      text = paragraphs.join('\n\n');
    }
    text = clip(text, Math.max(shape.max, MIN_POST_LENGTH));

    if (risky) {
      stats.risky++;
      const inserts: string[] = [];
      if (riskySentences.length > 0 && rnd() < 0.35) inserts.push(pick(riskySentences));
      for (let n = rnd() < 0.75 ? 1 : 2; n > 0; n--) {
        let term = pick(source.riskyTerms);
        if (rnd() < 0.25) {
          const evaded = pick(EVASIONS)(term);
          // A term with no traditional form is spaced out instead, so every evasion is real.
          term = evaded === term ? [...term].join(' ') : evaded;
          stats.evasions++;
        }
        inserts.push(pick(CARRIERS)(term));
      }
      // The body is cut first so that the insertions (≤ ~200 units) still fit in MAX_POST_LENGTH.
      text = clip(text, MAX_POST_LENGTH - inserts.reduce((n, s) => n + s.length, 0));
      for (const insert of inserts) {
        // Insert at a clause or line boundary, or at the very start.
        const cuts = [0];
        for (let i = 0; i < text.length; i++) if ('。！？，\n'.includes(text[i]!)) cuts.push(i + 1);
        const at = pick(cuts);
        text = text.slice(0, at) + insert + text.slice(at);
      }
    }
    if (rnd() < 0.02) {
      text = toTraditional(text);
      stats.traditional++;
    }
    text = clip(text, MAX_POST_LENGTH);
    stats.kinds[shape.kind]++;
    stats.minLength = Math.min(stats.minLength, text.length);
    stats.maxLength = Math.max(stats.maxLength, text.length);
    posts.push(text);
  }

  const hash = createHash('sha1');
  let chars = 0;
  for (const post of posts) {
    hash.update(post).update('\u0000');
    chars += post.length;
  }
  return { posts, chars, hash: hash.digest('hex').slice(0, 12), stats };
}
