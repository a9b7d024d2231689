// A small, fully controlled workspace for unit tests of the planning rules. Tests override parts.
import type { Workspace } from '../../src/workspace/schema.ts';

export function fixtureWorkspace(overrides: Partial<Omit<Workspace, 'dir'>> = {}): Workspace {
  const base: Workspace = {
    dir: '/fixture',
    brand: {
      name: '测试医疗美容诊所',
      address: '测试市测试路 1 号',
      licensedDepartments: ['美容皮肤科'],
      isMedicalInstitution: true,
      adReviewCertificate: null,
      timezone: 'Asia/Shanghai',
      colours: { primary: '#aa5577', secondary: '#ffeeee', text: '#222222' },
    },
    personas: [
      {
        id: 'nurse',
        name: '小林',
        role: '皮肤管理顾问',
        yearsOfPractice: 6,
        segments: ['skin', 'new'],
        voice: ['温和'],
        habits: [],
        signOffs: ['—— 小林'],
        emoji: { allowed: true, maxPerPost: 2, favourites: ['🌿'] },
        bannedPhrases: [],
        lifestyleThemes: ['晨跑', '读书', '做饭'],
      },
      {
        id: 'senior',
        name: '王姐',
        role: '资深顾问',
        yearsOfPractice: 12,
        segments: ['gold'],
        voice: ['稳重'],
        habits: [],
        signOffs: ['王姐'],
        emoji: { allowed: false, maxPerPost: 0, favourites: [] },
        bannedPhrases: [],
        lifestyleThemes: ['插花', '茶', '旅行', '读书'],
      },
    ],
    segments: [
      { id: 'skin', name: '皮肤管理', wecomTagIds: ['et_skin'], interests: ['防晒', '补水', '控油', '痘痘肌'], services: ['hydra', 'ipl', 'peel', 'botox', 'analysis', 'rf'], lifecycle: 'active', tier: 'regular' },
      { id: 'new', name: '新客', wecomTagIds: ['et_new'], interests: ['初次到院', '防晒', '敏感肌', '换季护肤'], services: ['hydra', 'analysis', 'peel', 'ipl'], lifecycle: 'new', tier: 'regular' },
      { id: 'gold', name: '金卡', wecomTagIds: ['et_gold'], interests: ['抗衰', '紧致', '熬夜修复', '抗氧化'], services: ['rf', 'ipl', 'botox', 'analysis', 'peel'], lifecycle: 'repurchase', tier: 'gold' },
    ],
    services: [
      { id: 'hydra', name: '水光护理', department: '美容皮肤科', category: '皮肤', facts: ['约 40 分钟'], prescription: false },
      { id: 'ipl', name: '光子嫩肤', department: '美容皮肤科', category: '光电', facts: ['约 30 分钟'], prescription: false },
      { id: 'peel', name: '果酸焕肤', department: '美容皮肤科', category: '皮肤', facts: ['需遵医嘱'], prescription: false },
      { id: 'analysis', name: '皮肤检测', department: '美容皮肤科', category: '检测', facts: ['约 15 分钟'], prescription: false },
      { id: 'rf', name: '射频紧致', department: '美容皮肤科', category: '光电', facts: ['约 60 分钟'], prescription: false },
      { id: 'botox', name: '肉毒毒素注射', department: '美容皮肤科', category: '注射', facts: ['处方药'], prescription: true },
    ],
    policy: {
      moments: {
        windows: [
          { start: '07:30', end: '10:00' },
          { start: '12:00', end: '14:00' },
          { start: '15:30', end: '17:00' },
          { start: '18:00', end: '19:30' },
          { start: '22:00', end: '23:00' },
        ],
        perDay: { min: 2, max: 3 },
        perPersonaDailyCap: 6,
        perWindowCap: 2,
      },
      mix: { knowledge: 0.35, interaction: 0.15, product: 0.15, promotion: 0.1, word_of_mouth: 0.05, lifestyle: 0.2 },
      promotionalCeiling: 0.25,
      repeatIntervalDays: 3,
      cards: { knowledge: 'knowledge_card' },
      groups: [
        { id: 'edu', name: '护肤课堂群', purpose: 'education', ownerPersona: 'nurse', segments: ['skin'], wecomChatIds: [], topicDays: ['tue', 'thu'], topicTime: '20:00', dailyQuestion: true, dailyQuestionTime: '12:00' },
      ],
      campaignLeadDays: 2,
    },
    campaigns: [
      { id: 'double12', name: '双十二', kind: 'festival', start: '2026-12-12', end: '2026-12-12', theme: '年终护肤季', services: ['hydra'], segments: [] },
    ],
    compliance: { terms: [], allow: [] },
  };
  return { ...base, ...overrides };
}
