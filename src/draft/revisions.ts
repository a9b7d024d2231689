// A draft revision is checked when it is saved: the revision, its compliance check and the
// findings are written together. Revisions are immutable — an edit writes a new one.
import { randomUUID } from 'node:crypto';
import type { CardFields, DraftCheck, MediaRef } from '../domain/types.ts';
import type { Prisma } from '../generated/prisma/client.ts';

/**
 * What the checker reads: the post text, then the card's words that the text does not already
 * carry (a card's words are claims too; repeating them would report each finding twice).
 */
export function checkableText(text: string, card?: CardFields | null): string {
  if (!card) return text;
  const words = [card.title, card.subtitle, card.price, ...(card.points ?? []), card.quote, card.question, ...(card.options ?? []), card.footer].filter((w): w is string => !!w && !text.includes(w));
  return words.length > 0 ? `${text}\n\n${words.join('\n')}` : text;
}

export interface RevisionInput {
  draftId: string;
  number: number;
  text: string;
  card?: CardFields | null;
  source: string;
  authorId?: string | null;
  /** Rendered card images, stored in the media store. */
  media?: MediaRef[] | null;
  /** The renderer's warnings for the editor (text cut to fit…). */
  renderWarnings?: string[];
  purpose: 'save' | 'publish' | 'recheck';
  result: DraftCheck;
}

export interface RevisionRows {
  revision: Prisma.DraftRevisionCreateManyInput;
  check: Prisma.ComplianceCheckCreateManyInput;
  findings: Prisma.FindingCreateManyInput[];
}

/**
 * The rows of one compliance check of a revision (ids made here so rows can be inserted in bulk).
 * Image findings have no text span: start = end = 0 and `media` names the image (its sha256).
 */
export function checkRows(revisionId: string, purpose: RevisionInput['purpose'], result: DraftCheck): Pick<RevisionRows, 'check' | 'findings'> {
  const checkId = randomUUID();
  const common = { checkId, rulePackVersion: result.rulePackVersion };
  return {
    check: { id: checkId, revisionId, purpose, verdict: result.verdict, rulePackVersion: result.rulePackVersion },
    findings: [
      ...result.findings.map((f) => ({
        id: randomUUID(),
        ...common,
        rule: f.rule,
        category: f.category,
        severity: f.severity,
        start: f.start,
        end: f.end,
        match: f.match,
        basis: f.basis,
        explanation: f.explanation ?? null,
        suggestion: f.suggestion ?? null,
      })),
      ...(result.mediaFindings ?? []).map((f) => ({
        id: randomUUID(),
        ...common,
        rule: f.rule,
        category: f.category,
        severity: f.severity,
        start: 0,
        end: 0,
        match: f.match,
        basis: f.basis,
        explanation: f.explanation ?? null,
        suggestion: f.suggestion ?? null,
        media: f.media,
        ...(f.evidence !== undefined ? { evidence: f.evidence as Prisma.InputJsonValue } : {}),
      })),
    ],
  };
}

/** The rows of one new revision with its save-time check. */
export function revisionRows(input: RevisionInput): RevisionRows {
  const revisionId = randomUUID();
  return {
    revision: {
      id: revisionId,
      draftId: input.draftId,
      number: input.number,
      text: input.text,
      ...(input.card ? { card: input.card as unknown as Prisma.InputJsonValue } : {}),
      ...(input.media && input.media.length > 0 ? { media: input.media as unknown as Prisma.InputJsonValue } : {}),
      ...(input.renderWarnings && input.renderWarnings.length > 0 ? { renderWarnings: input.renderWarnings } : {}),
      source: input.source,
      authorId: input.authorId ?? null,
    },
    ...checkRows(revisionId, input.purpose, input.result),
  };
}

type Tx = Pick<Prisma.TransactionClient, 'draftRevision' | 'complianceCheck' | 'finding'>;

export async function writeRevisions(tx: Tx, rows: Partial<RevisionRows>[]): Promise<void> {
  if (rows.length === 0) return;
  const revisions = rows.flatMap((r) => (r.revision ? [r.revision] : []));
  if (revisions.length > 0) await tx.draftRevision.createMany({ data: revisions });
  await tx.complianceCheck.createMany({ data: rows.flatMap((r) => (r.check ? [r.check] : [])) });
  const findings = rows.flatMap((r) => r.findings ?? []);
  if (findings.length > 0) await tx.finding.createMany({ data: findings });
}
