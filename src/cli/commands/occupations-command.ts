import { createInterface } from 'node:readline';
import { InvalidArgumentError, type Command } from 'commander';
import pc from 'picocolors';
import { isUpskillError, UpskillError } from '../../domain/errors.js';
import { resolveTitle, type TitleIndex } from '../../domain/titles/index.js';
import { noMatchError, searchOccupations, validateLimit, validateTitleQuery } from '../../app/search-occupations.js';
import { showOccupation } from '../../app/show-occupation.js';
import { formatOccupation } from '../format-occupation.js';
import { printJson, withApp } from '../with-app.js';

function parseLimit(value: string): number {
  const limit = Number(value);
  try {
    return validateLimit(limit);
  } catch (error) {
    throw new InvalidArgumentError((error as Error).message);
  }
}

export function registerOccupationCommands(program: Command): void {
  const occupations = program.command('occupations').description('find occupations by job title');

  occupations
    .command('search')
    .description('rank the O*NET occupations that match a job title, as people write it')
    .argument('[title]', 'the job title, e.g. "sr mktg specialist" (abbreviations, typos and word order are fine)')
    .option('-n, --limit <n>', 'how many occupations to show (1–50)', parseLimit, 5)
    .option('--json', 'print the matches as JSON')
    .option(
      '--batch',
      'read titles one per line on stdin; write one JSON object per line: {"query","matches":[{"code","title","score","matched"}]}',
    )
    .addHelpText(
      'after',
      `
Examples:
  upskill occupations search "sr mktg specialist"
  upskill occupations search "RN - ICU" --limit 3 --json
  printf 'accounts payable clerk\\nfull stack dev\\n' | upskill occupations search --batch`,
    )
    .action(async (title: string | undefined, options: { limit: number; json?: boolean; batch?: boolean }) => {
      if (options.batch) {
        if (title !== undefined)
          throw new UpskillError('BAD_INPUT', 'Give either a title or --batch (titles on stdin), not both.');
        return withApp(async (app) => runBatch(await app.titleIndex(), options.limit));
      }
      if (title === undefined)
        throw new UpskillError('BAD_INPUT', 'Give a job title to search for, or --batch to read titles from stdin.', {
          hint: 'Example: upskill occupations search "accounts payable clerk"',
        });
      await withApp(async (app) => {
        const matches = await searchOccupations(app, title, options.limit);
        if (options.json) return printJson({ query: title, matches });
        if (matches.length === 0) {
          throw await noMatchError(app, validateTitleQuery(title));
        }
        for (const match of matches) {
          const via =
            match.matched.toLowerCase() === match.title.toLowerCase() ? '' : pc.dim(`  (as "${match.matched}")`);
          process.stdout.write(`${pc.bold(match.code)}  ${match.score.toFixed(2)}  ${match.title}${via}\n`);
        }
      });
    });

  program
    .command('occupation')
    .description('show an occupation and, task by task, where generative AI can help')
    .argument('<code-or-title>', 'an O*NET-SOC code (13-1161.00) or a job title (the best match is shown)')
    .option('--json', 'print everything as JSON')
    .option('--all', 'list every technology skill and work activity, not only the top ones')
    .addHelpText(
      'after',
      `
Exposure labels (Eloundou et al., 2023): E0 no exposure; E1 an LLM alone halves the time;
E2 an LLM plus tools built on it would. α = E1, β = E1 + ½·E2, γ = E1 + E2 as shares of the work.

Examples:
  upskill occupation 13-1161.00
  upskill occupation "accounts payable clerk" --json`,
    )
    .action(async (codeOrTitle: string, options: { json?: boolean; all?: boolean }) => {
      await withApp(async (app) => {
        const view = await showOccupation(app, codeOrTitle);
        if (options.json) return printJson(view);
        process.stdout.write(
          formatOccupation(view, { all: options.all === true, width: process.stdout.columns ?? 110 }),
        );
      });
    });
}

/** Streams stdin titles to JSON lines; a bad line gets an error object, the rest go on. */
async function runBatch(index: TitleIndex, limit: number): Promise<void> {
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of lines) {
    if (line.trim() === '') continue;
    let output: object;
    try {
      output = { query: line, matches: resolveTitle(index, validateTitleQuery(line), { limit }) };
    } catch (error) {
      if (!isUpskillError(error)) throw error;
      output = { query: line, matches: [], error: { code: error.code, message: error.message } };
    }
    if (!process.stdout.write(`${JSON.stringify(output)}\n`))
      await new Promise((resolve) => process.stdout.once('drain', resolve));
  }
}
