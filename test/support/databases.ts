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

async function freshPostgres(): Promise<Database> {
  // Each test gets a clean schema on the shared server: drop everything, then migrate on open.
  const admin = await openDatabase({ kind: 'postgres', url: postgresUrl! });
  await admin.exec('drop schema public cascade; create schema public;');
  await admin.close();
  return openDatabase({ kind: 'postgres', url: postgresUrl! });
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
