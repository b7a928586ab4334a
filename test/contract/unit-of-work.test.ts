// The unit of work publishes what a use-case queued only once its transaction has committed; a rollback
// publishes nothing and leaves no row. Real engines: PGlite, and PostgreSQL when TEST_DATABASE_URL is set.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../src/server/core/database/connect.ts';
import { createEventBus, type EventMap } from '../../src/server/core/events.ts';
import { inUnitOfWork } from '../../src/server/core/unit-of-work.ts';
import { databaseKinds, openTestDatabase } from '../support/database.ts';

describe.each(databaseKinds())('unit of work on %s', (kind) => {
  let handle: DatabaseHandle;
  const bus = createEventBus();
  const seen: { name: keyof EventMap; payload: unknown; rowsVisible: number }[] = [];
  const rows = async () => Number((await sql<{ n: string }>`select count(*) as n from uow_probe`.execute(handle.db)).rows[0]!.n);

  beforeAll(async () => {
    handle = await openTestDatabase(kind);
    await sql`create table uow_probe (id int primary key)`.execute(handle.db);
    // A subscriber reads the table from outside the transaction: an event must never arrive before its rows are visible.
    for (const name of ['mail.queued', 'gesture.recorded'] as const)
      bus.subscribe(name, (payload) => {
        void rows().then((n) => seen.push({ name, payload, rowsVisible: n }));
      });
  });
  afterAll(() => handle.close());

  const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

  it('publishes the queued events after commit, in order, the mail wake-ups summed into one', async () => {
    seen.length = 0;
    const result = await inUnitOfWork({ db: handle.db, bus }, async (work) => {
      await sql`insert into uow_probe values (1)`.execute(work.db);
      work.mailQueued(2);
      work.publish('gesture.recorded', { territoryId: '1', userId: '7' });
      work.mailQueued(1);
      work.mailQueued(0);
      expect(seen).toEqual([]);
      return 'done';
    });
    await settle();
    expect(result).toBe('done');
    expect(seen.map(({ name, payload }) => [name, payload])).toEqual([
      ['gesture.recorded', { territoryId: '1', userId: '7' }],
      ['mail.queued', { count: 3 }],
    ]);
    expect(seen.every((event) => event.rowsVisible === 1)).toBe(true);
  });

  it('publishes nothing and keeps no row when the use-case throws', async () => {
    seen.length = 0;
    const failing = inUnitOfWork({ db: handle.db, bus }, async (work) => {
      await sql`insert into uow_probe values (2)`.execute(work.db);
      work.mailQueued(1);
      work.publish('gesture.recorded', { territoryId: '1', userId: '8' });
      throw new Error('refused after writing');
    });
    await expect(failing).rejects.toThrow('refused after writing');
    await settle();
    expect(seen).toEqual([]);
    expect(await rows()).toBe(1);
  });

  it('publishes nothing when the database refuses the commit work (a unique violation)', async () => {
    seen.length = 0;
    const failing = inUnitOfWork({ db: handle.db, bus }, async (work) => {
      work.mailQueued(1);
      await sql`insert into uow_probe values (1)`.execute(work.db);
    });
    await expect(failing).rejects.toThrow();
    await settle();
    expect(seen).toEqual([]);
  });

  it('sends no mail wake-up when nothing was queued', async () => {
    seen.length = 0;
    await inUnitOfWork({ db: handle.db, bus }, async (work) => {
      await sql`insert into uow_probe values (3)`.execute(work.db);
    });
    await settle();
    expect(seen).toEqual([]);
    expect(await rows()).toBe(2);
  });
});
