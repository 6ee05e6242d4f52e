import { chmodSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import type { Database, EmbeddedDatabase } from './database.js';
import { openPool } from './postgres-database.js';
import type { StoreLock } from './store-lock.js';

// libpq's naming: a client given host=<folder> and port=5432 connects to <folder>/.s.PGSQL.5432.
const SOCKET_PORT = 5432;
const WHERE = 'the embedded store shared by `upskill serve`';
// Unix socket paths are limited to 107 bytes on Linux.
const MAX_SOCKET_PATH = 100;

const socketDirOf = (dir: string): string => `${dir}.socket`;
const socketPathOf = (dir: string): string => join(socketDirOf(dir), `.s.PGSQL.${SOCKET_PORT}`);
const poolConfig = (dir: string, max: number) => ({
  host: socketDirOf(dir),
  port: SOCKET_PORT,
  user: 'postgres',
  database: 'postgres',
  max,
});

/**
 * Offers the open embedded store to this user's other processes (the CLI while the web app runs)
 * over PostgreSQL's wire protocol on a Unix socket in a folder only the owner can enter. The server
 * itself queries through the same socket, so every connection's transactions are kept apart by the
 * socket server's queue. Returns the store as the server should use it.
 */
export async function shareEmbeddedStore(embedded: EmbeddedDatabase, dir: string, lock: StoreLock): Promise<Database> {
  const socketDir = socketDirOf(dir);
  if (socketPathOf(dir).length > MAX_SOCKET_PATH) {
    process.stderr.write(
      `note: ${socketDir} is too long a path for a socket, so other upskill commands cannot use the store while this server runs.\n`,
    );
    return { ...embedded, close: async () => (await embedded.close(), lock.release()) };
  }
  rmSync(socketDir, { recursive: true, force: true }); // left by a server that was killed
  mkdirSync(socketDir, { mode: 0o700 });
  const server = new PGLiteSocketServer({ db: embedded.pglite, path: socketPathOf(dir), maxConnections: 64 });
  let viaSocket: Database;
  try {
    await server.start();
    chmodSync(socketPathOf(dir), 0o600);
    viaSocket = await openPool(poolConfig(dir, 8), 'embedded', WHERE);
  } catch (error) {
    await server.stop().catch(() => undefined);
    await embedded.close().catch(() => undefined);
    rmSync(socketDir, { recursive: true, force: true });
    throw error;
  }
  return {
    ...viaSocket,
    close: async () => {
      await viaSocket.close();
      await server.stop();
      await embedded.close();
      rmSync(socketDir, { recursive: true, force: true });
      lock.release();
    },
  };
}

/** The store shared by a running `upskill serve`, or undefined when no server offers it. */
export async function connectToSharedStore(dir: string): Promise<Database | undefined> {
  if (!existsSync(socketPathOf(dir))) return undefined;
  try {
    return await openPool(poolConfig(dir, 2), 'embedded', WHERE);
  } catch {
    return undefined;
  }
}
