// The planner: a pure function from the workspace, a date range and what was already posted to the
// slots of the posting calendar. No I/O here — plan-service.ts reads history and writes the result.
import { PROMOTIONAL_TYPES, type ContentType, type Slot } from '../domain/types.ts';
import type { Campaign, Group, Persona, Segment, Workspace } from '../workspace/schema.ts';
import { campaignFor } from './campaigns.ts';
import { addDays, dateRange, localToUtcIso, toMinutes, fromMinutes, weekdayOf } from './dates.ts';
import { MixTracker, normaliseMix } from './mix.ts';
import { pick } from './seeded.ts';
import { TopicHistory, serviceTopic, themeTopic } from './topics.ts';
import { assignWindows, timesInWindow } from './windows.ts';

/** A post already in the calendar before the planned range (for the mix and the repeat interval). */
export interface PriorPost {
  personaId: string;
  segmentId: string;
  date: string;
  contentType: ContentType;
  topic: string;
  kind: Slot['kind'];
}

export interface PlanRequest {
  workspace: Pick<Workspace, 'brand' | 'personas' | 'segments' | 'services' | 'policy' | 'campaigns'>;
  from: string;
  days: number;
  history?: PriorPost[];
}

export interface PlanResult {
  slots: Slot[];
  /** Where the policy could not be fully met (Chinese, for the editor). */
  warnings: string[];
}

/** Types that may be about a segment's interests as well as its services. */
const WIDE_TYPES: readonly ContentType[] = ['knowledge', 'interaction'];
const isServiceTopic = (topic: string) => topic.startsWith('service:');

/**
 * Who a post reaches: a persona's customers in a segment (customers see their own consultant's
 * Moments), or a group's members. The repeat interval is kept per audience.
 */
const audienceOf = (personaId: string, segmentId: string) => `${personaId}|${segmentId}`;

/** How far back prior posts count towards the content mix. */
const MIX_LOOKBACK_DAYS = 7;

/** Planning a group's content type from its purpose (seed 002 group SOP). */
const GROUP_CONTENT: Record<Group['purpose'], ContentType> = {
  onboarding: 'interaction',
  education: 'knowledge',
  welfare: 'promotion',
  fans: 'interaction',
};

export function planCalendar(req: PlanRequest): PlanResult {
  const { workspace: ws, from, days } = req;
  const { policy } = ws;
  const zone = ws.brand.timezone;
  const shares = normaliseMix(policy.mix);
  const topics = new TopicHistory();
  const mixes = new Map<string, MixTracker>();
  const warnings: string[] = [];
  const slots: Slot[] = [];
  /** Segment name → posts whose topic had to repeat within the interval (too few topics). */
  const repeats = new Map<string, number>();
  /** Persona name → days its daily cap left a segment below the minimum. */
  const shortDays = new Map<string, number>();

  const mixFor = (personaId: string, segmentId: string) => {
    const key = `${personaId}|${segmentId}`;
    let m = mixes.get(key);
    if (!m) mixes.set(key, (m = new MixTracker(shares, policy.promotionalCeiling)));
    return m;
  };
  for (const p of req.history ?? []) {
    topics.record(p.segmentId.startsWith('group:') ? p.segmentId : audienceOf(p.personaId, p.segmentId), p.topic, p.date);
    if (p.kind === 'moments' && p.date >= addDays(from, -MIX_LOOKBACK_DAYS)) mixFor(p.personaId, p.segmentId).record(p.contentType);
  }

  const segmentsById = new Map(ws.segments.map((s) => [s.id, s]));
  const servicesById = new Map(ws.services.map((s) => [s.id, s]));

  /**
   * Candidate topics for a post. A campaign post is about the campaign's services that the segment
   * cares about, or else the campaign's theme. Prescription products are never a topic: a clinic
   * consultant's post about one is an advertisement for it (广告法第十五条).
   */
  const candidates = (type: ContentType, persona: Persona, segment: Segment, campaign?: Campaign): string[] => {
    if (type === 'lifestyle') return persona.lifestyleThemes.map(themeTopic);
    const base = (segment.services.length > 0 ? segment.services : ws.services.map((s) => s.id)).filter((id) => !servicesById.get(id)?.prescription);
    if (campaign) {
      const featured = campaign.services.filter((id) => base.includes(id));
      return [...featured.map(serviceTopic), themeTopic(campaign.theme)];
    }
    const topicsOut = base.map(serviceTopic);
    // Knowledge and interaction can also be about what the segment cares about (防晒, 换季护肤…).
    if (type === 'interaction' || type === 'knowledge') topicsOut.push(...segment.interests.map(themeTopic));
    return topicsOut;
  };

  for (const date of dateRange(from, days, zone)) {
    for (const persona of ws.personas) {
      // How many Moments each of the persona's segments gets today, within the account's daily cap.
      const counts = persona.segments.map((segmentId) => ({
        segmentId,
        count: policy.moments.perDay.min + pick(policy.moments.perDay.max - policy.moments.perDay.min + 1, date, persona.id, segmentId),
      }));
      let total = counts.reduce((s, c) => s + c.count, 0);
      while (total > policy.moments.perPersonaDailyCap) {
        const largest = counts.reduce((a, b) => (b.count > a.count ? b : a));
        largest.count--;
        total--;
      }
      if (counts.some((c) => c.count < policy.moments.perDay.min)) shortDays.set(persona.name, (shortDays.get(persona.name) ?? 0) + 1);
      const { assignments, overCap } = assignWindows(counts, policy.moments.windows.length, policy.moments.perWindowCap, `${date}|${persona.id}`);
      if (overCap) warnings.push(`${date} ${persona.name}：发布时间窗不够，有时间窗超过每窗 ${policy.moments.perWindowCap} 条的上限`);

      // Distinct times for the posts sharing a window.
      const perWindow = new Map<number, string[]>();
      for (const a of assignments) for (const w of a.windows) perWindow.set(w, [...(perWindow.get(w) ?? []), a.segmentId]);
      const timeOf = new Map<string, string>();
      for (const [w, segs] of perWindow) {
        const times = timesInWindow(policy.moments.windows[w]!, segs.length, `${date}|${persona.id}|${w}`);
        segs.forEach((s, i) => timeOf.set(`${s}|${w}`, times[i]!));
      }

      for (const a of assignments) {
        const segment = segmentsById.get(a.segmentId)!;
        const mix = mixFor(persona.id, segment.id);
        mix.lastToday = undefined;
        const campaignDay = campaignFor(ws.campaigns, date, segment.id, policy.campaignLeadDays, zone);
        // The campaign claims the evening post if there is one, else the last post of the day.
        const campaignIndex = campaignDay ? a.windows.length - 1 : -1;
        a.windows.forEach((w, index) => {
          const isCampaign = index === campaignIndex && campaignDay !== undefined;
          const preferred: ContentType[] | undefined = isCampaign ? (campaignDay.live ? ['promotion', 'knowledge'] : ['knowledge', 'interaction']) : undefined;
          // A campaign takes the first of its preferred types the ceiling allows.
          const type = (preferred ? preferred.find((t) => mix.allows(t) && shares[t] > 0) : undefined) ?? mix.choose();
          if (!type) {
            warnings.push(`${date} ${persona.name} → ${segment.name}：内容配比不允许再排任何类型`);
            return;
          }
          const audience = audienceOf(persona.id, segment.id);
          const chosen = topics.choose(
            candidates(type, persona, segment, isCampaign ? campaignDay.campaign : undefined),
            audience,
            date,
            policy.repeatIntervalDays,
            `${persona.id}|${type}|${index}`,
            WIDE_TYPES.includes(type) ? isServiceTopic : undefined,
          );
          if (!chosen) {
            warnings.push(`${date} ${persona.name} → ${segment.name}：没有可用的${type}话题`);
            return;
          }
          if (!chosen.fresh) repeats.set(segment.name, (repeats.get(segment.name) ?? 0) + 1);
          mix.record(type);
          topics.record(audience, chosen.topic, date);
          const time = timeOf.get(`${segment.id}|${w}`)!;
          const key = `${date}|${persona.id}|${segment.id}|moments|${index}`;
          const slot: Slot = {
            key,
            kind: 'moments',
            contentType: type,
            personaId: persona.id,
            segmentId: segment.id,
            date,
            time,
            at: localToUtcIso(date, time, zone),
            topic: chosen.topic,
            ...(isCampaign ? { campaignId: campaignDay.campaign.id } : {}),
          };
          slots.push(slot);
          const cardTemplate = policy.cards[type];
          if (cardTemplate) slots.push({ ...slot, key: `${key}|card`, kind: 'card', cardTemplate, parentKey: key });
        });
      }
    }
    slots.push(...planGroups(ws, date, topics, candidates, warnings));
  }
  for (const [name, n] of shortDays) {
    warnings.push(`${name}：有 ${n} 天每日上限 ${policy.moments.perPersonaDailyCap} 条不足以让每个分层达到最少 ${policy.moments.perDay.min} 条`);
  }
  for (const [name, n] of repeats) {
    warnings.push(`${name}：${n} 条内容的话题在 ${policy.repeatIntervalDays} 天内重复（可选话题太少，请为该分层关联更多项目或兴趣）`);
  }
  slots.sort((a, b) => a.at.localeCompare(b.at) || a.key.localeCompare(b.key));
  return { slots, warnings };
}

/** Group topics at each group's cadence, plus the daily question (每日一题) where the group has one. */
function planGroups(
  ws: PlanRequest['workspace'],
  date: string,
  topics: TopicHistory,
  candidates: (type: ContentType, persona: Persona, segment: Segment, campaign?: Campaign) => string[],
  warnings: string[],
): Slot[] {
  const zone = ws.brand.timezone;
  const out: Slot[] = [];
  for (const group of ws.policy.groups) {
    const persona = ws.personas.find((p) => p.id === group.ownerPersona)!;
    const segment = ws.segments.find((s) => s.id === group.segments[0])!;
    const posts: { type: ContentType; time: string; n: number }[] = [];
    if (group.dailyQuestion) posts.push({ type: 'interaction', time: group.dailyQuestionTime, n: 0 });
    if (group.topicDays.includes(weekdayOf(date, zone))) {
      // Keep the topic at least an hour away from the daily question.
      const clash = group.dailyQuestion && Math.abs(toMinutes(group.topicTime) - toMinutes(group.dailyQuestionTime)) < 60;
      posts.push({ type: GROUP_CONTENT[group.purpose], time: clash ? fromMinutes(toMinutes(group.dailyQuestionTime) + 60) : group.topicTime, n: 1 });
    }
    for (const post of posts) {
      const campaignDay = campaignFor(ws.campaigns, date, segment.id, ws.policy.campaignLeadDays, zone);
      // The scheduled topic (not the daily question) carries a running campaign.
      const campaign = post.n === 1 ? campaignDay?.campaign : undefined;
      const chosen = topics.choose(candidates(post.type, persona, segment, campaign), `group:${group.id}`, date, ws.policy.repeatIntervalDays, `${group.id}|${post.n}`);
      if (!chosen) {
        warnings.push(`${date} ${group.name}：没有可用的社群话题`);
        continue;
      }
      topics.record(`group:${group.id}`, chosen.topic, date);
      const key = `${date}|group:${group.id}|group_topic|${post.n}`;
      const slot: Slot = {
        key,
        kind: 'group_topic',
        contentType: post.type,
        personaId: persona.id,
        segmentId: segment.id,
        groupId: group.id,
        date,
        time: post.time,
        at: localToUtcIso(date, post.time, zone),
        topic: chosen.topic,
        ...(campaign ? { campaignId: campaign.id } : {}),
      };
      out.push(slot);
      const cardTemplate = ws.policy.cards[post.type];
      if (post.n === 0 && cardTemplate) out.push({ ...slot, key: `${key}|card`, kind: 'card', cardTemplate, parentKey: key });
    }
  }
  return out;
}
