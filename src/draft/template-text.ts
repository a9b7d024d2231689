// Plain-text post-processing of rendered templates: layout clean-up, the persona's emoji policy and
// the WeCom length limit. Pure functions, so the rules hold whatever a clinic writes in a template.
import type { Persona } from '../workspace/schema.ts';

/** WeCom caps the text of a customer-Moments task (and of a mass message) at 2000 characters. */
export const WECOM_TEXT_LIMIT = 2000;

/**
 * One emoji: a pictograph or a flag pair, with its variation selector, skin tone, keycap and
 * zero-width-joiner sequence. Chinese text and full-width punctuation never match.
 */
const EMOJI =
  /[#*0-9]\uFE0F?\u20E3|(?:\p{Regional_Indicator}{2}|\p{Extended_Pictographic})(?:\uFE0F|\u20E3|[\u{1F3FB}-\u{1F3FF}])*(?:\u200D\p{Extended_Pictographic}(?:\uFE0F|[\u{1F3FB}-\u{1F3FF}])*)*/gu;

/** Characters as a person (and WeCom) counts them: code points, not UTF-16 units. */
export const charCount = (s: string): number => Array.from(s).length;

export const hasChinese = (s: string): boolean => /\p{Script=Han}/u.test(s);

export function countEmoji(s: string): number {
  return s.match(EMOJI)?.length ?? 0;
}

/** Keeps the first `keep` emoji and removes the rest (all of them when keep is 0). */
export function limitEmoji(s: string, keep: number): string {
  let seen = 0;
  return s.replace(EMOJI, (m) => (++seen <= keep ? m : ''));
}

/** Applies the persona's emoji policy: none at all when not allowed, else at most maxPerPost. */
export function applyEmojiPolicy(s: string, persona: Persona): string {
  return limitEmoji(s, persona.emoji.allowed ? persona.emoji.maxPerPost : 0);
}

/**
 * Tidies template output: trailing spaces go, runs of blank lines become one (templates leave
 * empty lines where an optional part rendered nothing), and the text is trimmed.
 */
export function normaliseText(s: string): string {
  return s
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/[ \t\u3000]+$/u, ''))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** The first banned phrase of the persona that occurs in the text, if any. */
export function findBannedPhrase(s: string, persona: Persona): string | undefined {
  return persona.bannedPhrases.find((p) => s.includes(p));
}
