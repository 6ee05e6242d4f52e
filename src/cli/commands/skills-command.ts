import { readFileSync } from 'node:fs';
import { InvalidArgumentError, type Command } from 'commander';
import Table from 'cli-table3';
import pc from 'picocolors';
import { UpskillError } from '../../domain/errors.js';
import type { SkillLevel } from '../../domain/planning/skill-gaps.js';
import { levelName } from '../../domain/planning/skill-levels.js';
import type { PrerequisiteNode } from '../../domain/skills/index.js';
import {
  extractFromDocument,
  extractFromText,
  listSkills,
  showSkill,
  skillGraphOf,
  type Extraction,
} from '../../app/skills.js';
import { printJson, withApp } from '../with-app.js';
import { runTextBatch } from '../json-lines-batch.js';
import { DEFAULT_LINKS, ESCO_NOT_LOADED, linkText, validateTop, type Linking } from '../../app/link-skills.js';

function parseTop(value: string): number {
  try {
    return validateTop(Number(value));
  } catch (error) {
    throw new InvalidArgumentError((error as Error).message);
  }
}

function printLinking(linking: Linking): void {
  if (linking.note) process.stdout.write(pc.dim(`${linking.note}\n`));
  if (linking.links.length === 0) {
    process.stdout.write('No skill is close to this text.\n');
    return;
  }
  for (const link of linking.links) {
    const ids = [link.skillId, link.esco].filter((id) => id !== null).join(' · ');
    process.stdout.write(`${link.score.toFixed(2)}  ${pc.bold(link.label)}${ids ? `  ${pc.dim(ids)}` : ''}\n`);
  }
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function treeLines(node: PrerequisiteNode, prefix = '', last = true, root = true): string[] {
  const line = root
    ? `${pc.bold(node.name)} ${pc.dim(node.id)}`
    : `${prefix}${last ? '└─ ' : '├─ '}${node.name} ${pc.dim(node.id)}`;
  const childPrefix = root ? '' : `${prefix}${last ? '   ' : '│  '}`;
  return [
    line,
    ...node.prerequisites.flatMap((child, i) =>
      treeLines(child, childPrefix, i === node.prerequisites.length - 1, false),
    ),
  ];
}

/** The words around a mention, the mention itself in bold: the evidence a person checks. */
function evidence(text: string, start: number, end: number): string {
  const before = text.slice(Math.max(0, start - 30), start).replace(/\s+/g, ' ');
  const after = text.slice(end, end + 30).replace(/\s+/g, ' ');
  return `${start > 30 ? '…' : ''}${before}${pc.bold(pc.yellow(text.slice(start, end)))}${after}${end + 30 < text.length ? '…' : ''}`;
}

function printExtraction(extraction: Extraction, width: number): void {
  if (extraction.mentions.length === 0) {
    process.stdout.write('No skills found.\n');
    return;
  }
  const table = new Table({
    head: ['Skill', 'Kind', 'Conf.', 'Where', 'Evidence'],
    colWidths: [30, 14, 7, 12, Math.max(30, width - 69)],
    wordWrap: true,
    style: pc.isColorSupported ? { head: ['bold'], border: ['grey'] } : { head: [], border: [] },
  });
  for (const mention of extraction.mentions) {
    const where = mention.negated ? 'negated' : mention.section;
    // The ESCO skill under the name when it reads differently ("Python" → Python (computer programming)).
    const esco =
      mention.esco && mention.esco.label !== mention.label ? `\n${pc.dim(`ESCO: ${mention.esco.label}`)}` : '';
    table.push([
      `${mention.label}${esco}`,
      mention.kind,
      mention.confidence.toFixed(2),
      where,
      evidence(extraction.text, mention.start, mention.end),
    ]);
  }
  process.stdout.write(`${table.toString()}\n`);
  const claimed = extraction.skills.filter((s) => !s.negated).length;
  process.stdout.write(
    pc.dim(
      `${extraction.mentions.length} mentions of ${extraction.skills.length} skills (${claimed} claimed, ` +
        `${extraction.skills.length - claimed} only negated).\n`,
    ),
  );
}

export function registerSkillCommands(program: Command): void {
  const skills = program
    .command('skills')
    .description('the generative-AI skills graph, and skills found in résumés and postings');

  skills
    .command('list')
    .description('list the skills of the graph')
    .option('--category <id>', 'only this category (e.g. prompt-engineering)')
    .option('--json', 'print as JSON')
    .action(async (options: { category?: string; json?: boolean }) => {
      await withApp(async (app) => {
        const list = listSkills(app, options.category);
        if (options.json) return printJson(list);
        let category = '';
        for (const skill of list) {
          if (skill.categoryName !== category) {
            category = skill.categoryName;
            process.stdout.write(`\n${pc.bold(category)}\n`);
          }
          process.stdout.write(`  ${skill.id.padEnd(34)} ${skill.name}\n`);
        }
      });
    });

  skills
    .command('show')
    .description('a skill: description, levels with hours, prerequisites, links to O*NET and ESCO')
    .argument('<id>', 'skill id, e.g. prompt-engineering')
    .option('--json', 'print as JSON')
    .action(async (id: string, options: { json?: boolean }) => {
      await withApp(async (app) => {
        const skill = showSkill(app, id);
        if (options.json) return printJson(skill);
        const out = [`${pc.bold(skill.name)}  ${pc.dim(`${skill.id} · ${skill.categoryName}`)}`, skill.description, ''];
        if (skill.aliases.length > 0) out.push(`Also called: ${skill.aliases.join(', ')}`, '');
        skill.levels.forEach((level, i) =>
          out.push(
            `  ${levelName((i + 1) as SkillLevel).padEnd(10)} ${String(skill.hours[i]).padStart(4)} h  ${level}`,
          ),
        );
        out.push('');
        if (skill.prerequisiteNames.length > 0)
          out.push(`Builds on: ${skill.prerequisiteNames.map((p) => p.name).join(', ')}`);
        if (skill.unlocks.length > 0) out.push(`Leads to: ${skill.unlocks.map((p) => p.name).join(', ')}`);
        if (skill.onet?.examples.length) out.push(`O*NET technology: ${skill.onet.examples.join(', ')}`);
        if (skill.esco?.length) out.push(`ESCO: ${skill.esco.join(', ')}`);
        process.stdout.write(`${out.join('\n')}\n`);
      });
    });

  skills
    .command('graph')
    .description("a skill's prerequisites as a tree")
    .argument('<id>', 'skill id')
    .option('--json', 'print as JSON')
    .action(async (id: string, options: { json?: boolean }) => {
      await withApp(async (app) => {
        const tree = skillGraphOf(app, id);
        if (options.json) return printJson(tree);
        process.stdout.write(`${treeLines(tree).join('\n')}\n`);
      });
    });

  skills
    .command('link')
    .description('rank the ESCO and graph skills a sentence or text most likely means, even when it names none')
    .argument('[text]', 'the sentence or text, e.g. "work in large collaborative teams"')
    .option('--top <k>', `how many skills to return (1–50, default ${DEFAULT_LINKS})`, parseTop, DEFAULT_LINKS)
    .option('--json', 'print {text, links: [{label, esco, skillId, score}], escoLoaded} as JSON')
    .option(
      '--batch',
      'read {"text": "…"} objects one per line on stdin; write one per line: ' +
        '{"text","links":[{"label","esco","skillId","score"}]}; a bad line answers {"error","line"}',
    )
    .addHelpText(
      'after',
      `
Examples:
  upskill skills link "we code in Python"
  upskill skills link "partner with your many stakeholders" --top 10 --json
  printf '{"text": "work in large collaborative teams"}\\n' | upskill skills link --batch`,
    )
    .action(async (text: string | undefined, options: { top: number; json?: boolean; batch?: boolean }) => {
      if (options.batch) {
        if (text !== undefined)
          throw new UpskillError('BAD_INPUT', 'Give either a text or --batch (texts on stdin), not both.');
        return withApp(async (app) => {
          const linker = await app.skillLinker();
          if (linker.escoSkills === 0) process.stderr.write(`${ESCO_NOT_LOADED}\n`);
          await runTextBatch(async (line) => {
            const { links } = await linkText(app, line, options.top);
            return { text: line, links };
          });
        });
      }
      if (text === undefined)
        throw new UpskillError('BAD_INPUT', 'Give the text to link, or --batch to read texts from stdin.', {
          hint: 'Example: upskill skills link "we code in Python"',
        });
      await withApp(async (app) => {
        const linking = await linkText(app, text, options.top);
        if (options.json) return printJson(linking);
        printLinking(linking);
      });
    });

  skills
    .command('extract')
    .description('find the skills named in a résumé or posting (PDF, DOCX, HTML, Markdown, text; - reads stdin)')
    .argument('[file]', 'the document, or - for text on stdin')
    .option('--json', 'print mentions (with offsets) and the per-skill summary as JSON')
    .option(
      '--batch',
      'read {"text": "…"} objects one per line on stdin; write {"mentions": [...]} one per line; ' +
        'a bad line answers {"error","line"}',
    )
    .addHelpText(
      'after',
      `
Nothing leaves your machine: the document is read and matched locally.

Examples:
  upskill skills extract resume.pdf
  pbpaste | upskill skills extract - --json
  printf '{"text": "Python and SQL"}\\n' | upskill skills extract --batch`,
    )
    .action(async (file: string | undefined, options: { json?: boolean; batch?: boolean }) => {
      if (options.batch) {
        if (file !== undefined)
          throw new UpskillError('BAD_INPUT', 'Give either a file or --batch (texts on stdin), not both.');
        return withApp((app) =>
          runTextBatch(async (text) => ({ mentions: (await extractFromText(app, text)).mentions })),
        );
      }
      if (file === undefined)
        throw new UpskillError('BAD_INPUT', 'Give the document (or - for stdin), or --batch to read texts from stdin.');
      await withApp(async (app) => {
        let extraction: Extraction;
        if (file === '-') extraction = await extractFromText(app, await readStdin());
        else {
          let bytes: Buffer;
          try {
            bytes = readFileSync(file);
          } catch (error) {
            throw new UpskillError(
              'NOT_FOUND',
              `${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`,
            );
          }
          extraction = await extractFromDocument(app, bytes, file);
        }
        if (options.json) return printJson(extraction);
        printExtraction(extraction, process.stdout.columns ?? 110);
      });
    });
}
