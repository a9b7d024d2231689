// A claim named in order to warn against it is not the writer making it: 不要相信“一次见效”,
// 所谓“永久脱毛”其实并不存在, 别被“明星同款”带节奏, 宣称能祛斑的化妆品要谨慎看待, 做完会不会移位？
// Such findings stay visible but become warnings (which never hold a draft back). Read on the
// original text, because folding drops the quotation marks this depends on.
// Only claim categories: a quoted price (R15/R16) is still a price. R08 is among them for the
// pictures it names (别轻信“前后对比图”); a customer's quoted words are its testimony rules'
// business, which need no warning word to be testimony, so they rarely meet these conditions.
import type { Finding } from '../domain/types.ts';

const MINORS = 'R19';

const CLAIM_CATEGORIES = new Set(['R02', 'R05', 'R06', 'R07', 'R08', 'R09', 'R10', 'R13', 'R18']);

/** Words that warn about a claim somewhere in its sentence. */
const WARNING = /不要相信|不要信|别相信|别信|不要轻信|别轻信|不可信|不能信|警惕|谨慎|小心|当心|所谓|号称|没有依据|没有科学依据|并不存在|不存在的|不靠谱|听听就好|听听而已|误区|谣言|骗局|智商税|夸大|带节奏|查证|核实|忽悠|套路|别被|不要被|辟谣|虚假宣传|都是假的|是假的|不可能/u;

/** Words that introduce a claim as someone else's, right before it. */
const INTRODUCES = /(?:所谓|号称|宣称|宣传|声称|打着|标榜|不要相信|别相信|别信|不要轻信|别轻信|警惕|误区[一二三四五六七八九十\d]*[：:]?)[“"「『‘']?$/u;

const QUOTES: readonly [string, string][] = [
  ['“', '”'],
  ['"', '"'],
  ['「', '」'],
  ['『', '』'],
  ['‘', '’'],
];

const SENTENCE_END = /[。！？!?\n]/u;

function sentenceOf(text: string, start: number, end: number): { from: number; to: number } {
  let from = start;
  while (from > 0 && !SENTENCE_END.test(text[from - 1]!)) from--;
  let to = end;
  while (to < text.length && !SENTENCE_END.test(text[to]!)) to++;
  return { from, to };
}

/** Whether [start, end) lies inside a pair of quotation marks within the sentence. */
function quoted(text: string, start: number, end: number, from: number, to: number): boolean {
  return QUOTES.some(([open, close]) => {
    const o = text.lastIndexOf(open, start - 1);
    if (o < from) return false;
    const c = text.indexOf(close, Math.max(end, o + 1));
    // For a straight quote the opening one must not be a closing one of an earlier pair.
    return c !== -1 && c < to && (open !== close || text.slice(from, o).split(open).length % 2 === 1);
  });
}

/** Asked, not claimed: the second half of an A-not-A question ("会不会移位？") or inside a
 *  yes/no question ("是永久的吗？"). */
function asked(text: string, start: number, match: string, to: number): boolean {
  const ending = text.slice(start, to + 1);
  if (/(?:吗|(?<!什)么)[？?]/u.test(ending)) return true;
  const first = match[0];
  return (first === '不' || first === '没') && start > 0 && text[start - 1] === match[1] && /[？?]/u.test(ending);
}

/** The claim taken back as the writer's own after it was introduced: 所谓“一次见效”，就是我们家的光子. */
const OWNED = /就是我们|我们家|我们的|我们这|本院|我院|本店|我店|咱家/u;

/** A refusal just before a picture word: "我们不会发布任何顾客的术前术后对比照". */
const REFUSES = /不会发布|不发布|不会发|从不发|从来不发|不晒|不会晒|不提供|拒绝/u;

/** Advice against a procedure for minors, in the sentence or the next one (R19): "学生党先别急着
 *  做医美", "未满18岁不建议做双眼皮", "……想给女儿约双眼皮。我们的建议是：未成年人不做". */
const ADVISES_AGAINST = /不建议|先别|别急着|不要做|不做|不能做|不可以做|等成年|成年后再|谢绝|禁止|不接诊|不接待/u;

function nextSentenceEnd(text: string, to: number): number {
  let end = to + 1;
  while (end < text.length && !SENTENCE_END.test(text[end]!)) end++;
  return end;
}

/** Claim findings the text quotes or asks about in order to question them → warnings. */
export function softenDebunked<F extends Finding>(text: string, findings: readonly F[]): F[] {
  return findings.map((f) => {
    if (f.severity === 'warn') return f;
    if (f.category === MINORS) {
      const { from, to } = sentenceOf(text, f.start, f.end);
      return ADVISES_AGAINST.test(text.slice(from, nextSentenceEnd(text, to))) ? { ...f, severity: 'warn' as const } : f;
    }
    if (!CLAIM_CATEGORIES.has(f.category)) return f;
    const { from, to } = sentenceOf(text, f.start, f.end);
    if (REFUSES.test(text.slice(Math.max(from, f.start - 16), f.start))) return { ...f, severity: 'warn' as const };
    const sentence = text.slice(from, to);
    const introduced = INTRODUCES.test(text.slice(Math.max(from, f.start - 6), f.start)) && !OWNED.test(text.slice(f.end, to));
    const warned = WARNING.test(sentence) && quoted(text, f.start, f.end, from, to);
    return introduced || warned || asked(text, f.start, f.match, to) ? { ...f, severity: 'warn' as const } : f;
  });
}
