import type { Command } from 'commander';
import pc from 'picocolors';
import { dataStatus } from '../../app/data-status.js';
import { loadReferenceData } from '../../app/load-reference-data.js';
import { loadEsco, type EscoLoadSummary } from '../../app/load-esco.js';
import { loadProgressPrinter } from '../progress-printer.js';
import { printJson, withApp } from '../with-app.js';

function printEsco(esco: EscoLoadSummary): void {
  const n = (value: number): string => value.toLocaleString('en-US');
  const version = esco.version === 'unknown' ? '' : `ESCO ${esco.version}, `;
  process.stdout.write(
    `${pc.green('✓')} Loaded ${n(esco.skills)} ESCO skills with ${n(esco.synonyms)} synonyms: ` +
      `${n(esco.withUri)} with URIs, ${n(esco.described)} with descriptions, ${n(esco.relations)} skill relations ` +
      `(${version}${esco.files.length === 1 ? '1 file' : `${esco.files.length} files`}).\n`,
  );
}

export function registerDataCommands(program: Command): void {
  const data = program.command('data').description('load the public datasets and see what is loaded');

  data
    .command('load')
    .description('load O*NET and GPTs-are-GPTs into the store (replaces what was loaded, all or nothing)')
    .option('--from <path>', 'a folder laid out like shared/data, a single source folder, or a .zip of either')
    .option(
      '--esco <dir>',
      'load ESCO from this folder (a CSV export with skills_en.csv, the 1.1.1 labels copy, or the 1.2.0 collections ' +
        'with the labels folder beside it); alone, loads only ESCO. Without it, ESCO is loaded when found beside the data',
    )
    .option('--json', 'print the load summary as JSON')
    .addHelpText(
      'after',
      `
Where the data comes from, first found wins:
  1. --from <path>, then the UPSKILL_DATA_DIR folder
  2. ../shared/data beside the current folder or the installation
  3. the download cache in UPSKILL_HOME (default ~/.upskill/cache)
  4. otherwise the public releases are downloaded, checked and cached

Examples:
  upskill data load
  upskill data load --from ~/Downloads/db_27_0_text.zip
  upskill data load --esco ~/Downloads/ESCO-dataset-v1.2.0`,
    )
    .action(async (options: { from?: string; esco?: string; json?: boolean }) => {
      await withApp(async (app) => {
        const started = Date.now();
        if (options.esco) {
          const esco = await loadEsco(app.database, options.esco);
          if (!options.from) {
            if (options.json) return printJson({ esco });
            printEsco(esco);
            return;
          }
        }
        const summary = await loadReferenceData(app.database, app.config, {
          ...(options.from ? { from: options.from } : {}),
          // An explicit --esco folder was loaded above; the one found beside the data must not replace it.
          ...(options.esco ? { esco: false } : {}),
          onProgress: loadProgressPrinter(),
        });
        if (options.json) return printJson(summary);
        process.stdout.write(
          `${pc.green('✓')} Loaded ${summary.occupations.toLocaleString('en-US')} occupations ` +
            `and ${summary.tasks.toLocaleString('en-US')} ` +
            `tasks (${summary.labelledTasks.toLocaleString('en-US')} with exposure labels) ` +
            `in ${((Date.now() - started) / 1000).toFixed(1)} ` +
            `s.\n`,
        );
        if (summary.esco) printEsco(summary.esco);
        else if (!options.esco)
          process.stdout.write(
            `${pc.yellow('!')} ESCO not found: skills are matched without its 13,900 skills and synonyms. ` +
              'Download the ESCO CSV export from https://esco.ec.europa.eu/en/use-esco/download and run ' +
              `${pc.bold('upskill data load --esco <folder>')}.\n`,
          );
        for (const skip of summary.skipped)
          process.stdout.write(`${pc.yellow('!')} skipped ${skip.rows} rows of ${skip.file}: ${skip.reason}\n`);
      });
    });

  data
    .command('status')
    .description('show what is loaded, from where, with checksums and row counts')
    .option('--json', 'print as JSON')
    .action(async (options: { json?: boolean }) => {
      await withApp(async (app) => {
        const status = await dataStatus(app);
        if (options.json) return printJson(status);
        process.stdout.write(`Store: ${status.store.kind} (${status.store.location})\n`);
        if (!status.loaded) {
          process.stdout.write(`Nothing loaded yet. Run ${pc.bold('upskill data load')}.\n`);
          return;
        }
        for (const source of status.sources) {
          process.stdout.write(
            `\n${pc.bold(source.source)} ${source.version}, loaded ${source.loadedAt} from ${source.location}\n`,
          );
          for (const file of source.files)
            process.stdout.write(
              `  ${file.name.padEnd(52)} ${String(file.rows).padStart(8)} rows  sha256 ${file.sha256.slice(0, 16)}…\n`,
            );
        }
        process.stdout.write('\nStored rows:\n');
        for (const [table, rows] of Object.entries(status.rows))
          process.stdout.write(`  ${table.padEnd(24)} ${String(rows).padStart(8)}\n`);
      });
    });
}
