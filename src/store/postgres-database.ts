import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFromStdin } from 'pg-copy-streams';
import type { Database, Queryable, SqlValue } from './database.js';
import { databaseUnavailable, isDatabaseOutage } from './database-errors.js';

/**
 * A Database over a `pg` pool: a PostgreSQL server, or the embedded store shared by `upskill serve`.
 * A lost connection is an outage, never a crash: the pool's own error events are taken, queries fail
 * with DATABASE_UNAVAILABLE, and the pool opens fresh connections once the server is back.
 */
export function poolDatabase(pool: pg.Pool, kind: Database['kind'], where: string): Database {
  pool.on('error', () => {
    // An idle connection was closed by the server (a restart, a shutdown): the next query reconnects.
  });
  const guard = async <T>(work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (error) {
      throw isDatabaseOutage(error) ? databaseUnavailable(where, error) : error;
    }
  };
  const on = (client: pg.Pool | pg.PoolClient): Queryable => ({
    query: <Row>(sql: string, params?: readonly SqlValue[]) =>
      guard(async () => (await client.query(sql, params as unknown[] | undefined)).rows as Row[]),
    exec: (sql) =>
      guard(async () => {
        await client.query(sql);
      }),
  });
  const copyFrom =
    (client: pg.PoolClient) =>
    (sql: string, text: string): Promise<void> =>
      guard(async () => {
        const stream = client.query(copyFromStdin(sql));
        await pipeline(Readable.from([text]), stream);
      });
  return {
    kind,
    ...on(pool),
    transaction: async (work) => {
      const client = await guard(() => pool.connect());
      // A connection that breaks mid-transaction must not go back to the pool.
      let broken: unknown;
      const onError = (error: Error): void => {
        broken = error;
      };
      client.on('error', onError);
      try {
        await on(client).exec('begin');
        const result = await work({ ...on(client), copyFrom: copyFrom(client) });
        await on(client).exec('commit');
        return result;
      } catch (error) {
        await client.query('rollback').catch(() => undefined);
        throw error;
      } finally {
        // Pooled clients are reused: a listener left on one would pile up with every transaction.
        client.off('error', onError);
        client.release(broken instanceof Error ? broken : undefined);
      }
    },
    close: () => pool.end(),
  };
}

/** Opens a pool and proves it with one query, so that a wrong URL fails at start and not at the first request. */
export async function openPool(config: pg.PoolConfig, kind: Database['kind'], where: string): Promise<Database> {
  const pool = new pg.Pool({ max: 8, connectionTimeoutMillis: 5000, ...config });
  const database = poolDatabase(pool, kind, where);
  try {
    await database.query('select 1');
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw error;
  }
  return database;
}
