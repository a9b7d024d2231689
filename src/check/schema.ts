// zod schemas for the rule-pack files in compliance/. Messages are Chinese because compliance
// staff edit these files. Anything that needs more than one file (duplicate ids, lexicon names,
// category coverage) is checked in load.ts after every file has parsed.
import { z } from 'zod';
import { SEVERITIES } from '../domain/types.ts';
import { alternation } from './discourse-lists.ts';

export const CATEGORY_IDS = Array.from({ length: 21 }, (_, i) => `R${String(i + 1).padStart(2, '0')}`) as [string, ...string[]];

/** Flags every pattern is compiled with: global scan, full Unicode. */
export const PATTERN_FLAGS = 'gu';

const text = z.string({ error: '必须是文本' }).trim().min(1, '不能为空');
const severity = z.enum(SEVERITIES, { error: '严重程度只能是 block / review / warn' });
const category = z.enum(CATEGORY_IDS, { error: '类别只能是 R01 … R21' });
const name = z.string({ error: '必须是文本' }).regex(/^[a-z][a-z0-9-]*$/, '名称只能包含小写字母、数字和 -，且以字母开头');

const pattern = z.string({ error: '必须是文本' }).superRefine((src, ctx) => {
  let re: RegExp;
  try {
    re = new RegExp(src, PATTERN_FLAGS);
  } catch (e) {
    ctx.addIssue({ code: 'custom', message: `正则表达式无效（${(e as Error).message}）` });
    return;
  }
  // A pattern that matches nothing-at-all would flag every position of every text.
  if (re.test('')) ctx.addIssue({ code: 'custom', message: '正则表达式不能匹配空文本' });
});

export const ruleSchema = z
  .strictObject({
    id: z.string({ error: '必须是文本' }).regex(/^R(0[1-9]|1\d|2[01])-[a-z0-9]+(-[a-z0-9]+)*$/, '规则标识应形如 R05-guarantee'),
    category,
    severity,
    /** Law and article, e.g. 《广告法》第十六条第一款第（一）项. */
    basis: text,
    /** One line for the reviewer: why this is a problem. */
    explanation: text,
    /** A compliant fix: what to replace or delete. */
    suggestion: text,
    terms: z.array(text).default([]),
    patterns: z.array(pattern).default([]),
    /** Lexicons (compliance/lexicons.yaml) whose terms are added to `terms`. */
    lexicons: z.array(name).default([]),
    /** Phrases that make a hit inside them harmless (最近 for 最). */
    except: z.array(text).default([]),
    /** Negations shortly before a hit, in the same clause, that make it a disclaimer. */
    unlessPrecededBy: z.array(text).default([]),
    unlessFollowedBy: z.array(text).default([]),
    /** Suggested replacements for matched words (matched words → compliant wording; "" deletes).
     *  A finding whose words are not listed here suggests deleting them. */
    replace: z.record(text, z.string({ error: '必须是文本（删除请写 ""）' })).default({}),
    /** A context rule (src/check/context/) that decides or re-grades this rule's hits. */
    context: name.optional(),
    /** Extra sentence added to the explanation when the context rule sets this severity. */
    notes: z.partialRecord(severity, text).default({}),
  })
  .superRefine((r, ctx) => {
    if (!r.id.startsWith(`${r.category}-`)) {
      ctx.addIssue({ code: 'custom', path: ['id'], message: `规则标识必须以所属类别开头（${r.category}-…）` });
    }
    if (r.terms.length + r.patterns.length + r.lexicons.length === 0 && !r.context) {
      ctx.addIssue({ code: 'custom', path: ['terms'], message: '规则至少需要 terms、patterns、lexicons 或 context 之一' });
    }
  });

export const packFileSchema = z.strictObject({
  rules: z.array(ruleSchema, { error: 'rules 必须是规则列表' }).min(1, '至少一条规则'),
});

export const manifestSchema = z.strictObject({
  version: z.string({ error: '必须是文本（请加引号）' }).regex(/^\d{4}\.\d{2}-\d+$/, '版本格式应为 YYYY.MM-N，例如 2026.11-1'),
  name: text,
  categories: z.record(category, z.string({ error: (iss) => (iss.input === undefined ? '缺少该类别的标题' : '必须是文本') }).min(1, '不能为空')),
});

export const lexiconsSchema = z.record(name, z.array(text).min(1, '词表不能为空'));

export const departmentsSchema = z.strictObject({
  departments: z
    .array(
      z.strictObject({
        /** 诊疗科目 as on a licence, e.g. 美容中医科. */
        name: text,
        aliases: z.array(text).default([]),
        /** Project words that belong to this department. */
        words: z.array(text).min(1, '至少一个项目用词'),
      }),
    )
    .min(1, '至少一个诊疗科目'),
});

const unit = z.string({ error: '必须是文本' }).length(1, '必须是单个字符');
export const normaliseSchema = z.strictObject({
  skip: z.array(unit).default([]),
  fold: z.record(unit, unit).default({}),
});

/** Issue messages for an object: an unknown key names the keys, a missing one says so. */
const objectOf = (what: string, keys: readonly string[]) => ({
  error: (iss: { code?: string; keys?: string[]; input?: unknown }) =>
    iss.code === 'unrecognized_keys'
      ? `未知字段：${(iss.keys ?? []).join('、')}（可用：${keys.join('、')}）`
      : iss.input === undefined
        ? '缺少该项'
        : what,
});

const words = z.array(text, { error: '应为词语列表，例如 [所谓, 号称]' }).default([]);
const LIST_KEYS = ['words', 'patterns', 'notAfter', 'notBefore'] as const;

/** One word list of compliance/discourse.yaml: literal words, optional regexes, and words that
 *  must not be right before / right after an entry. Code builds the regex around it. */
export const discourseListSchema = z
  .strictObject(
    {
      words,
      patterns: z.array(pattern, { error: '应为正则表达式列表' }).default([]),
      notAfter: words,
      notBefore: words,
    },
    objectOf('应为一个词表（words，可加 patterns、notAfter、notBefore）', LIST_KEYS),
  )
  .superRefine((l, ctx) => {
    if (l.words.length + l.patterns.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['words'], message: '词表不能为空：至少写一个词语（words）或正则（patterns）' });
      return;
    }
    // Each pattern compiles alone (checked above); together they must too (e.g. duplicate group names).
    try {
      new RegExp(alternation(l), PATTERN_FLAGS);
    } catch (e) {
      ctx.addIssue({ code: 'custom', path: ['patterns'], message: `正则表达式无效（${(e as Error).message}）` });
    }
  });

const categories = z.array(category, { error: '应为类别列表，例如 [R05, R06]' }).min(1, '至少一个类别');

export const DEBUNK_LISTS = [
  'warning',
  'introduces',
  'lawSources',
  'lawVerbs',
  'deniedAfter',
  'denialInside',
  'denied',
  'promiseWords',
  'questionEndings',
  'answeredYes',
  'owned',
  'ownInstitution',
  'turn',
  'others',
  'refuses',
  'advisesAgainst',
] as const;
export const TESTIMONY_LISTS = ['greetingMarks', 'served', 'askingAdverbs', 'askingChannels', 'askingVerbs', 'notEvidence', 'notOutcome'] as const;
export const ABSOLUTE_CLAIM_LISTS = ['boundTerms', 'quantityLeads', 'quantityWords', 'awardWords', 'awardClaims', 'stanceWords', 'notTargets'] as const;
export const PITCH_LISTS = [
  'phrases',
  'comeAdverbs',
  'comeVerbs',
  'comeTargets',
  'recommendVerbs',
  'recommendAddressees',
  'recommendActions',
  'interestedIn',
  'interestedAudience',
  'contactWays',
  'contactActions',
  'visitWays',
  'visitPurposes',
] as const;
export const NEGATION_LISTS = ['negations', 'notNegating'] as const;
export const EXPERIENCE_LINK_LISTS = ['labelDenials'] as const;
export const PRODUCT_CLAIM_LISTS = ['usingVerbs'] as const;
export const DEBUNK_CATEGORIES = ['claimCategories', 'priceCategories', 'minorsCategories'] as const;

/** The top-level sections of discourse.yaml, one per rule (or helper) that reads them. */
export const DISCOURSE_SECTIONS = ['debunk', 'testimony', 'absoluteClaim', 'pitch', 'negation', 'experienceLink', 'productMedicalClaim'] as const;

const listsOf = <K extends string>(keys: readonly K[]) => Object.fromEntries(keys.map((k) => [k, discourseListSchema])) as Record<K, typeof discourseListSchema>;

export const discourseSchema = z.strictObject(
  {
    debunk: z
      .strictObject(
        {
          ...(Object.fromEntries(DEBUNK_CATEGORIES.map((k) => [k, categories])) as Record<(typeof DEBUNK_CATEGORIES)[number], typeof categories>),
          ...listsOf(DEBUNK_LISTS),
        },
        objectOf('应为点名批驳的词表集合', [...DEBUNK_CATEGORIES, ...DEBUNK_LISTS]),
      )
      .superRefine((d, ctx) => {
        // A category in two sets would be softened by whichever branch the code tries first.
        const seen = new Map<string, string>();
        for (const key of DEBUNK_CATEGORIES) {
          d[key].forEach((c, i) => {
            const other = seen.get(c);
            if (other) ctx.addIssue({ code: 'custom', path: [key, i], message: `类别 ${c} 已在 ${other} 中，不能重复` });
            else seen.set(c, key);
          });
        }
      }),
    testimony: z.strictObject(listsOf(TESTIMONY_LISTS), objectOf('应为顾客证言的词表集合', TESTIMONY_LISTS)),
    absoluteClaim: z.strictObject(listsOf(ABSOLUTE_CLAIM_LISTS), objectOf('应为绝对化用语的词表集合', ABSOLUTE_CLAIM_LISTS)),
    pitch: z.strictObject(listsOf(PITCH_LISTS), objectOf('应为邀约用语的词表集合', PITCH_LISTS)),
    negation: z.strictObject(listsOf(NEGATION_LISTS), objectOf('应为否定词的词表集合', NEGATION_LISTS)),
    experienceLink: z.strictObject(listsOf(EXPERIENCE_LINK_LISTS), objectOf('应为体验分享广告标识的词表集合', EXPERIENCE_LINK_LISTS)),
    productMedicalClaim: z.strictObject(listsOf(PRODUCT_CLAIM_LISTS), objectOf('应为产品功效宣称的词表集合', PRODUCT_CLAIM_LISTS)),
  },
  objectOf(`文件内容应为包含 ${DISCOURSE_SECTIONS.join('、')} 的对象`, DISCOURSE_SECTIONS),
);

export type DiscourseSpec = z.infer<typeof discourseSchema>;

export type RuleSpec = z.infer<typeof ruleSchema>;
export type Manifest = z.infer<typeof manifestSchema>;
export type Lexicons = z.infer<typeof lexiconsSchema>;
export type NormaliseSpec = z.infer<typeof normaliseSchema>;
export type Departments = z.infer<typeof departmentsSchema>['departments'];
