import Table from 'cli-table3';
import pc from 'picocolors';
import type { ExposureScores } from '../domain/exposure/index.js';
import type { OccupationView, RaterExposure } from '../app/show-occupation.js';

const percent = (share: number): string => `${Math.round(share * 100)}%`;
const LABEL_COLOUR = { E0: pc.dim, E1: pc.green, E2: pc.yellow } as const;

function label(value: 'E0' | 'E1' | 'E2' | null): string {
  return value === null ? pc.dim('—') : LABEL_COLOUR[value](value);
}

function raterLine(name: string, scores: RaterExposure | null): string {
  if (!scores) return `  ${name.padEnd(14)} no labelled tasks`;
  const measure = (key: keyof ExposureScores): string =>
    `${key === 'alpha' ? 'α' : key === 'beta' ? 'β' : 'γ'} ${percent(scores[key]).padStart(4)}`;
  return `  ${name.padEnd(14)} ${measure('alpha')}  ${measure('beta')}  ${measure('gamma')}   β more exposed than ${scores.percentile.beta}% of occupations`;
}

/** The occupation as a terminal page: header, exposure summary, then every task with both raters' labels. */
export function formatOccupation(view: OccupationView, options: { all: boolean; width: number }): string {
  const out: string[] = [];
  if (view.resolvedFrom)
    out.push(
      pc.dim(
        `"${view.resolvedFrom.query}" → best match "${view.resolvedFrom.matched}" (score ${view.resolvedFrom.score.toFixed(2)})`,
      ),
    );
  out.push(`${pc.bold(view.title)}  ${pc.dim(view.code)}`, view.description, '');
  if (view.jobZone)
    out.push(
      `Job zone      ${view.jobZone.value}${view.jobZone.name ? ` — ${view.jobZone.name.replace(/^Job Zone \w+: /, '')}` : ''}`,
    );
  if (view.employment) {
    const employment = view.employment.employment === null ? 'n/a' : view.employment.employment.toLocaleString('en-US');
    const wage =
      view.employment.medianAnnualWage === null
        ? 'n/a'
        : `$${view.employment.medianAnnualWage.toLocaleString('en-US')}`;
    out.push(
      `US jobs       ${employment}   median wage ${wage} a year  ${pc.dim(`(${view.employment.source}, SOC ${view.employment.soc})`)}`,
    );
  }
  out.push('', pc.bold('Share of the work exposed to generative AI'));
  out.push(raterLine('human raters', view.exposure.human), raterLine('GPT-4', view.exposure.gpt4));
  const weighting =
    view.exposure.weighting === 'task-importance'
      ? 'tasks weighted by O*NET importance'
      : 'core tasks weigh 2, supplemental 1';
  const unlabelled =
    view.exposure.unlabelledTasks > 0
      ? `; ${view.exposure.unlabelledTasks} tasks have no label (newer than the ratings)`
      : '';
  out.push(pc.dim(`  ${view.exposure.labelledTasks} labelled tasks, ${weighting}${unlabelled}. See docs/exposure.md.`));
  out.push(
    `  AI could save about ${pc.bold(`${view.hoursSaved.hoursPerWeek} h`)} of a 40-hour week (${view.hoursSaved.low}–${view.hoursSaved.high} h by rater).`,
    '',
  );

  const taskWidth = Math.max(30, Math.min(80, options.width - 66));
  const table = new Table({
    head: ['Task', 'Type', 'Human', 'GPT-4', 'Agree', 'Autom.', 'Use AI for'],
    colWidths: [taskWidth + 2, 7, 7, 7, 8, 8, 22],
    wordWrap: true,
    style: pc.isColorSupported ? { head: ['bold'], border: ['grey'] } : { head: [], border: [] },
  });
  for (const task of view.tasks) {
    table.push([
      task.statement,
      task.taskType === 'Supplemental' ? 'supp.' : (task.taskType ?? '—').toLowerCase(),
      label(task.human),
      label(task.gpt4),
      task.agreement === 'agree' ? 'yes' : task.agreement === 'unlabelled' ? '—' : 'no',
      task.gpt4Automation ?? '—',
      task.ai?.capability ?? '—',
    ]);
  }
  out.push(
    pc.bold(`Tasks (${view.tasks.length})`),
    table.toString(),
    pc.dim('E0 not exposed · E1 an LLM alone halves the time · E2 an LLM plus tools would · Autom. T0–T4 (GPT-4)'),
    '',
  );
  const capabilities = new Map(view.tasks.filter((t) => t.ai).map((t) => [t.ai!.capability, t.ai!]));
  if (capabilities.size > 0) {
    out.push(pc.bold('How to use AI on these tasks'));
    for (const use of capabilities.values())
      out.push(`  ${pc.bold(use.capability)}: ${use.howToUse}`, `  ${pc.dim(`Check: ${use.check}`)}`);
    out.push('');
  }

  const limit = options.all ? Infinity : 10;
  if (view.workActivities.length > 0) {
    out.push(pc.bold('Detailed work activities'));
    for (const activity of view.workActivities.slice(0, limit)) out.push(`  • ${activity.title}`);
    if (view.workActivities.length > limit) out.push(pc.dim(`  … ${view.workActivities.length - limit} more (--all)`));
    out.push('');
  }
  if (view.technologySkills.length > 0) {
    out.push(pc.bold('Technology skills') + pc.dim('  (🔥 hot technology)'));
    for (const skill of view.technologySkills.slice(0, limit))
      out.push(`  ${skill.hot ? '🔥' : '  '} ${skill.example} ${pc.dim(`— ${skill.commodityTitle}`)}`);
    if (view.technologySkills.length > limit)
      out.push(pc.dim(`  … ${view.technologySkills.length - limit} more (--all)`));
    out.push('');
  }
  if (view.related.length > 0) {
    out.push(pc.bold('Related occupations'));
    for (const related of view.related.slice(0, limit)) out.push(`  ${related.code}  ${related.title}`);
    out.push('');
  }
  return `${out.join('\n')}\n`;
}
