/**
 * The schema, as numbered migrations applied at start. One list for both drivers; each step is a
 * single statement because PGlite's parameterised `query` runs one statement at a time.
 */
import type { SqlClient } from './sql';

export interface Migration {
  version: number;
  name: string;
  statements: readonly string[];
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'feeds',
    statements: [
      // feed_key is internal (notifications carry it, never the public id); public_id is the
      // unguessable part of the feed URL and changes on rotation.
      `CREATE TABLE ironstride_feeds (
        feed_key integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        public_id text NOT NULL UNIQUE,
        token_hash bytea NOT NULL,
        version integer NOT NULL,
        name text NOT NULL,
        timezone text NOT NULL,
        sessions jsonb NOT NULL,
        sequences jsonb NOT NULL,
        ics text NOT NULL,
        etag text NOT NULL,
        last_modified timestamptz NOT NULL,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      )`,
    ],
  },
  {
    version: 2,
    name: 'compressed versions',
    statements: [
      // A season's feed is megabytes of text; the database keeps it gzipped (ics_gzip), and
      // the validated body too (content_gzip), instead of the text and a jsonb copy of the body.
      'ALTER TABLE ironstride_feeds ALTER COLUMN ics DROP NOT NULL',
      'ALTER TABLE ironstride_feeds ALTER COLUMN sessions DROP NOT NULL',
      'ALTER TABLE ironstride_feeds ADD COLUMN ics_gzip bytea',
      'ALTER TABLE ironstride_feeds ADD COLUMN content_gzip bytea',
      // Last-Modified no longer runs ahead of the clock: versions may share a second.
      'ALTER TABLE ironstride_feeds ADD COLUMN last_modified_shared boolean NOT NULL DEFAULT false',
    ],
  },
];

/**
 * Any constant shared by every Ironstride instance: two instances starting together on one
 * PostgreSQL queue on this lock instead of both creating the same tables.
 */
const MIGRATION_LOCK_KEY = '7305940375402104271';

export class MigrationError extends Error {
  override name = 'MigrationError';
}

/** Applies the migrations this database lacks, in one transaction under an advisory lock. */
export async function migrate(
  sql: SqlClient,
  migrations: readonly Migration[] = MIGRATIONS,
): Promise<number[]> {
  return sql.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1::bigint)', [MIGRATION_LOCK_KEY]);
    await tx.query(`CREATE TABLE IF NOT EXISTS ironstride_migrations (
      version integer PRIMARY KEY,
      name text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
    const { rows } = await tx.query<{ version: number }>(
      'SELECT version FROM ironstride_migrations',
    );
    const applied = new Set(rows.map((r) => r.version));
    const known = Math.max(0, ...migrations.map((m) => m.version));
    const newest = Math.max(0, ...applied);
    if (newest > known) {
      throw new MigrationError(
        `the database schema is at version ${newest}, newer than this server knows (${known}); upgrade the server`,
      );
    }
    const done: number[] = [];
    for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
      if (applied.has(migration.version)) continue;
      for (const statement of migration.statements) await tx.query(statement);
      await tx.query('INSERT INTO ironstride_migrations (version, name) VALUES ($1, $2)', [
        migration.version,
        migration.name,
      ]);
      done.push(migration.version);
    }
    return done;
  });
}
