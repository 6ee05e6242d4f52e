import { InvalidArgumentError, type Command } from 'commander';
import { serve } from '@hono/node-server';
import pc from 'picocolors';
import { readConfig } from '../../app/config.js';
import { dataStatus } from '../../app/data-status.js';
import { loadReferenceData } from '../../app/load-reference-data.js';
import { openApp } from '../../app/upskill-app.js';
import { createApi } from '../../api/create-api.js';
import { loadProgressPrinter } from '../progress-printer.js';

function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new InvalidArgumentError('a port is a whole number from 0 to 65535');
  return port;
}

export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description(
      'start the web app and the HTTP API on this machine (loads the public data first if the store is empty)',
    )
    .option('-p, --port <port>', 'port to listen on (PORT; 0 picks a free one)', parsePort)
    .option('--host <host>', 'address to listen on (HOST); 127.0.0.1 keeps it on this machine')
    .option('--no-load', 'do not load data on start, even when the store is empty')
    .action(async (options: { port?: number; host?: string; load: boolean }) => {
      const config = readConfig();
      const app = await openApp(config);
      try {
        let loaded = (await dataStatus(app)).loaded;
        if (options.load && !loaded) {
          process.stderr.write(`${pc.cyan('›')} The store is empty: loading the public data first (once).\n`);
          await loadReferenceData(app.database, config, { onProgress: loadProgressPrinter() });
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
      const server = serve(
        { fetch: createApi(app).fetch, port: options.port ?? config.port, hostname: options.host ?? config.host },
        (info) => {
          const origin = `http://${info.address.includes(':') ? `[${info.address}]` : info.address}:${info.port}`;
          process.stdout.write(
            `${pc.green('✓')} Upskill is running: open ${origin}/ in your browser  (API: ${origin}/api/about, OpenAPI: ${origin}/api/openapi.json; Ctrl+C stops it)\n`,
          );
        },
      );
      const stop = (): void => {
        server.close(() => void app.close().then(() => process.exit(0)));
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
}
