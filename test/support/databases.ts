import pg from 'pg';
import { openDatabase, type Database } from '../../src/store/database.js';

/** Where the shared public datasets live for tests (beside the checkout, as in CI). */
export const SHARED_DATA = new URL('../../../shared/data/', import.meta.url).pathname;
export const ONET_27 = `${SHARED_DATA}onet-27.0`;
export const GPTS = `${SHARED_DATA}gpts-are-gpts`;

export interface DatabaseUnderTest {
  name: string;
  /** A fresh, empty, migrated database. */
  open(): Promise<Database>;
  /** Why this back-end is skipped here, if it is. */
  skip: string | false;
}

const postgresUrl = process.env['TEST_DATABASE_URL'];

let databasesMade = 0;

/** Runs one statement on the server's own database, without migrating it (a plain client). */
async function onServer(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: postgresUrl! });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * A new, empty database on the test server, and how to drop it. Each test gets its own: test files
 * run two at a time, and a shared schema dropped under a neighbour's feet fails both at random.
 */
export async function createServerDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `upskill_t${process.pid}_${++databasesMade}`;
  await onServer(`create database ${name}`);
  const url = new URL(postgresUrl!);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => onServer(`drop database if exists ${name} with (force)`) };
}

async function freshPostgres(): Promise<Database> {
  const server = await createServerDatabase();
  const database = await openDatabase({ kind: 'postgres', url: server.url });
  return {
    ...database,
    close: async () => {
      await database.close();
      await server.drop();
    },
  };
}

/**
 * Every store test runs against both back-ends. CI starts a real PostgreSQL server and sets
 * TEST_DATABASE_URL; without it (and only outside CI) the server half is skipped with a reason.
 */
export const DATABASES: DatabaseUnderTest[] = [
  { name: 'embedded PGlite', open: () => openDatabase({ kind: 'embedded-memory' }), skip: false },
  {
    name: 'PostgreSQL server',
    open: freshPostgres,
    skip: postgresUrl ? false : process.env['CI'] ? false : 'TEST_DATABASE_URL is not set (CI sets it; see .ci/run)',
  },
];
