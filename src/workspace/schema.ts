// The workspace: a clinic's configuration as a folder of YAML files, one zod schema per file.
// Messages are Chinese because clinic staff edit these files and read the errors.
import { z } from 'zod';
import { CONTENT_TYPES } from '../domain/types.ts';

const id = z
  .string({ error: '必须是文本标识' })
  .regex(/^[a-z0-9][a-z0-9_-]*$/, '标识只能包含小写字母、数字、- 和 _，且以字母或数字开头');
const text = z.string({ error: '必须是文本' }).trim().min(1, '不能为空');
const hhmm = z
  .string({ error: '必须是时间文本' })
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, '时间格式应为 HH:mm，例如 07:30');
const isoDate = z
  .string({ error: '必须是日期文本' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), '不是有效日期');
const hexColour = z.string().regex(/^#[0-9a-fA-F]{6}$/, '颜色格式应为 #RRGGBB');
const contentType = z.enum(CONTENT_TYPES, { error: `内容类型只能是 ${CONTENT_TYPES.join(' / ')}` });
const weekday = z.enum(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], { error: '星期应为 mon…sun' });

export const brandSchema = z.strictObject({
  name: text.describe('机构登记名称'),
  shortName: text.optional(),
  address: text,
  phone: text.optional(),
  hours: text.optional(),
  /** 诊疗科目 on the licence (医疗机构执业许可证). */
  licensedDepartments: z.array(text).min(1, '至少填写一个诊疗科目'),
  isMedicalInstitution: z.boolean({ error: '必须是 true 或 false' }),
  /** 医疗广告审查证明文号; without it promotional medical ads are not allowed. */
  adReviewCertificate: text.nullable().optional(),
  timezone: text.default('Asia/Shanghai'),
  colours: z.strictObject({ primary: hexColour, secondary: hexColour, text: hexColour.default('#222222') }),
  logo: text.optional().describe('相对工作区的图片路径'),
  /** The clinic's own card fonts (TTF/OTF/WOFF, paths relative to the workspace); default Noto Sans SC. */
  fonts: z
    .strictObject({ family: text.optional(), regular: text.describe('常规体字体文件'), bold: text.describe('粗体字体文件') })
    .optional(),
});

export const personaSchema = z.strictObject({
  id,
  name: text,
  role: text,
  yearsOfPractice: z.number().int().min(0).max(60),
  /** Which WeCom member account posts as this persona. */
  wecomUserId: text.optional(),
  segments: z.array(id).min(1, '至少服务一个客户分层'),
  voice: z.array(text).min(1, '至少描述一个语气特点'),
  habits: z.array(text).default([]),
  /** How this persona addresses customers (e.g. 姐妹们); template mode falls back to 大家. */
  addressAs: text.optional(),
  /** Opening lines the persona habitually uses; template mode picks one per post. Optional in the
   * parsed type too, so code that builds personas by hand need not know about it. */
  openers: z.array(text).optional(),
  signOffs: z.array(text).min(1, '至少一个结尾签名'),
  emoji: z.strictObject({
    allowed: z.boolean(),
    maxPerPost: z.number().int().min(0).max(20).default(3),
    favourites: z.array(z.string()).default([]),
  }),
  bannedPhrases: z.array(text).default([]),
  lifestyleThemes: z.array(text).min(1, '至少一个生活主题'),
  /** Photo for quote cards, relative to the workspace. */
  avatar: text.optional(),
});

export const segmentSchema = z.strictObject({
  id,
  name: text,
  wecomTagIds: z.array(text).min(1, '至少关联一个企业微信标签'),
  interests: z.array(text).default([]),
  /** Service ids this segment is interested in. */
  services: z.array(id).default([]),
  lifecycle: z.enum(['new', 'active', 'silent', 'repurchase'], { error: '生命周期只能是 new / active / silent / repurchase' }),
  tier: z.enum(['regular', 'silver', 'gold'], { error: '会员等级只能是 regular / silver / gold' }),
  description: text.optional(),
});

export const serviceSchema = z.strictObject({
  id,
  name: text,
  department: text.describe('所属诊疗科目'),
  category: text,
  /** Objective facts an editor may say about the service (what it is, duration, aftercare). */
  facts: z.array(text).min(1, '至少一条可说的客观信息'),
  /** Prescription products are never advertised (广告法第十五条); planner keeps them out of ads. */
  prescription: z.boolean().default(false),
});

const windowSchema = z
  .strictObject({ start: hhmm, end: hhmm, label: text.optional() })
  .refine((w) => w.start < w.end, { message: '时间窗的开始必须早于结束' });

export const groupSchema = z.strictObject({
  id,
  name: text,
  purpose: z.enum(['onboarding', 'education', 'welfare', 'fans'], { error: '社群用途只能是 onboarding / education / welfare / fans' }),
  ownerPersona: id,
  segments: z.array(id).min(1),
  wecomChatIds: z.array(text).default([]),
  topicDays: z.array(weekday).min(1, '至少一天有社群话题'),
  topicTime: hhmm,
  dailyQuestion: z.boolean().default(false),
  dailyQuestionTime: hhmm.default('12:00'),
});

export const policySchema = z
  .strictObject({
    moments: z.strictObject({
      windows: z.array(windowSchema).min(1, '至少一个发布时间窗'),
      /** Posts a customer of one persona sees per day (per persona and segment). */
      perDay: z.strictObject({ min: z.number().int().min(0), max: z.number().int().min(1) }),
      /** Cap on all posts from one persona account per day, across its segments. */
      perPersonaDailyCap: z.number().int().min(1),
      /** At most this many posts from one account in the same window. */
      perWindowCap: z.number().int().min(1).default(2),
    }),
    /** Target share of each content type; normalised at load, need not add to 1. */
    mix: z.partialRecord(contentType, z.number().min(0)),
    /** Ceiling on the share of product + promotion posts per persona and segment. */
    promotionalCeiling: z.number().min(0).max(1),
    /** Minimum days before the same topic reaches the same segment again. */
    repeatIntervalDays: z.number().int().min(0).max(90),
    /** Content types that get an image card; value is the card template name. */
    cards: z.partialRecord(contentType, text).default({}),
    groups: z.array(groupSchema).default([]),
    /** Days before a festival that campaign warm-up content starts. */
    campaignLeadDays: z.number().int().min(0).max(30).default(3),
  })
  .refine((p) => p.moments.perDay.min <= p.moments.perDay.max, { message: 'moments.perDay.min 不能大于 max', path: ['moments', 'perDay'] })
  .refine((p) => Object.values(p.mix).some((v) => (v ?? 0) > 0), { message: '内容配比至少有一项大于 0', path: ['mix'] });

export const campaignSchema = z
  .strictObject({
    id,
    name: text,
    kind: z.enum(['festival', 'quarterly', 'member'], { error: '活动类型只能是 festival / quarterly / member' }),
    start: isoDate,
    end: isoDate,
    theme: text,
    /** Services the campaign features. */
    services: z.array(id).default([]),
    segments: z.array(id).default([]).describe('空表示所有分层'),
  })
  .refine((c) => c.start <= c.end, { message: '活动开始日期不能晚于结束日期', path: ['end'] });

/** A clinic's own additions to the compliance rule pack: words it never wants to see (e.g. a
 *  competitor's name, a banned nickname for a product) and phrases that are harmless in its
 *  copy although they contain a flagged word (e.g. its registered name 最美口腔门诊部). */
export const complianceExtrasSchema = z
  .strictObject({
    terms: z
      .array(
        z.strictObject({
          category: z.string({ error: '必须是文本' }).regex(/^R(0[1-9]|1\d|2[01])$/, '类别只能是 R01 … R21'),
          severity: z.enum(['block', 'review', 'warn'], { error: '严重程度只能是 block / review / warn' }),
          terms: z.array(text).min(1, '至少一个词'),
          explanation: text.optional(),
          suggestion: text.optional(),
        }),
      )
      .default([]),
    allow: z.array(text).default([]),
  })
  .default({ terms: [], allow: [] });

/** File name → schema. The loader reads each file and validates it with its schema. */
export const WORKSPACE_FILES = {
  brand: { file: 'brand.yaml', schema: brandSchema },
  personas: { file: 'personas.yaml', schema: z.array(personaSchema).min(1, '至少一个人设') },
  segments: { file: 'segments.yaml', schema: z.array(segmentSchema).min(1, '至少一个客户分层') },
  services: { file: 'services.yaml', schema: z.array(serviceSchema).min(1, '至少一个项目') },
  policy: { file: 'policy.yaml', schema: policySchema },
  campaigns: { file: 'campaigns.yaml', schema: z.array(campaignSchema).default([]) },
  /** Optional: a workspace without it uses the rule pack as shipped. */
  compliance: { file: 'compliance.yaml', schema: complianceExtrasSchema, optional: true },
} as const;

export type Brand = z.infer<typeof brandSchema>;
export type Persona = z.infer<typeof personaSchema>;
export type Segment = z.infer<typeof segmentSchema>;
export type Service = z.infer<typeof serviceSchema>;
export type Policy = z.infer<typeof policySchema>;
export type Group = z.infer<typeof groupSchema>;
export type Campaign = z.infer<typeof campaignSchema>;
export type ComplianceExtras = z.infer<typeof complianceExtrasSchema>;
export type TimeWindow = z.infer<typeof windowSchema>;

export interface Workspace {
  /** Absolute folder the workspace was loaded from. */
  dir: string;
  brand: Brand;
  personas: Persona[];
  segments: Segment[];
  services: Service[];
  policy: Policy;
  campaigns: Campaign[];
  compliance: ComplianceExtras;
}
