import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import pg from 'pg';
import { UpskillError } from '../domain/errors.js';
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
}

export interface Database extends Queryable {
  readonly kind: 'embedded' | 'postgres';
  /** Runs `work` in one transaction: all of it is stored, or none. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export type StoreLocation =
  { kind: 'embedded'; dir: string } | { kind: 'embedded-memory' } | { kind: 'postgres'; url: string };

/** Opens the store (creating and migrating it on first use). */
export async function openDatabase(location: StoreLocation): Promise<Database> {
  const database = location.kind === 'postgres' ? await openPostgres(location.url) : await openEmbedded(location);
  try {
    await migrate(database);
  } catch (error) {
    await database.close();
    throw error;
  }
  return database;
}

async function openEmbedded(
  location: { kind: 'embedded'; dir: string } | { kind: 'embedded-memory' },
): Promise<Database> {
  let lock: StoreLock | undefined;
  if (location.kind === 'embedded') {
    mkdirSync(location.dir, { recursive: true });
    lock = acquireStoreLock(location.dir);
  }
  let db: PGlite;
  try {
    db = await PGlite.create(location.kind === 'embedded' ? location.dir : undefined, { extensions: { pg_trgm } });
  } catch (error) {
    lock?.release();
    throw new UpskillError(
      'STORE_FAILED',
      `Could not open the embedded database${location.kind === 'embedded' ? ` in ${location.dir}` : ''}: ${(error as Error).message}`,
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
    query: (sql, params) => run(db, sql, params),
    exec: (sql) => exec(db, sql),
    transaction: (work) =>
      db.transaction((tx) => work({ query: (sql, params) => run(tx, sql, params), exec: (sql) => exec(tx, sql) })),
    close: async () => {
      await db.close();
      lock?.release();
    },
  };
}

async function openPostgres(url: string): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: 8 });
  try {
    await pool.query('select 1');
  } catch (error) {
    await pool.end();
    throw new UpskillError(
      'STORE_FAILED',
      `Could not connect to the PostgreSQL server in DATABASE_URL: ${(error as Error).message}`,
      {
        hint: 'Check that the server runs and the URL (user, password, host, port, database) is right, or unset DATABASE_URL to use the embedded store.',
        cause: error,
      },
    );
  }
  const run = async <Row>(client: pg.Pool | pg.PoolClient, sql: string, params?: readonly SqlValue[]): Promise<Row[]> =>
    (await client.query(sql, params as unknown[] | undefined)).rows as Row[];
  return {
    kind: 'postgres',
    query: (sql, params) => run(pool, sql, params),
    exec: async (sql) => {
      await pool.query(sql);
    },
    transaction: async (work) => {
      const client = await pool.connect();
      try {
        await client.query('begin');
        const result = await work({
          query: (sql, params) => run(client, sql, params),
          exec: async (sql) => {
            await client.query(sql);
          },
        });
        await client.query('commit');
        return result;
      } catch (error) {
        await client.query('rollback').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
