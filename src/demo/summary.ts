// The demo's closing summary: plain counting over what the database holds after the run.
import { CONTENT_TYPE_LABELS, DRAFT_KIND_LABELS, SEVERITY_LABELS, type ContentType, type DraftKind, type Severity } from '../domain/types.ts';

export interface SummaryDraft {
  kind: DraftKind;
  contentType: ContentType;
  personaId: string;
  segmentId: string;
  status: string;
  findings: { rule: string; category: string; severity: string }[];
  published: boolean;
  /** Card images the latest revision carries. */
  media: number;
}

export interface Summary {
  total: number;
  byKind: [string, number][];
  byContentType: [string, number][];
  byPersona: [string, number][];
  bySegment: [string, number][];
  findingsByRule: [string, number][];
  held: number;
  failed: number;
  approved: number;
  published: number;
  /** Drafts that carry a rendered card image, and how many of them were published. */
  cardImages: number;
  cardImagesPublished: number;
}

function count<T>(items: T[], key: (t: T) => string): [string, number][] {
  const m = new Map<string, number>();
  for (const i of items) m.set(key(i), (m.get(key(i)) ?? 0) + 1);
  return [...m.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

export function summarise(drafts: SummaryDraft[], names: { personas: Map<string, string>; segments: Map<string, string> }): Summary {
  const withText = drafts.filter((d) => d.status !== 'failed');
  return {
    total: drafts.length,
    byKind: count(drafts, (d) => DRAFT_KIND_LABELS[d.kind]),
    byContentType: count(drafts, (d) => CONTENT_TYPE_LABELS[d.contentType]),
    byPersona: count(drafts, (d) => names.personas.get(d.personaId) ?? d.personaId),
    bySegment: count(drafts, (d) => names.segments.get(d.segmentId) ?? d.segmentId),
    findingsByRule: count(
      withText.flatMap((d) => d.findings),
      (f) => `${f.rule}（${SEVERITY_LABELS[f.severity as Severity]}）`,
    ),
    held: withText.filter((d) => d.findings.length > 0).length,
    failed: drafts.length - withText.length,
    approved: withText.filter((d) => d.findings.length === 0).length,
    published: drafts.filter((d) => d.published).length,
    cardImages: drafts.filter((d) => d.media > 0).length,
    cardImagesPublished: drafts.filter((d) => d.media > 0 && d.published).length,
  };
}
