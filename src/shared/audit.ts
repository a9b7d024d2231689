// Append-only audit trail: every action records who, when, what, and the state before and after.
import type { Prisma } from '../generated/prisma/client.ts';

export interface AuditInput {
  actor: string;
  action: string;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
}

type Tx = Pick<Prisma.TransactionClient, 'auditEvent'>;

const json = (v: unknown) => (v === undefined ? undefined : (JSON.parse(JSON.stringify(v)) as Prisma.InputJsonValue));

export async function audit(tx: Tx, e: AuditInput): Promise<void> {
  await tx.auditEvent.create({
    data: { actor: e.actor, action: e.action, entityType: e.entityType, entityId: e.entityId, before: json(e.before), after: json(e.after) },
  });
}

export async function auditMany(tx: Tx, events: AuditInput[]): Promise<void> {
  if (events.length === 0) return;
  await tx.auditEvent.createMany({
    data: events.map((e) => ({ actor: e.actor, action: e.action, entityType: e.entityType, entityId: e.entityId, before: json(e.before), after: json(e.after) })),
  });
}
