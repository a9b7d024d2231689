// Which campaign, if any, a persona's posts to a segment carry on a given day.
import type { Campaign } from '../workspace/schema.ts';
import { addDays, weekdayOf } from './dates.ts';

export interface CampaignDay {
  campaign: Campaign;
  /** On the campaign's own dates (not the warm-up before a festival). */
  live: boolean;
}

const PRIORITY: Record<Campaign['kind'], number> = { festival: 0, member: 1, quarterly: 2 };

/**
 * Festivals run from `leadDays` before their start (warm-up) to their end. Member activities
 * (monthly birthdays, points) and quarterly themes span weeks or months, so they claim a slot only
 * on their first day and on Mondays — otherwise they would crowd out everything else.
 */
export function campaignFor(campaigns: Campaign[], date: string, segmentId: string, leadDays: number, zone: string): CampaignDay | undefined {
  const candidates = campaigns
    .filter((c) => c.segments.length === 0 || c.segments.includes(segmentId))
    .flatMap((c): CampaignDay[] => {
      const from = c.kind === 'festival' ? addDays(c.start, -leadDays) : c.start;
      if (date < from || date > c.end) return [];
      if (c.kind !== 'festival' && date !== c.start && weekdayOf(date, zone) !== 'mon') return [];
      return [{ campaign: c, live: date >= c.start }];
    })
    .sort((a, b) => PRIORITY[a.campaign.kind] - PRIORITY[b.campaign.kind] || a.campaign.start.localeCompare(b.campaign.start));
  return candidates[0];
}
