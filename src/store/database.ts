import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { isUpskillError, UpskillError } from '../domain/errors.js';
import { openPool } from './postgres-database.js';
import { connectToSharedStore, shareEmbeddedStore } from './shared-embedded-store.js';
import { acquireStoreLock, type StoreLock } from './store-lock.js';
import { migrate } from './migrations.js';

export type SqlValue =
  | string
  | number
  | boolean
  | null
  | readonly string[]
  | readonly number[]
  | readonly (string | null)[]
  | readonly (number | null)[]
  | readonly (boolean | null)[];

/** The one interface both back-ends implement: parameterised SQL and transactions, nothing else. */
export interface Queryable {
  query<Row>(sql: string, params?: readonly SqlValue[]): Promise<Row[]>;
  /** Runs a script of several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
  /**
   * Streams rows into `COPY … FROM STDIN` (text format, already escaped): bulk loading on a
   * PostgreSQL server, inside a transaction only. Absent elsewhere: callers fall back to INSERT.
   */
  copyFrom?(sql: string, text: string): Promise<void>;
}

export interface Database extends Queryable {
  readonly kind: 'embedded' | 'postgres';
  /** Runs `work` in one transaction: all of it is stored, or none. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export type StoreLocation =
  { kind: 'embedded'; dir: string; share?: boolean } | { kind: 'embedded-memory' } | { kind: 'postgres'; url: string };

/**
 * Opens the store (creating and migrating it on first use). An embedded store opened with `share`
 * (by `upskill serve`) is offered to this user's other processes over a Unix socket beside it; a
 * process that finds the store held by such a server works through that socket instead.
 */
export async function openDatabase(location: StoreLocation): Promise<Database> {
  if (location.kind === 'postgres') return migrated(await openPostgres(location.url));
  if (location.kind === 'embedded-memory') return migrated(await openEmbedded(undefined));
  mkdirSync(location.dir, { recursive: true });
  let lock: StoreLock;
  try {
    lock = acquireStoreLock(location.dir);
  } catch (error) {
    const shared = isUpskillError(error) && error.code === 'STORE_LOCKED' && (await connectToSharedStore(location.dir));
    if (shared) return shared;
    throw error;
  }
  try {
    const database = await migrated(await openEmbedded(location.dir));
    return location.share ? await shareEmbeddedStore(database, location.dir, lock) : withLock(database, lock);
  } catch (error) {
    lock.release();
    throw error;
  }
}

async function migrated<T extends Database>(database: T): Promise<T> {
  try {
    await migrate(database);
  } catch (error) {
    await database.close();
    throw error;
  }
  return database;
}

const withLock = (database: Database, lock: StoreLock): Database => ({
  ...database,
  close: async () => {
    await database.close();
    lock.release();
  },
});

export interface EmbeddedDatabase extends Database {
  readonly pglite: PGlite;
}

async function openEmbedded(dir: string | undefined): Promise<EmbeddedDatabase> {
  let db: PGlite;
  try {
    db = await PGlite.create(dir, { extensions: { pg_trgm } });
  } catch (error) {
    throw new UpskillError(
      'STORE_FAILED',
      `Could not open the embedded database${dir ? ` in ${dir}` : ''}: ${(error as Error).message}`,
      {
        hint: 'If the folder is damaged, move it aside and run `upskill data load` again.',
        cause: error,
      },
    );
  }
  const run = async <Row>(target: Pick<PGlite, 'query'>, sql: string, params?: readonly SqlValue[]): Promise<Row[]> =>
    (await target.query<Row>(sql, params as unknown[] | undefined)).rows;
  const exec = async (target: Pick<PGlite, 'exec'>, sql: string): Promise<void> => {
    await target.exec(sql);
  };
  return {
    kind: 'embedded',
    pglite: db,
    query: (sql, params) => run(db, sql, params),
    exec: (sql) => exec(db, sql),
    transaction: (work) =>
      db.transaction((tx) => work({ query: (sql, params) => run(tx, sql, params), exec: (sql) => exec(tx, sql) })),
    close: () => db.close(),
  };
}

async function openPostgres(url: string): Promise<Database> {
  try {
    return await openPool({ connectionString: url }, 'postgres', 'the PostgreSQL server in DATABASE_URL');
  } catch (error) {
    if (isUpskillError(error)) throw error;
    throw new UpskillError(
      'STORE_FAILED',
      `Could not connect to the PostgreSQL server in DATABASE_URL: ${(error as Error).message}`,
      {
        hint:
          'Check that the server runs and the URL (user, password, host, port, database) is right, or ' +
          'unset DATABASE_URL to use the embedded store.',
        cause: error,
      },
    );
  }
}
