// The domain vocabulary shared by every stage. Types that cross a stage boundary are declared here
// once and imported everywhere else, so this file doubles as the map of the data flow:
// workspace → plan → draft → check → review → schedule → publish.

export const DRAFT_KINDS = ['moments', 'group_topic', 'card'] as const;
export type DraftKind = (typeof DRAFT_KINDS)[number];

/** The six Moments content types from the clinic SOP (seed 002). */
export const CONTENT_TYPES = [
  'knowledge', // 干货/科普
  'interaction', // 互动
  'product', // 项目卖点
  'promotion', // 活动促销
  'word_of_mouth', // 口碑
  'lifestyle', // 生活
] as const;
export type ContentType = (typeof CONTENT_TYPES)[number];

/** Content types that count towards the promotional ceiling of the posting policy. */
export const PROMOTIONAL_TYPES: readonly ContentType[] = ['product', 'promotion'];

export const CONTENT_TYPE_LABELS: Record<ContentType, string> = {
  knowledge: '干货科普',
  interaction: '互动',
  product: '项目介绍',
  promotion: '活动促销',
  word_of_mouth: '口碑',
  lifestyle: '生活',
};

export const DRAFT_KIND_LABELS: Record<DraftKind, string> = {
  moments: '朋友圈',
  group_topic: '社群话题',
  card: '图文卡片',
};

export const SEVERITIES = ['block', 'review', 'warn'] as const;
export type Severity = (typeof SEVERITIES)[number];

export type Verdict = 'pass' | 'review' | 'block';

export const SEVERITY_LABELS: Readonly<Record<Severity, string>> = { block: '禁止', review: '需审核', warn: '提醒' };

export const VERDICT_LABELS: Readonly<Record<Verdict, string>> = {
  pass: '可以发布',
  review: '需合规审核签字后发布',
  block: '禁止发布，必须修改',
};

export const ROLES = ['editor', 'reviewer', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Card fields carried by a card draft; the card is rendered from them (src/draft/card-images.ts). */
export interface CardFields {
  template: string;
  title: string;
  points?: string[];
  quote?: string;
  /** A line under the title (article covers). */
  subtitle?: string;
  /** A price on a campaign poster: set by an editor only, never drafted (a model would invent one),
   *  and refused at render unless the clinic has a 医疗广告审查证明文号. */
  price?: string;
  question?: string;
  options?: string[];
  footer?: string;
}

/**
 * One planned posting slot. Produced by the planner (pure), turned into a draft by a drafter.
 * `key` is deterministic so planning the same day twice finds the same slot.
 */
export interface Slot {
  key: string;
  kind: DraftKind;
  contentType: ContentType;
  personaId: string;
  segmentId: string;
  /** Group id for group topics. */
  groupId?: string;
  /** Local date (YYYY-MM-DD) in the workspace time zone. */
  date: string;
  /** Local wall-clock time HH:mm in the workspace time zone. */
  time: string;
  /** The instant, as an ISO string in UTC. */
  at: string;
  /** What the post is about: a service id, lifestyle theme, campaign id or question topic. */
  topic: string;
  campaignId?: string;
  /** Card template name for card slots. */
  cardTemplate?: string;
  /** For a card, the key of the Moments slot it illustrates. */
  parentKey?: string;
}

/** What a drafter returns for one slot. */
export type DraftOutcome =
  | { ok: true; text: string; card?: CardFields; source: 'template' | 'llm' }
  | { ok: false; reason: string };

export interface Finding {
  rule: string;
  category: string;
  severity: Severity;
  /** UTF-16 offsets into the original text. */
  start: number;
  end: number;
  match: string;
  basis: string;
  explanation?: string;
  suggestion?: string;
  /** Compliant wording for the matched words; "" means delete them. */
  replacement?: string;
}

export interface CheckResult {
  verdict: Verdict;
  findings: Finding[];
  rulePackVersion: string;
}

/** A file stored with a revision (a rendered card) in the content-addressed media store. */
export interface MediaRef {
  /** File name inside the media store: `<sha256>.png`. */
  path: string;
  sha256: string;
  width: number;
  height: number;
  format: 'png' | 'jpeg';
  /** The card size preset it was rendered at (moments_portrait…). */
  preset: string;
}

/** A finding about an image rather than a span of text (R08 image check). */
export interface MediaFinding {
  /** sha256 of the image (a MediaRef of the same revision). */
  media: string;
  rule: string;
  category: string;
  severity: Severity;
  /** What a person sees in lists, e.g. "卡片图片 2b214a41". */
  match: string;
  basis: string;
  explanation?: string;
  suggestion?: string;
  evidence?: unknown;
}

/** A revision's check: the text checker's result plus the image check's findings, one verdict
 *  for both (block > review > pass). */
export interface DraftCheck extends CheckResult {
  mediaFindings?: MediaFinding[];
}

export const DRAFT_STATUSES = [
  'failed', // drafting failed; reason stored
  'in_review', // waiting for an editor
  'awaiting_signoff', // editor approved, review-level findings still need a reviewer
  'approved',
  'rejected',
  'scheduled',
  'published',
  'refused', // the worker refused it at publish time
  'unconfirmed', // a publish call whose outcome is unknown; a person decides
] as const;
export type DraftStatus = (typeof DRAFT_STATUSES)[number];

export const DRAFT_STATUS_LABELS: Record<DraftStatus, string> = {
  failed: '生成失败',
  in_review: '待审核',
  awaiting_signoff: '待合规签字',
  approved: '已通过',
  rejected: '已驳回',
  scheduled: '已排期',
  published: '已发布',
  refused: '发布被拒',
  unconfirmed: '发布待确认',
};
