// A small inline workspace for the LLM drafter tests (independent of examples/workspace).
import type { ContentType, DraftKind, Slot } from '../../src/domain/types.ts';
import type { DraftContext } from '../../src/draft/drafter.ts';
import type { Persona, Segment, Service, Workspace } from '../../src/workspace/schema.ts';

export const persona: Persona = {
  id: 'lin',
  name: '林晓',
  role: '皮肤管理咨询师',
  yearsOfPractice: 8,
  segments: ['skin-new'],
  voice: ['温柔耐心', '像闺蜜一样说话', '爱用比喻解释专业知识'],
  habits: ['开头先问候天气', '结尾提醒多喝水'],
  addressAs: '姐妹们',
  openers: ['早呀～'],
  signOffs: ['有问题随时找我～晓晓'],
  emoji: { allowed: true, maxPerPost: 2, favourites: ['🌿', '☀️'] },
  bannedPhrases: ['亲', '家人们'],
  lifestyleThemes: ['周末徒步', '烘焙'],
};

export const segment: Segment = {
  id: 'skin-new',
  name: '皮肤管理新客',
  wecomTagIds: ['tag-skin-new'],
  interests: ['皮肤管理', '补水保湿'],
  services: ['hydra'],
  lifecycle: 'new',
  tier: 'regular',
};

export const service: Service = {
  id: 'hydra',
  name: '水光护理',
  department: '美容皮肤科',
  category: '皮肤管理',
  facts: ['操作时间约 40 分钟', '护理后 24 小时内避免化妆'],
  prescription: false,
};

export const workspace: Workspace = {
  dir: '/tmp/siyu-test-workspace',
  brand: {
    name: '示例医疗美容诊所有限公司',
    shortName: '示例诊所',
    address: '上海市示例路 1 号',
    licensedDepartments: ['美容皮肤科'],
    isMedicalInstitution: true,
    adReviewCertificate: null,
    timezone: 'Asia/Shanghai',
    colours: { primary: '#336699', secondary: '#99ccff', text: '#222222' },
  },
  personas: [persona],
  segments: [segment],
  services: [service],
  policy: {
    moments: { windows: [{ start: '07:30', end: '10:00' }], perDay: { min: 1, max: 3 }, perPersonaDailyCap: 3, perWindowCap: 2 },
    mix: { knowledge: 1 },
    promotionalCeiling: 0.3,
    repeatIntervalDays: 7,
    cards: { knowledge: 'knowledge_card', interaction: 'topic_card', lifestyle: 'quote_card' },
    groups: [],
    campaignLeadDays: 3,
  },
  campaigns: [],
  compliance: { terms: [], allow: [] },
};

export function context(kind: DraftKind = 'moments', contentType: ContentType = 'product', extra: Partial<DraftContext> = {}): DraftContext {
  const slot: Slot = {
    key: `2025-06-01/lin/skin-new/${kind}/${contentType}`,
    kind,
    contentType,
    personaId: persona.id,
    segmentId: segment.id,
    date: '2025-06-01',
    time: '08:30',
    at: '2025-06-01T00:30:00.000Z',
    topic: service.id,
  };
  return { workspace, slot, persona, segment, service, ...extra };
}
