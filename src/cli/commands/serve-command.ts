import { InvalidArgumentError, type Command } from 'commander';
import { serve } from '@hono/node-server';
import pc from 'picocolors';
import { readConfig } from '../../app/config.js';
import { openServerApp } from '../../app/open-server-app.js';
import { UpskillError } from '../../domain/errors.js';
import { dataStatus } from '../../app/data-status.js';
import { loadReferenceData } from '../../app/load-reference-data.js';
import { createApi } from '../../api/create-api.js';
import { loadProgressPrinter } from '../progress-printer.js';
import { enableTeamMode, isTeamStore } from '../../app/accounts.js';
import { pruneOldAudit } from '../../app/audit.js';

function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new InvalidArgumentError('a port is a whole number from 0 to 65535');
  return port;
}

const isLoopback = (host: string): boolean =>
  host === 'localhost' || host === '::1' || host === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(host);

function collect(value: string, previous: string[]): string[] {
  if (!/^[\w.-]+$|^\[[\da-f:.]+\]$/i.test(value))
    throw new InvalidArgumentError('a host name, e.g. upskill.lan (no scheme, no port)');
  return [...previous, value];
}

export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description(
      'start the web app and the HTTP API on this machine (loads the public data first if the store is empty)',
    )
    .option('-p, --port <port>', 'port to listen on (PORT; 0 picks a free one)', parsePort)
    .option('--host <host>', 'address to listen on (HOST); 127.0.0.1 keeps it on this machine')
    .option(
      '--allowed-host <name>',
      'also answer to this host name, e.g. a local reverse proxy’s (repeatable; UPSKILL_ALLOWED_HOSTS)',
      collect,
      [],
    )
    .option('--team', 'team mode: accounts and roles, required to listen on another address (UPSKILL_TEAM=1)')
    .option(
      '--trust-proxy',
      'believe the reverse proxy’s X-Forwarded-For and X-Forwarded-Proto: HTTPS cookies, client addresses (UPSKILL_TRUST_PROXY=1)',
    )
    .option('--no-load', 'do not load data on start, even when the store is empty')
    .addHelpText(
      'after',
      `
The server answers only requests addressed to this machine (Host: localhost, 127.0.0.1 or [::1] and
its port), and changes data only for pages it served itself. While it runs on the embedded store,
other upskill commands (occupation, plan, profile …) use the same store through it.

Personal mode (the default) has no login, so it stays on this machine. --team requires accounts:
the first start prints a one-time link that creates the first administrator (or run
\`upskill accounts create-admin\`); a personal store's profiles go to that administrator. A store
once switched to team mode always serves as a team server.`,
    )
    .action(
      async (options: {
        port?: number;
        host?: string;
        allowedHost: string[];
        team?: boolean;
        trustProxy?: boolean;
        load: boolean;
      }) => {
        const config = readConfig();
        const hostname = options.host ?? config.host;
        let app = await openServerApp(config);
        let team = false;
        let setupToken: string | undefined;
        try {
          team = Boolean(options.team) || config.team || (await isTeamStore(app));
          if (!isLoopback(hostname) && !team) {
            throw new UpskillError(
              'BAD_INPUT',
              `--host ${hostname} would let other machines reach Upskill in personal mode, which has no login: ` +
                `anyone who reaches the port could read every saved plan and résumé.`,
              {
                hint:
                  'Keep the default --host 127.0.0.1, or add --team to require accounts (see the README on running ' +
                  'a team server behind HTTPS).',
              },
            );
          }
          if (team) {
            setupToken = (await enableTeamMode(app)).setupToken;
            await pruneOldAudit(app);
          }
          let loaded = (await dataStatus(app)).loaded;
          if (options.load && !loaded) {
            process.stderr.write(`${pc.cyan('›')} The store is empty: loading the public data first (once).\n`);
            await loadReferenceData(app.database, config, { onProgress: loadProgressPrinter() });
            // The embedded database keeps the memory a load used (≈160 MB); a fresh open does not.
            await app.close();
            app = await openServerApp(config);
            loaded = true;
          }
          if (loaded) {
            // Build the in-memory indexes before the first request rather than during it.
            await app.titleIndex();
            await app.skillExtractor();
          }
        } catch (error) {
          await app.close();
          throw error;
        }
        let listening: number | undefined;
        const allowedHosts = [...config.allowedHosts, ...options.allowedHost];
        if (!isLoopback(hostname) && hostname !== '0.0.0.0' && hostname !== '::') allowedHosts.push(hostname);
        const api = createApi(app, {
          hosts: { allowedHosts, port: () => listening },
          access: { mode: team ? 'team' : 'personal', trustProxy: Boolean(options.trustProxy) || config.trustProxy },
        });
        const server = serve({ fetch: api.fetch, port: options.port ?? config.port, hostname }, (info) => {
          listening = info.port;
          const origin = `http://${info.address.includes(':') ? `[${info.address}]` : info.address}:${info.port}`;
          if (team) {
            process.stdout.write(`${pc.cyan('›')} Team mode: everyone signs in; each role sees only what it may.\n`);
            if (setupToken)
              process.stdout.write(
                `${pc.cyan('›')} No administrator yet. Open this one-time link within 24 hours to create the first ` +
                  `(or run \`upskill accounts create-admin\`):\n  ${origin}/welcome#${setupToken}\n`,
              );
          }
          process.stdout.write(
            `${pc.green('✓')} Upskill is running: open ${origin}/ in your browser  (API: ${origin}/api/about, ` +
              `OpenAPI: ${origin}/api/openapi.json; Ctrl+C stops it)\n`,
          );
        });
        const stop = (): void => {
          server.close(() => void app.close().then(() => process.exit(0)));
        };
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      },
    );
}
