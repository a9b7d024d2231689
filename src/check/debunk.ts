// A claim named in order to warn against it is not the writer making it: 不要相信“一次见效”,
// 所谓“永久脱毛”其实并不存在, 别被“明星同款”带节奏, 宣称能祛斑的化妆品要谨慎看待, 做完会不会移位？
// Such findings stay visible but become warnings (which never hold a draft back). Read on the
// original text, because folding drops the quotation marks this depends on.
// Which findings: the claim categories (R08 for the pictures it names — 别轻信“前后对比图”; a
// customer's quoted words are testimony without any warning word, so they rarely qualify), R19
// when the writer advises against the procedure, and prices (R15/R16) only when quoted in a
// warning (警惕“只要99元”).
import type { Finding } from '../domain/types.ts';

const MINORS = 'R19';

const CLAIM_CATEGORIES = new Set(['R02', 'R05', 'R06', 'R07', 'R08', 'R09', 'R10', 'R13', 'R18', 'R20']);

/** Prices are softened only when quoted in a warning: 警惕直播间“只要99元”. */
const PRICE_CATEGORIES = new Set(['R15', 'R16']);

/** Words that warn about a claim somewhere in its sentence. */
const WARNING = /冒用|冒充|冒名|与本院无关|诈骗|骗子|请谨慎|要谨慎|能信吗|可信吗|靠谱吗|没有[^，。！？]{0,4}依据|迷信|违规宣传|违法宣传|明确禁止|来源不明|不要相信|不要信|别相信|别信|不要轻信|别轻信|不可信|不能信|警惕|谨慎|小心|当心|所谓|号称|没有依据|没有科学依据|并不存在|不存在的|不靠谱|听听就好|听听而已|误区|谣言|骗局|智商税|夸大|带节奏|查证|核实|忽悠|套路|别被|不要被|辟谣|虚假宣传|都是假的|是假的|不可能/u;

/** Words that introduce a claim as someone else's, right before it. */
const INTRODUCES = /(?:所谓|号称|宣称|宣传|声称|打着|标榜|不要相信|别相信|别信|不要轻信|别轻信|警惕|不要指望|别指望|不能指望|误区[一二三四五六七八九十\d]*[：:]?)[“"「『‘']?$/u;

const QUOTES: readonly [string, string][] = [
  ['“', '”'],
  ['"', '"'],
  ['「', '」'],
  ['『', '』'],
  ['‘', '’'],
];

/** 。！？!? and line breaks, by char code: this runs for every finding of every check. */
const endsSentence = (c: number): boolean => c === 0x3002 || c === 0xff01 || c === 0xff1f || c === 0x21 || c === 0x3f || c === 0x0a;

function sentenceOf(text: string, start: number, end: number): { from: number; to: number } {
  let from = start;
  while (from > 0 && !endsSentence(text.charCodeAt(from - 1))) from--;
  let to = end;
  while (to < text.length && !endsSentence(text.charCodeAt(to))) to++;
  return { from, to };
}

/** Whether [start, end) overlaps a quotation within the sentence [from, to). */
function quoted(text: string, start: number, end: number, from: number, to: number): boolean {
  return QUOTES.some(([open, close]) => {
    for (let o = text.indexOf(open, from); o !== -1 && o < to; ) {
      const c = text.indexOf(close, o + 1);
      if (c === -1 || c >= to) return false;
      if (o < end && c > start) return true;
      o = text.indexOf(open, c + 1);
    }
    return false;
  });
}

/** The sentence (or the next) explains the law that forbids it: 医疗广告不得利用患者的形象作证明. */
const LAW = /(?:广告|规定|法规|广告法|办法|指南|法律)[^。！？]{0,10}(?:不得(?!不)|禁止|不允许)/u;

/** Said not to be so right after it: 一张对比图代表不了你会怎样. */
const DENIED_AFTER = /^[^，。！？；,;!?\n]{0,4}(?:代表不了|说明不了|不代表|不能说明|不等于)/u;

/** A denial inside the match itself: 不能保证斑一次就没了. */
const DENIAL_INSIDE = /不能保证|无法保证|不保证|保证不了/u;

/** Asked, not claimed: the second half of an A-not-A question ("会不会移位？") or inside a
 *  yes/no question ("是永久的吗？"). */
function asked(text: string, start: number, match: string, to: number): boolean {
  const ending = text.slice(start, to + 1);
  // Answered yes right after (能永久吗？能！): the question only set up the claim.
  const answer = text.slice(to + 1, nextSentenceEnd(text, to));
  if (/^[\s]*(?:能|可以|会|有|当然|没问题|肯定|必须|保证|绝对|放心|是的|对|包|管)/u.test(answer) || OWNED.test(answer)) return false;
  if (/(?:吗|(?<!什)么)[？?]|是什么[？?]|到底是什么/u.test(ending)) return true;
  const first = match[0];
  return (first === '不' || first === '没') && start > 0 && text[start - 1] === match[1] && /[？?]/u.test(ending);
}

/** The claim taken back as the writer's own after it was introduced: 所谓“一次见效”，就是我们家的光子. */
const OWNED = /就是我们|说的就是|正是我|我们家|我们的|我们这|我们做到|我们可以|我们能|(?<!与)(?:本院|我院|本店|我店)(?!无关|名义|不承诺|不会|从不|没有|从未)|咱家/u;

/** Citing the law and then turning to one's own claim: 医疗广告不得夸大，但我们的效果真的是全城最好. */
const TURN = /但是?|可是|不过|然而|所以|因此|偏偏|其实我们/u;

/** The part of text[from, to) after its last clause mark: a refusal must be in the claim's clause. */
function clauseBefore(text: string, from: number, to: number): string {
  const s = text.slice(from, to);
  const cut = Math.max(s.lastIndexOf('，'), s.lastIndexOf(','), s.lastIndexOf('；'), s.lastIndexOf(';'));
  return cut === -1 ? s : s.slice(cut + 1);
}

/** Someone else makes the claim, in a sentence that warns about it: 如果有人向你保证……，请谨慎. */
const OTHERS = /(?:如果有人|要是有人|若有人|有人|别人|商家|有些机构|有的机构|网上|直播间)[^，。！？；,;!?\n]{0,8}$/u;

/** A refusal just before a picture word: "我们不会发布任何顾客的术前术后对比照". */
const REFUSES = /不会发布|不发布|不会发|从不发|从来不发|不晒|不会晒|不提供|拒绝|从来不放|从不放|不会放/u;

/** The clause says the claim is not so, just before it: 不能保证斑一次就没了, 防晒霜不能祛斑. */
const DENIED = /(?:不能|无法|并不能|不可能|做不到|不保证|保证不了|替代不了|代替不了|不能替代|不能代替|不会(?:把它)?(?:说成|描述成|宣传成|写成)|不说成)[^，。！？；,;!?\n]{0,8}$/u;

/** 承诺/保证 right after 不: 本院不承诺任何治疗效果. */
const promiseDenied = (text: string, f: Finding): boolean => /^(?:承诺|保证)/u.test(f.match) && text[f.start - 1] === '不';

/** Advice against a procedure for minors, in the sentence or the next one (R19): "学生党先别急着
 *  做医美", "未满18岁不建议做双眼皮", "……想给女儿约双眼皮。我们的建议是：未成年人不做". */
const ADVISES_AGAINST = /不为|不提供|须由监护人|监护人陪同|不建议|先别|别急着|不要做|不做(?![^，。！？]{0,3}(?:等什么|更待何时|就亏|就晚|就没))|不能做|不可以做|等成年|成年后再|谢绝|禁止|不接诊|不接待/u;

function nextSentenceEnd(text: string, to: number): number {
  let end = to + 1;
  while (end < text.length && !endsSentence(text.charCodeAt(end))) end++;
  return end;
}

/** LAW's regex only where one of its verbs occurs at all. */
const mayExplainLaw = (s: string): boolean => (s.includes('不得') || s.includes('禁止') || s.includes('不允许')) && LAW.test(s);

/** Whether the text names finding f in order to question it rather than make it. */
function debunked(text: string, f: Finding): boolean {
  const isClaim = CLAIM_CATEGORIES.has(f.category);
  if (!isClaim && f.category !== MINORS && !PRICE_CATEGORIES.has(f.category)) return false;
  const { from, to } = sentenceOf(text, f.start, f.end);
  const next = nextSentenceEnd(text, to);
  if (f.category === MINORS) return ADVISES_AGAINST.test(text.slice(from, next));
  const quotedInWarning = () => quoted(text, f.start, f.end, from, to) && WARNING.test(text.slice(from, isClaim ? next : to));
  if (!isClaim) return quotedInWarning();
  // Taken back as the writer's own after it (所谓“零风险”，说的就是我们的新技术): only a denial softens it.
  const owned = OWNED.test(text.slice(f.end, to));
  const before = (n: number) => text.slice(Math.max(from, f.start - n), f.start);
  const denied =
    DENIED.test(before(12)) ||
    DENIED_AFTER.test(text.slice(f.end, to)) ||
    DENIAL_INSIDE.test(f.match) ||
    promiseDenied(text, f) ||
    (mayExplainLaw(text.slice(from, next)) && !TURN.test(text.slice(from, next)) && !owned);
  if (denied) return true;
  if (REFUSES.test(clauseBefore(text, Math.max(from, f.start - 16), f.start))) return true;
  if (OTHERS.test(before(12)) && WARNING.test(text.slice(from, next))) return true;
  if (owned) return false;
  return INTRODUCES.test(before(6)) || quotedInWarning() || asked(text, f.start, f.match, to);
}

/** Findings the text names in order to question them → warnings; the rest unchanged. */
export function softenDebunked<F extends Finding>(text: string, findings: readonly F[]): F[] {
  return findings.map((f) => (f.severity !== 'warn' && debunked(text, f) ? { ...f, severity: 'warn' as const } : f));
}
