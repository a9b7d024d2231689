// A claim named in order to warn against it is not the writer making it: 不要相信“一次见效”,
// 所谓“永久脱毛”其实并不存在, 别被“明星同款”带节奏, 宣称能祛斑的化妆品要谨慎看待, 做完会不会移位？
// Such findings stay visible but become warnings (which never hold a draft back). Read on the
// original text, because folding drops the quotation marks this depends on.
// Which findings: the claim categories (R08 for the pictures it names — 别轻信“前后对比图”; a
// customer's quoted words are testimony without any warning word, so they rarely qualify), R19
// when the writer advises against the procedure, and prices (R15/R16) only when quoted in a
// warning (警惕“只要99元”).
// The words and the categories are data (compliance/discourse.yaml, section debunk); this module
// holds the shape of each test (which part of the text, anchored where) and the logic.
import type { Finding } from '../domain/types.ts';
import type { DEBUNK_CATEGORIES, DEBUNK_LISTS } from './schema.ts';

/** discourse.yaml's debunk section as compiled: categories, and each list as one regex alternative. */
export interface DebunkSources {
  readonly categories: Record<(typeof DEBUNK_CATEGORIES)[number], readonly string[]>;
  readonly lists: Record<(typeof DEBUNK_LISTS)[number], string>;
}

/** The tests debunked() runs, each a list of discourse.yaml in its fixed shape. */
export interface DebunkRules {
  readonly claims: ReadonlySet<string>;
  /** Prices are softened only when quoted in a warning: 警惕直播间“只要99元”. */
  readonly prices: ReadonlySet<string>;
  readonly minors: ReadonlySet<string>;
  /** Words that warn about a claim somewhere in its sentence. */
  readonly warning: RegExp;
  /** Words that introduce a claim as someone else's, right before it (an opening quote between). */
  readonly introduces: RegExp;
  /** The sentence (or the next) explains the law that forbids it: 医疗广告不得利用患者的形象作证明. */
  readonly law: RegExp;
  /** The law's verbs alone: the law regex runs only where one occurs. */
  readonly lawVerb: RegExp;
  /** Said not to be so right after it: 一张对比图代表不了你会怎样. */
  readonly deniedAfter: RegExp;
  /** A denial inside the match itself: 不能保证斑一次就没了. */
  readonly denialInside: RegExp;
  /** The clause says the claim is not so, just before it: 防晒霜不能祛斑. */
  readonly denied: RegExp;
  /** A match starting with 承诺/保证, which 不 right before denies: 本院不承诺任何治疗效果. */
  readonly promise: RegExp;
  /** A yes/no question ending the claim's sentence: 是永久的吗？ */
  readonly question: RegExp;
  /** Answered yes right after the question: 能永久吗？能！ */
  readonly answeredYes: RegExp;
  /** The claim taken back as the writer's own: 所谓“一次见效”，就是我们家的光子. */
  readonly owned: RegExp;
  /** Citing the law and then turning to one's own claim: ……不得夸大，但我们的效果真的是全城最好. */
  readonly turn: RegExp;
  /** Someone else makes the claim, just before it: 如果有人向你保证…… */
  readonly others: RegExp;
  /** A refusal just before a picture word: 我们不会发布任何顾客的术前术后对比照. */
  readonly refuses: RegExp;
  /** Advice against a procedure for minors (R19): 学生党先别急着做医美, 未满18岁不建议做双眼皮. */
  readonly advisesAgainst: RegExp;
}

/** Any character but a clause or sentence mark: "within the clause". */
const IN_CLAUSE = '[^，。！？；,;!?\\n]';

/** The rules for the compiled lists. Cheap (a few regexes): done on every pack load. */
export function debunkRules({ categories, lists: l }: DebunkSources): DebunkRules {
  const re = (source: string) => new RegExp(source, 'u');
  return {
    claims: new Set(categories.claimCategories),
    prices: new Set(categories.priceCategories),
    minors: new Set(categories.minorsCategories),
    warning: re(l.warning),
    introduces: re(`(?:${l.introduces})[“"「『‘']?$`),
    law: re(`(?:${l.lawSources})[^。！？]{0,10}(?:${l.lawVerbs})`),
    lawVerb: re(l.lawVerbs),
    deniedAfter: re(`^${IN_CLAUSE}{0,4}(?:${l.deniedAfter})`),
    denialInside: re(l.denialInside),
    denied: re(`(?:${l.denied})${IN_CLAUSE}{0,8}$`),
    promise: re(`^(?:${l.promiseWords})`),
    question: re(l.questionEndings),
    answeredYes: re(`^[\\s]*(?:${l.answeredYes})`),
    owned: re(`${l.owned}|${l.ownInstitution}`),
    turn: re(l.turn),
    others: re(`(?:${l.others})${IN_CLAUSE}{0,8}$`),
    refuses: re(l.refuses),
    advisesAgainst: re(l.advisesAgainst),
  };
}

const QUOTES: readonly [string, string][] = [
  ['“', '”'],
  ['"', '"'],
  ['「', '」'],
  ['『', '』'],
  ['‘', '’'],
];

/** 。！？!? and line breaks, by char code: this runs for every finding of every check. */
const endsSentence = (c: number): boolean => c === 0x3002 || c === 0xff01 || c === 0xff1f || c === 0x21 || c === 0x3f || c === 0x0a;

/** How far a "sentence" reaches on each side of a finding at most. A text without sentence marks
 *  (1 MB of comma-separated copy) would otherwise make every finding read the whole text, and a
 *  check take minutes; a warning word 200 characters away does not qualify a claim anyway. */
const SENTENCE_REACH = 200;

function sentenceOf(text: string, start: number, end: number): { from: number; to: number } {
  let from = start;
  const fromLimit = Math.max(0, start - SENTENCE_REACH);
  while (from > fromLimit && !endsSentence(text.charCodeAt(from - 1))) from--;
  let to = end;
  const toLimit = Math.min(text.length, end + SENTENCE_REACH);
  while (to < toLimit && !endsSentence(text.charCodeAt(to))) to++;
  return { from, to };
}

/** Whether [start, end) overlaps a quotation within the sentence [from, to). Searched in the
 *  sentence alone: indexOf on the whole text reads to its end when a mark is missing. */
function quoted(text: string, start: number, end: number, from: number, to: number): boolean {
  const sentence = text.slice(from, to);
  const s = start - from;
  const e = end - from;
  return QUOTES.some(([open, close]) => {
    for (let o = sentence.indexOf(open); o !== -1; ) {
      const c = sentence.indexOf(close, o + 1);
      if (c === -1) return false;
      if (o < e && c > s) return true;
      o = sentence.indexOf(open, c + 1);
    }
    return false;
  });
}

/** Asked, not claimed: the second half of an A-not-A question ("会不会移位？") or inside a
 *  yes/no question ("是永久的吗？"). */
function asked(r: DebunkRules, text: string, start: number, match: string, to: number): boolean {
  const ending = text.slice(start, to + 1);
  // Answered yes right after (能永久吗？能！): the question only set up the claim.
  const answer = text.slice(to + 1, nextSentenceEnd(text, to));
  if (r.answeredYes.test(answer) || r.owned.test(answer)) return false;
  if (r.question.test(ending)) return true;
  const first = match[0];
  return (first === '不' || first === '没') && start > 0 && text[start - 1] === match[1] && /[？?]/u.test(ending);
}

/** The part of text[from, to) after its last clause mark: a refusal must be in the claim's clause. */
function clauseBefore(text: string, from: number, to: number): string {
  const s = text.slice(from, to);
  const cut = Math.max(s.lastIndexOf('，'), s.lastIndexOf(','), s.lastIndexOf('；'), s.lastIndexOf(';'));
  return cut === -1 ? s : s.slice(cut + 1);
}

/** 承诺/保证 right after 不: 本院不承诺任何治疗效果. */
const promiseDenied = (r: DebunkRules, text: string, f: Finding): boolean => r.promise.test(f.match) && text[f.start - 1] === '不';

function nextSentenceEnd(text: string, to: number): number {
  let end = to + 1;
  const limit = Math.min(text.length, to + 1 + SENTENCE_REACH);
  while (end < limit && !endsSentence(text.charCodeAt(end))) end++;
  return end;
}

/** The law regex only where one of its verbs occurs at all. */
const mayExplainLaw = (r: DebunkRules, s: string): boolean => r.lawVerb.test(s) && r.law.test(s);

/** Whether the text names finding f in order to question it rather than make it. */
function debunked(r: DebunkRules, text: string, f: Finding): boolean {
  const isClaim = r.claims.has(f.category);
  if (!isClaim && !r.minors.has(f.category) && !r.prices.has(f.category)) return false;
  const { from, to } = sentenceOf(text, f.start, f.end);
  const next = nextSentenceEnd(text, to);
  if (r.minors.has(f.category)) return r.advisesAgainst.test(text.slice(from, next));
  const quotedInWarning = () => quoted(text, f.start, f.end, from, to) && r.warning.test(text.slice(from, isClaim ? next : to));
  if (!isClaim) return quotedInWarning();
  // Taken back as the writer's own after it (所谓“零风险”，说的就是我们的新技术), or pitched as the
  // writer's own in its clause before it (谨防受骗，来我们这做“零风险”的超声炮): only a denial
  // softens it.
  const owned = r.owned.test(text.slice(f.end, to)) || r.owned.test(clauseBefore(text, from, f.start));
  const before = (n: number) => text.slice(Math.max(from, f.start - n), f.start);
  const denied =
    r.denied.test(before(12)) ||
    r.deniedAfter.test(text.slice(f.end, to)) ||
    r.denialInside.test(f.match) ||
    promiseDenied(r, text, f) ||
    (mayExplainLaw(r, text.slice(from, next)) && !r.turn.test(text.slice(from, next)) && !owned);
  if (denied) return true;
  if (r.refuses.test(clauseBefore(text, Math.max(from, f.start - 16), f.start))) return true;
  if (r.others.test(before(12)) && r.warning.test(text.slice(from, next))) return true;
  if (owned) return false;
  return r.introduces.test(before(6)) || quotedInWarning() || asked(r, text, f.start, f.match, to);
}

/** Findings the text names in order to question them → warnings; the rest unchanged. */
export function softenDebunked<F extends Finding>(rules: DebunkRules, text: string, findings: readonly F[]): F[] {
  return findings.map((f) => (f.severity !== 'warn' && debunked(rules, text, f) ? { ...f, severity: 'warn' as const } : f));
}
