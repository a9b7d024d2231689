// What a template can see. Every optional part is present as null, because templates compile in
// strict mode: {{service.name}} with no service must be guarded by {{#if service}}, and a misspelt
// field fails loudly instead of printing nothing. templates/README.md documents these names.
import type { DraftContext } from './drafter.ts';
import { hashString } from './template-helpers.ts';

const LIFECYCLE_LABELS = { new: '新客', active: '活跃客户', silent: '沉睡客户', repurchase: '复购客户' } as const;
const TIER_LABELS = { regular: '普通会员', silver: '银卡会员', gold: '金卡会员' } as const;
const PURPOSE_LABELS = { onboarding: '新客群', education: '学习群', welfare: '福利群', fans: '粉丝群' } as const;
const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];
const WEEKDAY_LABELS = { mon: '周一', tue: '周二', wed: '周三', thu: '周四', fri: '周五', sat: '周六', sun: '周日' } as const;

function dayInfo(date: string, offsetDays = 0) {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + offsetDays);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), weekday: WEEKDAYS[d.getUTCDay()]! };
}

/** 早上 / 中午 / 下午 / 傍晚 / 晚上 from the slot's local HH:mm. */
export function partOfDay(time: string): string {
  const [h = 0, m = 0] = time.split(':').map(Number);
  const minutes = h * 60 + m;
  if (minutes < 11 * 60) return '早上';
  if (minutes < 14 * 60 + 30) return '中午';
  if (minutes < 18 * 60) return '下午';
  if (minutes < 20 * 60) return '傍晚';
  return '晚上';
}

export function buildView(ctx: DraftContext) {
  const { workspace, slot, persona, segment, service, campaign, group } = ctx;
  const brand = workspace.brand;
  const servicesById = new Map(workspace.services.map((s) => [s.id, s]));
  // A lifestyle slot without a theme still needs one: pick the persona's own, stably per slot.
  const theme =
    ctx.theme ??
    (slot.contentType === 'lifestyle' && persona.lifestyleThemes.length > 0
      ? persona.lifestyleThemes[hashString(`${slot.key}|theme`) % persona.lifestyleThemes.length]!
      : null);
  const topicName = service?.name ?? theme ?? campaign?.name ?? segment.interests[0] ?? slot.topic;
  return {
    brand: {
      name: brand.name,
      shortName: brand.shortName ?? brand.name,
      address: brand.address,
      phone: brand.phone ?? null,
      hours: brand.hours ?? null,
      adReviewCertificate: brand.adReviewCertificate ?? null,
    },
    persona: { ...persona, addressAs: persona.addressAs ?? '大家' },
    segment: {
      ...segment,
      description: segment.description ?? null,
      lifecycleLabel: LIFECYCLE_LABELS[segment.lifecycle],
      tierLabel: TIER_LABELS[segment.tier],
      isNew: segment.lifecycle === 'new',
      isActive: segment.lifecycle === 'active',
      isSilent: segment.lifecycle === 'silent',
      isRepurchase: segment.lifecycle === 'repurchase',
      isRegular: segment.tier === 'regular',
      isSilver: segment.tier === 'silver',
      isGold: segment.tier === 'gold',
    },
    service: service ?? null,
    campaign: campaign
      ? {
          ...campaign,
          isFestival: campaign.kind === 'festival',
          isQuarterly: campaign.kind === 'quarterly',
          isMember: campaign.kind === 'member',
          // Warm-up posts come before the start (policy.campaignLeadDays), so the wording differs.
          isUpcoming: slot.date < campaign.start,
          isOngoing: slot.date >= campaign.start && slot.date <= campaign.end,
          // Prescription products never appear in campaign text (广告法第十五条).
          serviceNames: campaign.services
            .map((id) => servicesById.get(id))
            .filter((s) => s !== undefined && !s.prescription)
            .map((s) => s!.name),
        }
      : null,
    group: group ? { ...group, purposeLabel: PURPOSE_LABELS[group.purpose], topicDayLabels: group.topicDays.map((d) => WEEKDAY_LABELS[d]) } : null,
    theme,
    topicName,
    slot: { key: slot.key, kind: slot.kind, contentType: slot.contentType, date: slot.date, time: slot.time, topic: slot.topic },
    date: { ...dayInfo(slot.date), partOfDay: partOfDay(slot.time), tomorrow: dayInfo(slot.date, 1) },
  };
}

export type TemplateView = ReturnType<typeof buildView>;
