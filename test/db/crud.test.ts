// A round trip through the generated Prisma client on both kinds of database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, openMemoryDatabase, type Database } from '../../src/db/client.ts';
import { createTestPostgres, type TestPostgres } from '../support/postgres.ts';

function roundTrip(open: () => Database): void {
  it('creates a user and a workspace snapshot with a plan, and reads them back', async () => {
    const { prisma } = open();
    const user = await prisma.user.create({ data: { handle: 'li.editor', displayName: '李编辑', role: 'editor' } });
    expect(user.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(user.createdAt).toBeInstanceOf(Date);

    const data = { brand: { name: '悦颜医美' }, services: ['水光针', '光子嫩肤'], count: 2 };
    const snapshot = await prisma.workspaceSnapshot.create({
      data: { hash: 'sha256:abc', name: '示例工作区', data, plans: { create: { fromDate: '2026-12-01', days: 7, drafterMode: 'template' } } },
    });

    const back = await prisma.workspaceSnapshot.findUniqueOrThrow({ where: { hash: 'sha256:abc' }, include: { plans: true } });
    expect(back.id).toBe(snapshot.id);
    expect(back.data).toEqual(data);
    expect(back.plans).toHaveLength(1);
    expect(back.plans[0]).toMatchObject({ fromDate: '2026-12-01', days: 7, drafterMode: 'template' });
    expect(await prisma.user.findUnique({ where: { handle: 'li.editor' } })).toMatchObject({ displayName: '李编辑', role: 'editor' });
  });

  it('enforces the unique handle', async () => {
    const { prisma } = open();
    await expect(prisma.user.create({ data: { handle: 'li.editor', displayName: '重复', role: 'admin' } })).rejects.toMatchObject({ code: 'P2002' });
  });

  it('rolls back a failed transaction', async () => {
    const { prisma } = open();
    await expect(
      prisma.$transaction(async (tx) => {
        await tx.user.create({ data: { handle: 'wang.reviewer', displayName: '王审核', role: 'reviewer' } });
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    expect(await prisma.user.count({ where: { handle: 'wang.reviewer' } })).toBe(0);
  });
}

describe('CRUD on an in-memory PGlite', () => {
  let db: Database;
  beforeAll(async () => {
    db = await openMemoryDatabase();
  });
  afterAll(() => db?.close());

  it('is an embedded database', () => {
    expect(db.kind).toBe('pglite');
  });
  roundTrip(() => db);

  it('gives every test database its own data', async () => {
    const other = await openMemoryDatabase();
    try {
      expect(await other.prisma.user.count()).toBe(0);
      expect(await db.prisma.user.count()).toBe(1);
    } finally {
      await other.close();
    }
  });
});

describe('CRUD on the PostgreSQL service', () => {
  let server: TestPostgres;
  let db: Database;
  beforeAll(async () => {
    server = await createTestPostgres();
    db = await openDatabase({ databaseUrl: server.url });
  });
  afterAll(async () => {
    await db?.close();
    await server?.drop();
  });

  it('is a PostgreSQL database described by host, port and name', () => {
    expect(db.kind).toBe('postgres');
    expect(db.describe).toBe(`PostgreSQL 127.0.0.1:5432/${server.name}`);
  });
  roundTrip(() => db);
});
