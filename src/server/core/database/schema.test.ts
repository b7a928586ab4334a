// A fresh database, migrated, has exactly the schema recorded in schema.snapshot.txt — on PGlite and on
// the PostgreSQL server alike — and the audit log refuses to be rewritten.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds, openTestDatabase } from '../../../../test/support/database.ts';
import type { DatabaseHandle } from './connect.ts';
import { migrateToLatest } from './migrate.ts';

/** A stable, engine-neutral text description of the public schema. */
async function describeSchema(db: DatabaseHandle['db']): Promise<string> {
  const columns = await sql<{ line: string }>`
    select table_name || '.' || column_name || ' ' || data_type || case when is_nullable = 'NO' then ' not null' else '' end
      || coalesce(' default ' || column_default, '') || case when is_identity = 'YES' then ' identity' else '' end as line
    from information_schema.columns where table_schema = 'public' order by table_name, ordinal_position`.execute(db);
  const constraints = await sql<{ line: string }>`
    select conrelid::regclass::text || ' ' || contype::text || ' ' || pg_get_constraintdef(oid) as line
    from pg_constraint where connamespace = 'public'::regnamespace and contype <> 'n' order by 1`.execute(db);
  const indexes = await sql<{ line: string }>`
    select tablename || ' ' || indexname as line from pg_indexes where schemaname = 'public' order by 1`.execute(db);
  const triggers = await sql<{ line: string }>`
    select event_object_table || ' ' || trigger_name || ' ' || action_timing || ' ' || event_manipulation as line
    from information_schema.triggers where trigger_schema = 'public' order by 1`.execute(db);
  return [
    '# columns', ...columns.rows.map((r) => r.line),
    '# constraints', ...constraints.rows.map((r) => r.line),
    '# indexes', ...indexes.rows.map((r) => r.line),
    '# triggers', ...triggers.rows.map((r) => r.line),
  ].join('\n') + '\n';
}

describe.each(databaseKinds())('schema on %s', (kind) => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await openTestDatabase(kind);
  });
  afterAll(() => handle.close());

  it('matches the recorded schema after migrating from empty', async () => {
    await expect(await describeSchema(handle.db)).toMatchFileSnapshot('./schema.snapshot.txt');
  });

  it('has nothing left to migrate', async () => {
    expect(await migrateToLatest(handle.db)).toEqual([]);
  });

  it('keeps the audit log append-only', async () => {
    await sql`insert into audit_log (action) values ('account.signed_in')`.execute(handle.db);
    await expect(sql`update audit_log set action = 'x'`.execute(handle.db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_log`.execute(handle.db)).rejects.toThrow(/append-only/);
    await expect(sql`truncate audit_log`.execute(handle.db)).rejects.toThrow(/append-only/);
  });
});
