import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { UpskillError } from '../domain/errors.js';
import { PACKAGE_ROOT } from '../sources/package-root.js';
import type { StoreLocation } from '../store/database.js';

/** Settings read once at start-up from the environment, validated so a typo fails fast. */
export interface AppConfig {
  /** Where Upskill keeps its embedded database and download cache. */
  home: string;
  /** A PostgreSQL server to use instead of the embedded store. */
  databaseUrl: string | undefined;
  /** A folder of public datasets to load from (UPSKILL_DATA_DIR). */
  dataDir: string | undefined;
  port: number;
  host: string;
  /** Host names `serve` answers to besides the loopback ones (UPSKILL_ALLOWED_HOSTS, comma-separated). */
  allowedHosts: string[];
  /** Run `serve` as a team server with accounts (UPSKILL_TEAM=1; `--team`). */
  team: boolean;
  /** Believe a reverse proxy's X-Forwarded-For and X-Forwarded-Proto (UPSKILL_TRUST_PROXY=1; `--trust-proxy`). */
  trustProxy: boolean;
}

const EnvSchema = z.object({
  UPSKILL_HOME: z.string().min(1).optional(),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  UPSKILL_DATA_DIR: z.string().min(1).optional(),
  PORT: z.coerce.number().int().min(0).max(65535).optional(),
  HOST: z.string().min(1).optional(),
  UPSKILL_ALLOWED_HOSTS: z
    .string()
    .regex(/^[\w.\-[\]:]+(,[\w.\-[\]:]+)*$/, 'must be host names separated by commas, e.g. upskill.lan,proxy.local')
    .optional(),
  UPSKILL_TEAM: z.enum(['0', '1'], 'must be 1 (team mode) or 0').optional(),
  UPSKILL_TRUST_PROXY: z.enum(['0', '1'], 'must be 1 (behind a reverse proxy) or 0').optional(),
});

export { PACKAGE_ROOT };

export function readConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = EnvSchema.safeParse(Object.fromEntries(Object.entries(env).filter(([, value]) => value !== '')));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new UpskillError('CONFIG_INVALID', `Environment variable ${String(issue.path[0])} ${issue.message}`, {
      hint: 'Fix or unset it; see `upskill --help` for the variables Upskill reads.',
    });
  }
  const vars = parsed.data;
  return {
    home: resolve(vars.UPSKILL_HOME ?? join(homedir(), '.upskill')),
    databaseUrl: vars.DATABASE_URL,
    dataDir: vars.UPSKILL_DATA_DIR && resolve(vars.UPSKILL_DATA_DIR),
    port: vars.PORT ?? 3000,
    host: vars.HOST ?? '127.0.0.1',
    allowedHosts: vars.UPSKILL_ALLOWED_HOSTS?.split(',') ?? [],
    team: vars.UPSKILL_TEAM === '1',
    trustProxy: vars.UPSKILL_TRUST_PROXY === '1',
  };
}

/** The server in DATABASE_URL, else the embedded store in the home folder. */
export function storeLocation(config: AppConfig): StoreLocation {
  return config.databaseUrl
    ? { kind: 'postgres', url: config.databaseUrl }
    : { kind: 'embedded', dir: join(config.home, 'db') };
}

/** This package's version, from package.json. */
export const VERSION: string = (
  JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }
).version;
