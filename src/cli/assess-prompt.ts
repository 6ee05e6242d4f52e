import { createInterface } from 'node:readline/promises';
import pc from 'picocolors';
import { UpskillError } from '../domain/errors.js';
import type { SelfAssessment } from '../app/self-assessment.js';
import { parseLevel } from '../domain/planning/skill-levels.js';
import type { SkillLevel } from '../domain/planning/skill-gaps.js';
import type { SkillLevelInput } from './options.js';

/**
 * Asks for each skill of the self-assessment in turn (Enter keeps the suggested level), on the
 * terminal — or reads one answer a line from piped input, so it can be scripted. Questions go to
 * stderr, so `--json` or `--md` output on stdout stays clean.
 */
export async function askLevels(assessment: SelfAssessment): Promise<SkillLevelInput[]> {
  const prompt = createInterface({ input: process.stdin, output: process.stderr, terminal: process.stdin.isTTY });
  const lines = process.stdin.isTTY ? undefined : prompt[Symbol.asyncIterator]();
  const answer = async (question: string): Promise<string> => {
    if (!lines) return prompt.question(question);
    process.stderr.write(question);
    const next = await lines.next();
    const text = next.done ? '' : String(next.value);
    process.stderr.write(`${text}\n`);
    return text;
  };
  process.stderr.write(
    `${pc.bold(`Check your starting levels for ${assessment.target.name}`)} ` +
      `(${assessment.skills.length} skills; Enter keeps the suggestion)\n`,
  );
  const levels: SkillLevelInput[] = [];
  try {
    for (const skill of assessment.skills) {
      process.stderr.write(`\n${pc.bold(skill.name)} — your goal needs “${skill.levels[skill.needed]!.name}”\n`);
      if (skill.basis) process.stderr.write(pc.dim(`  ${skill.basis}\n`));
      for (const level of skill.levels)
        process.stderr.write(`  ${level.level} ${level.name.padEnd(9)} ${pc.dim(level.description)}\n`);
      let chosen: SkillLevel | undefined;
      while (chosen === undefined) {
        const text = (
          await answer(`  your level [${skill.suggested} ${skill.levels[skill.suggested]!.name}]: `)
        ).trim();
        chosen = text === '' ? skill.suggested : parseLevel(text);
        if (chosen === undefined) {
          if (lines)
            throw new UpskillError('BAD_INPUT', `"${text}" is not a level for ${skill.name}.`, {
              hint: 'Give a number 0–4 or a name (none, aware, can use, can build, can lead), or an empty line to keep the suggestion.',
            });
          process.stderr.write(
            pc.yellow('  give a number 0–4 or a name (none, aware, can use, can build, can lead)\n'),
          );
        }
      }
      levels.push({ skillId: skill.skillId, level: chosen });
    }
  } finally {
    prompt.close();
  }
  return levels;
}
