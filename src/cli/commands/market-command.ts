import Table from 'cli-table3';
import { InvalidArgumentError, Option, type Command } from 'commander';
import pc from 'picocolors';
import {
  marketEmerging,
  marketOccupation,
  marketTop,
  marketTrend,
  termTrend,
  titleShare,
  type MarketQuery,
  type TopKind,
  type TrendPoint,
} from '../../app/market-report.js';
import { importInsights, rankedInsights } from '../../app/import-insights.js';
import { UpskillError } from '../../domain/errors.js';
import { PERIOD_KINDS, type PeriodKind, type Share } from '../../domain/market/index.js';
import { OCCUPATION_FAMILIES } from '../../domain/planning/occupation-family.js';
import { listSeriesTerms } from '../../store/market.repository.js';
import { printJson, withApp } from '../with-app.js';

const TOP_KINDS: readonly TopKind[] = ['skills', 'tools', 'titles', 'occupations'];

interface FilterOptions extends MarketQuery {
  json?: boolean;
  csv?: boolean;
}

const whole =
  (what: string) =>
  (value: string): number => {
    const number = Number(value);
    if (!Number.isInteger(number)) throw new InvalidArgumentError(`${what} must be a whole number`);
    return number;
  };

/** The filter options every market command takes. */
function withFilters(command: Command, defaultPeriod: PeriodKind = 'quarter'): Command {
  return command
    .addOption(
      new Option('--period <kind>', 'group by month, quarter or half-year')
        .choices(PERIOD_KINDS)
        .default(defaultPeriod),
    )
    .option('--from <YYYY-MM>', 'first month counted')
    .option('--to <YYYY-MM>', 'last month counted')
    .option('--occupation <code>', 'only postings resolved to this O*NET-SOC code (e.g. 15-1252.00)')
    .addOption(
      new Option('--family <family>', 'only postings of an occupation family').choices(
        Object.keys(OCCUPATION_FAMILIES),
      ),
    )
    .option('--location <text>', 'only postings whose location contains this text')
    .addOption(
      new Option('--remote <mode>', 'only remote, hybrid or on-site postings').choices(['remote', 'hybrid', 'onsite']),
    )
    .option('--dataset <name>', 'only postings of one imported dataset')
    .option('-n, --limit <n>', 'how many per period (1–100)', whole('limit'), 10)
    .option('--json', 'print JSON')
    .option('--csv', 'print CSV');
}

function queryOf(options: FilterOptions): MarketQuery {
  const query: MarketQuery & { json?: boolean; csv?: boolean } = { ...options };
  delete query.json;
  delete query.csv;
  return query;
}

const pct = (value: number) => `${(value * 100).toFixed(1)} %`;
const interval = (share: Share) => `${pct(share.low)}–${pct(share.high)}`;

function csvLine(values: readonly (string | number | null)[]): string {
  return values
    .map((value) => {
      const text = value === null ? '' : String(value);
      return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
    })
    .join(',');
}

function printCsv(head: string[], rows: (string | number | null)[][]): void {
  process.stdout.write(`${[csvLine(head), ...rows.map(csvLine)].join('\n')}\n`);
}

function table(head: string[]): Table.Table {
  return new Table({
    head,
    style: pc.isColorSupported ? { head: ['bold'], border: ['grey'] } : { head: [], border: [] },
  });
}

function printPoints(points: TrendPoint[], options: FilterOptions, note: string): void {
  const head = ['period', 'count', 'postings', 'share', 'low95', 'high95'];
  const rows = points.map((p) => [p.period, p.count, p.total, p.share, p.low, p.high]);
  if (options.csv) return printCsv(head, rows);
  const out = table(['Period', 'Count', 'Postings', 'Share', '95 % interval']);
  for (const p of points) out.push([p.period, p.count, p.total, pct(p.share), interval(p)]);
  process.stdout.write(`${out.toString()}\n${pc.dim(note)}\n`);
}

export function registerMarketCommands(program: Command): void {
  const market = program
    .command('market')
    .description('what job postings ask for: top skills, trends with intervals, emerging skills, per occupation');

  withFilters(
    market
      .command('top')
      .description('the skills, tools, titles or occupations most asked for, per period, with shares of postings')
      .argument('<what>', `one of ${TOP_KINDS.join(', ')}`),
  )
    .addHelpText(
      'after',
      `
Counts are postings that ask for each; a share is of the period's postings, with its 95 % Wilson interval.
Postings are a sample of part of the market (see the sample line under each table).

Examples:
  upskill market top skills --period quarter -n 5
  upskill market top tools --family software --from 2024-01 --csv
  upskill market top occupations --remote remote --json`,
    )
    .action(async (what: string, options: FilterOptions) => {
      if (!(TOP_KINDS as readonly string[]).includes(what))
        throw new UpskillError('BAD_INPUT', `Give one of ${TOP_KINDS.join(', ')}, got "${what}".`);
      await withApp(async (app) => {
        const top = await marketTop(app, what as TopKind, queryOf(options));
        if (options.json) return printJson(top);
        const head = ['period', 'rank', 'key', 'label', 'kind', 'count', 'postings', 'share', 'low95', 'high95'];
        const rows = top.periods.flatMap((p) =>
          p.items.map((i) => [p.period, i.rank, i.key, i.label, i.kind, i.count, p.postings, i.share, i.low, i.high]),
        );
        if (options.csv) return printCsv(head, rows);
        const out = table([
          'Period',
          '#',
          what === 'occupations' ? 'Occupation' : 'Name',
          'Postings asking',
          'Share',
          '95 % interval',
        ]);
        for (const p of top.periods)
          for (const i of p.items)
            out.push([`${p.period} (${p.postings})`, i.rank, i.label, i.count, pct(i.share), interval(i)]);
        process.stdout.write(`${out.toString()}\n${pc.dim(top.sample.note)}\n`);
      });
    });

  withFilters(
    market
      .command('trend')
      .description(
        "a skill's count and share of postings per period with 95 % intervals, its growth, and what is asked beside it",
      )
      .argument('<skill-id>', 'a skill id as postings store it (see `upskill market top skills --json`)'),
    'month',
  ).action(async (skillId: string, options: FilterOptions) =>
    withApp(async (app) => {
      const trend = await marketTrend(app, skillId, queryOf(options));
      if (options.json) return printJson(trend);
      printPoints(trend.points, options, trend.sample.note);
      if (options.csv) return;
      const growth = (label: string, g: typeof trend.yearOnYear) =>
        g && g.ratio !== null
          ? `${label} ${g.periods[0]} → ${g.periods[1]}: ×${g.ratio.toFixed(2)} (${pct(g.from.share)} → ${pct(g.to.share)})`
          : `${label}: not measurable with the loaded postings`;
      process.stdout.write(
        `${growth('Quarter on quarter', trend.quarterOnQuarter)}\n${growth('Year on year', trend.yearOnYear)}\n`,
      );
      if (trend.coOccurring.length)
        process.stdout.write(
          `Asked beside it: ${trend.coOccurring.map((c) => `${c.label} (${pct(c.withAnchor)}, lift ${c.lift.toFixed(1)})`).join(', ')}\n`,
        );
    }),
  );

  withFilters(
    market
      .command('emerging')
      .description('the fastest-growing skills above a support floor that pass a growth test')
      .option('--months <n>', 'the latest n months against the n before them', whole('months'), 6)
      .option('--min-support <n>', 'least postings asking for a skill in the latest window', whole('min-support'), 10)
      .option('--alpha <p>', 'significance level of the one-sided growth test', Number, 0.05),
  ).action(async (options: FilterOptions & { months: number; minSupport: number; alpha: number }) =>
    withApp(async (app) => {
      const result = await marketEmerging(app, {
        ...queryOf(options),
        months: options.months,
        minSupport: options.minSupport,
        alpha: options.alpha,
      });
      if (options.json) return printJson(result);
      const head = ['skill_id', 'label', 'kind', 'earlier', 'earlier_share', 'later', 'later_share', 'ratio', 'z', 'p'];
      const rows = result.skills.map((s) => [
        s.skillId,
        s.label,
        s.kind,
        s.earlier.count,
        s.earlier.share,
        s.later.count,
        s.later.share,
        s.ratio,
        s.z,
        s.p,
      ]);
      if (options.csv) return printCsv(head, rows);
      const out = table([
        'Skill',
        `${result.earlier.from} – ${result.earlier.to} (${result.earlier.postings})`,
        `${result.later.from} – ${result.later.to} (${result.later.postings})`,
        'Growth',
        'p',
      ]);
      for (const s of result.skills)
        out.push([
          s.label,
          `${s.earlier.count} (${pct(s.earlier.share)})`,
          `${s.later.count} (${pct(s.later.share)})`,
          `×${s.ratio.toFixed(1)}`,
          s.p.toFixed(4),
        ]);
      process.stdout.write(
        `${out.toString()}\n${pc.dim(`Test: ${result.test}; alpha ${result.alpha}, floor ${result.minSupport}.`)}\n` +
          `${pc.dim(result.sample.note)}\n`,
      );
    }),
  );

  market
    .command('occupation')
    .description("what an occupation's postings ask for, and what of it its O*NET profile does not mention")
    .argument('<code>', 'an O*NET-SOC code, e.g. 15-1252.00')
    .option('--from <YYYY-MM>', 'first month counted')
    .option('--to <YYYY-MM>', 'last month counted')
    .option('--dataset <name>', 'only postings of one imported dataset')
    .option('-n, --limit <n>', 'how many of each (1–100)', whole('limit'), 10)
    .option('--json', 'print JSON')
    .option('--csv', 'print CSV: one row per skill, tool, title or unlisted skill')
    .action(
      async (
        code: string,
        options: { from?: string; to?: string; dataset?: string; limit: number; json?: boolean; csv?: boolean },
      ) =>
        withApp(async (app) => {
          const { json, csv, ...query } = options;
          const result = await marketOccupation(app, code, query);
          if (json) return printJson(result);
          if (csv) {
            const lists = [
              ['skill', result.skills],
              ['tool', result.tools],
              ['title', result.titles],
            ] as const;
            const rows: (string | number | null)[][] = lists.flatMap(([list, items]) =>
              items.map((i) => [list, i.key, i.label, i.count, i.total, i.share, i.low, i.high]),
            );
            for (const i of result.notInProfile)
              rows.push(['not-in-onet-profile', i.skillId, i.label, i.count, i.total, i.share, i.low, i.high]);
            return printCsv(['list', 'key', 'label', 'count', 'postings', 'share', 'low95', 'high95'], rows);
          }
          const out = [
            `${pc.bold(result.occupation.title)} ${pc.dim(result.occupation.code)}: ${result.sample.postings} postings`,
          ];
          const list = (label: string, items: { label: string; count: number; share: number }[]) =>
            out.push(`${label}: ${items.length ? items.map((i) => `${i.label} ${pct(i.share)}`).join(', ') : 'none'}`);
          list('Skills', result.skills);
          list('Tools', result.tools);
          list('Titles', result.titles);
          list('Asked for but not in its O*NET profile', result.notInProfile);
          out.push(pc.dim(result.sample.note));
          process.stdout.write(`${out.join('\n')}\n`);
        }),
    );

  withFilters(
    market
      .command('titles')
      .description('per period, the share of postings whose title names AI, ML or LLM (or matches --pattern)')
      .option('--pattern <regex>', 'a PostgreSQL regular expression, case-insensitive'),
  ).action(async (options: FilterOptions & { pattern?: string }) =>
    withApp(async (app) => {
      const result = await titleShare(app, {
        ...queryOf(options),
        ...(options.pattern ? { pattern: options.pattern } : {}),
      });
      if (options.json) return printJson(result);
      printPoints(result.points, options, `Titles matching ${result.pattern}. ${result.sample.note}`);
    }),
  );

  market
    .command('series')
    .description('an already-aggregated term series (e.g. hn-hiringtrends): its terms, or one term by period')
    .argument('<series>', 'the series name given to `upskill postings import-counts`')
    .argument('[term]', 'a term of the series, e.g. AI')
    .addOption(
      new Option('--period <kind>', 'group by month, quarter or half-year').choices(PERIOD_KINDS).default('month'),
    )
    .option('--json', 'print JSON')
    .option('--csv', 'print CSV')
    .action(async (series: string, term: string | undefined, options: FilterOptions) =>
      withApp(async (app) => {
        if (term === undefined) {
          const terms = await listSeriesTerms(app.database, series);
          if (options.json) return printJson(terms);
          if (terms.length === 0) throw new UpskillError('NOT_FOUND', `No series "${series}" is loaded.`);
          return void process.stdout.write(`${terms.map((t) => `${t.term}\t${t.mentions}`).join('\n')}\n`);
        }
        const result = await termTrend(app, series, term, options.period);
        if (options.json) return printJson(result);
        printPoints(result.points, options, result.note);
      }),
    );

  const insights = program
    .command('insights')
    .description('dated news and insight records, linked to skills, jobs and roles');
  insights
    .command('import')
    .description("import dated articles: the seeds' front-matter format or plain text starting with its date")
    .argument('<file-or-folder>', 'a record file, or a folder of .txt/.md records')
    .option('--json', 'print the report as JSON')
    .action(async (path: string, options: { json?: boolean }) =>
      withApp(async (app) => {
        const report = await importInsights(app, path);
        if (options.json) return printJson(report);
        for (const r of report.records)
          process.stdout.write(`${r.publishedAt.slice(0, 10)}  ${r.title}  ${pc.dim(`(${r.links} links)`)}\n`);
        for (const p of report.problems) process.stderr.write(`${p.message}\n`);
        process.stdout.write(`${report.imported} imported, ${report.problems.length} bad.\n`);
      }),
    );
  insights
    .command('list')
    .description('insights ranked by quality, heat, recency and relevance to an occupation, role or skills')
    .option('--occupation <code>', 'an O*NET-SOC code to rank for')
    .option('--role <id>', 'a target role id to rank for')
    .option('--skills <ids>', 'comma-separated skill ids to rank for')
    .option('-n, --limit <n>', 'how many', whole('limit'), 10)
    .option('--json', 'print JSON')
    .action(async (options: { occupation?: string; role?: string; skills?: string; limit: number; json?: boolean }) =>
      withApp(async (app) => {
        const ranked = await rankedInsights(app, {
          occupationCode: options.occupation ?? null,
          roleId: options.role ?? null,
          skillIds: options.skills?.split(',').map((s) => s.trim()) ?? [],
          limit: options.limit,
        });
        if (options.json) return printJson(ranked);
        for (const r of ranked)
          process.stdout.write(`${r.score.toFixed(2)}  ${r.record.publishedAt.slice(0, 10)}  ${r.record.title}\n`);
      }),
    );
}
