import { InvalidArgumentError, type Command } from 'commander';
import Table from 'cli-table3';
import pc from 'picocolors';
import { importPostings, type ImportPostingsResult, type ImportProgressEvent } from '../../app/import-postings.js';
import { importTermCounts } from '../../app/import-term-counts.js';
import { importPublicSamples, PUBLIC_SAMPLES, SAMPLE_NAMES, type SampleName } from '../../app/import-public-samples.js';
import { UpskillError } from '../../domain/errors.js';
import { POSTING_FILE_FORMATS, type PostingFileFormat } from '../../sources/postings/posting-file.js';
import { POSTING_FIELDS, POSTING_LAYOUTS } from '../../sources/postings/posting-layouts.js';
import {
  countPostings,
  findPostingImport,
  listPostingImportErrors,
  listPostingImports,
} from '../../store/postings.repository.js';
import { printJson, withApp } from '../with-app.js';

const n = (value: number): string => value.toLocaleString('en-US');

function parseFormat(value: string): PostingFileFormat {
  if (!(POSTING_FILE_FORMATS as readonly string[]).includes(value))
    throw new InvalidArgumentError(`use one of ${POSTING_FILE_FORMATS.join(', ')}.`);
  return value as PostingFileFormat;
}

function parseCount(least: number): (value: string) => number {
  return (value) => {
    const number = Number(value);
    if (!Number.isInteger(number) || number < least)
      throw new InvalidArgumentError(`a whole number of at least ${least}.`);
    return number;
  };
}

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

function duration(seconds: number): string {
  const s = Math.round(seconds);
  return s >= 3600
    ? `${Math.floor(s / 3600)}h ${Math.floor((s % 3600) / 60)}m`
    : s >= 60
      ? `${Math.floor(s / 60)}m ${s % 60}s`
      : `${s}s`;
}

/** One updating line on a terminal, a line every few seconds in a log: rows, rate, share read and ETA. */
function importProgressPrinter(stream: NodeJS.WriteStream = process.stderr): (event: ImportProgressEvent) => void {
  const live = stream.isTTY === true;
  let last = 0;
  return (event) => {
    const now = Date.now();
    if (now - last < (live ? 200 : 2000)) return;
    last = now;
    const share = event.totalBytes > 0 ? ` · ${Math.round((100 * event.bytesRead) / event.totalBytes)}%` : '';
    const eta = event.etaSeconds === null ? '' : ` · ETA ${duration(event.etaSeconds)}`;
    const line =
      `  ${n(event.rowsRead)} rows · ${n(Math.round(event.rate))}/s${share}${eta} · kept ${n(event.rowsKept)}` +
      ` · duplicates ${n(event.duplicates)} · bad ${n(event.badRows)}`;
    stream.write(live ? `\r${line}\x1b[K` : `${line}\n`);
  };
}

function printImport(result: ImportPostingsResult): void {
  const { run } = result;
  const took = run.finishedAt ? (Date.parse(run.finishedAt) - Date.parse(run.startedAt)) / 1000 : 0;
  process.stdout.write(
    `${pc.green('✓')} ${result.file}: ${n(run.rowsRead)} rows read, ${n(run.rowsKept)} postings kept, ` +
      `${n(run.duplicates)} duplicates, ${n(run.badRows)} bad rows (layout ${result.layout}, dataset ` +
      `${result.dataset}, import ${run.id}${result.resumed ? ', resumed' : ''}${took ? `, ${duration(took)}` : ''}).\n`,
  );
  for (const error of result.errors)
    process.stdout.write(
      `  ${pc.yellow('bad row')} line ${error.line}${error.field ? `, field "${error.field}"` : ''}: ${error.message}\n`,
    );
  if (run.badRows > result.errors.length)
    process.stdout.write(
      pc.dim(`  … ${n(run.badRows - result.errors.length)} more: upskill postings errors ${run.id}\n`),
    );
}

export function registerPostingCommands(program: Command): void {
  const postings = program
    .command('postings')
    .description('import job postings (a sample of part of the market) for the demand analytics');

  postings
    .command('import')
    .description('import postings from a file or every postings file of a folder (streamed, resumable)')
    .argument('<path>', 'a .csv, .tsv, .jsonl/.ndjson or .json file (or .gz of one), or a folder of them')
    .option(
      '--format <format>',
      `the file format when its name does not say (${POSTING_FILE_FORMATS.join(', ')})`,
      parseFormat,
    )
    .option(
      '--layout <name>',
      `a built-in column layout (${POSTING_LAYOUTS.map((l) => l.name).join(', ')}); found from the header by default`,
    )
    .option(
      '--map <column=field>',
      `a column for one field, repeatable (fields: ${POSTING_FIELDS.join(', ')})`,
      collect,
    )
    .option('--dataset <name>', 'store the postings under this dataset name (default: the layout’s or the file’s name)')
    .option(
      '--threads <n>',
      'extraction threads (default: one per core for files over 8 MB; 0 = this thread)',
      parseCount(0),
    )
    .option('--batch <n>', 'rows per stored batch (the unit of resuming)', parseCount(1))
    .option('--no-queue', 'on a PostgreSQL server, import in this process instead of as jobs on the queue')
    .option('--no-work', 'with the queue: only queue the jobs and wait for `upskill worker` processes to take them')
    .option('--json', 'print the result as JSON')
    .addHelpText(
      'after',
      `
With DATABASE_URL set, the import is split into jobs on the server's queue: this process takes them
too unless --no-work, and every \`upskill worker\` on this or other machines helps.
A killed import (Ctrl-C, kill -9, a lost server) resumes where it stopped when run again on the same
file; a file imported before is read again and its postings counted as duplicates. Bad rows never stop
a file: each is stored with its line and field (upskill postings errors <import>).

Examples:
  upskill postings import ../shared/data/linkedin-2024-sample/postings.csv
  upskill postings import export.jsonl.gz --map "posted_at=date" --map "role=title"
  upskill postings import-counts ../shared/data/hn-hiringtrends/monthly_terms.csv`,
    )
    .action(
      async (
        path: string,
        options: {
          format?: PostingFileFormat;
          layout?: string;
          map?: string[];
          dataset?: string;
          threads?: number;
          batch?: number;
          queue: boolean;
          work: boolean;
          json?: boolean;
        },
      ) => {
        await withApp(async (app) => {
          const results = await importPostings(app, path, {
            ...(options.format ? { format: options.format } : {}),
            ...(options.layout ? { layout: options.layout } : {}),
            ...(options.map ? { map: options.map } : {}),
            ...(options.dataset ? { dataset: options.dataset } : {}),
            ...(options.threads !== undefined ? { threads: options.threads } : {}),
            ...(options.batch !== undefined ? { batchSize: options.batch } : {}),
            ...(options.queue ? {} : { queue: false }),
            work: options.work,
            ...(options.json ? {} : { onProgress: importProgressPrinter() }),
          });
          if (process.stderr.isTTY && !options.json) process.stderr.write('\n');
          if (options.json) return printJson(results);
          for (const result of results) printImport(result);
          const counts = await countPostings(app.database);
          process.stdout.write(
            pc.dim(`${n(counts.total)} postings stored in all (a sample of part of the market, not all of it).\n`),
          );
        });
      },
    );

  postings
    .command('samples')
    .description('import the public samples beside Upskill: postings, the hn-hiringtrends term series, the news seeds')
    .argument('[names...]', `only these (${SAMPLE_NAMES.join(', ')})`)
    .option('--json', 'print the result as JSON')
    .addHelpText(
      'after',
      `
The samples, found in UPSKILL_DATA_DIR or ../shared/data (each a sample of part of the market):
${PUBLIC_SAMPLES.map((sample) => `  ${sample.name.padEnd(22)}${sample.what}`).join('\n')}
Running it again stores nothing new: the postings are duplicates, the series and seeds are replaced.
`,
    )
    .action(async (names: string[], options: { json?: boolean }) => {
      const unknown = names.filter((name) => !(SAMPLE_NAMES as string[]).includes(name));
      if (unknown.length)
        throw new UpskillError('BAD_INPUT', `No sample named ${unknown.join(', ')}: use ${SAMPLE_NAMES.join(', ')}.`);
      await withApp(async (app) => {
        const imported = await importPublicSamples(app, {
          ...(names.length ? { only: names as SampleName[] } : {}),
          ...(options.json
            ? {}
            : {
                onProgress: importProgressPrinter(),
                onSample: (sample, file) => process.stderr.write(`${pc.cyan('›')} ${sample.name}: ${file}\n`),
              }),
        });
        if (process.stderr.isTTY && !options.json) process.stderr.write('\n');
        if (options.json) return printJson(imported);
        for (const sample of imported)
          process.stdout.write(
            `${pc.green('✓')} ${sample.name}: ${n(sample.stored)} stored` +
              (sample.kind === 'postings' ? `, ${n(sample.duplicates)} duplicates` : '') +
              `, ${n(sample.badRows)} bad rows — ${sample.what}.\n`,
          );
      });
    });

  postings
    .command('import-counts')
    .description('import an already-aggregated term series (posts per month naming each term), e.g. hn-hiringtrends')
    .argument('<file>', 'a CSV/TSV/JSONL with month, posts, term, count (and full_term) columns')
    .option(
      '--series <name>',
      'the series name (default: hn-hiringtrends for its monthly_terms.csv, else the file name)',
    )
    .option('--json', 'print the result as JSON')
    .action(async (file: string, options: { series?: string; json?: boolean }) => {
      await withApp(async (app) => {
        const result = await importTermCounts(app, file, options.series ? { series: options.series } : {});
        if (options.json) return printJson(result);
        process.stdout.write(
          `${pc.green('✓')} ${result.series}: ${n(result.stored)} month × term counts (${n(result.months)} months, ` +
            `${n(result.terms)} terms), ${n(result.run.badRows)} bad rows (import ${result.run.id}).\n`,
        );
        for (const error of result.errors)
          process.stdout.write(
            `  ${pc.yellow('bad row')} line ${error.line}${error.field ? `, field "${error.field}"` : ''}: ${error.message}\n`,
          );
      });
    });

  postings
    .command('imports')
    .description('the import runs, newest first, with their counts')
    .option('--json', 'print as JSON')
    .action(async (options: { json?: boolean }) => {
      await withApp(async (app) => {
        const runs = await listPostingImports(app.database);
        if (options.json) return printJson(runs);
        if (runs.length === 0) return void process.stdout.write('No imports yet: upskill postings import <file>.\n');
        const table = new Table({
          head: ['Import', 'Dataset', 'Status', 'Read', 'Kept', 'Duplicates', 'Bad', 'Started', 'File'],
          style: pc.isColorSupported ? { head: ['bold'], border: ['grey'] } : { head: [], border: [] },
        });
        for (const run of runs)
          table.push([
            run.id,
            run.dataset,
            run.status,
            n(run.rowsRead),
            n(run.rowsKept),
            n(run.duplicates),
            n(run.badRows),
            run.startedAt,
            run.file,
          ]);
        process.stdout.write(`${table.toString()}\n`);
      });
    });

  postings
    .command('errors')
    .description('the bad rows an import met: line, field and why')
    .argument('<import>', 'the import number (upskill postings imports)', parseCount(1))
    .option('--limit <n>', 'at most this many', parseCount(1), 1000)
    .option('--json', 'print as JSON')
    .action(async (id: number, options: { limit: number; json?: boolean }) => {
      await withApp(async (app) => {
        const run = await findPostingImport(app.database, id);
        if (!run) throw new UpskillError('NOT_FOUND', `No import ${id}.`, { hint: 'See `upskill postings imports`.' });
        const errors = await listPostingImportErrors(app.database, id, options.limit);
        if (options.json) return printJson(errors);
        process.stdout.write(`${run.file}: ${n(run.badRows)} bad rows\n`);
        for (const error of errors)
          process.stdout.write(
            `  line ${error.line}${error.field ? `, field "${error.field}"` : ''}: ${error.message}\n`,
          );
      });
    });

  postings
    .command('layouts')
    .description('the built-in column layouts and the fields --map can name')
    .action(() => {
      for (const layout of POSTING_LAYOUTS) process.stdout.write(`${pc.bold(layout.name)}  ${layout.about}\n`);
      process.stdout.write(`\nFields for --map column=field: ${POSTING_FIELDS.join(', ')}\n`);
    });
}
