import Table from 'cli-table3';
import pc from 'picocolors';
import type { ExposureScores } from '../domain/exposure/index.js';
import type { OccupationView, RaterExposure } from '../app/show-occupation.js';

const percent = (share: number): string => `${Math.round(share * 100)}%`;
const LABEL_COLOUR = { E0: pc.dim, E1: pc.green, E2: pc.yellow } as const;
const RISK_COLOUR = { assist: pc.green, caution: pc.yellow, 'human-only': pc.red } as const;
const OBSERVED_WORDS = {
  frequent: 'often',
  occasional: 'sometimes',
  'not-seen': 'not seen',
  unknown: 'unknown',
} as const;

function label(value: 'E0' | 'E1' | 'E2' | null): string {
  return value === null ? pc.dim('—') : LABEL_COLOUR[value](value);
}

function raterLine(name: string, scores: RaterExposure | null): string {
  if (!scores) return `  ${name.padEnd(14)} no labelled tasks`;
  const measure = (key: keyof ExposureScores): string =>
    `${key === 'alpha' ? 'α' : key === 'beta' ? 'β' : 'γ'} ${percent(scores[key]).padStart(4)}`;
  return (
    `  ${name.padEnd(14)} ${measure('alpha')}  ${measure('beta')}  ${measure('gamma')}   β more ` +
    `exposed than ${scores.percentile.beta}% of occupations`
  );
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
      `US jobs       ${employment}   median wage ${wage} a year  ${pc.dim(`(${view.employment.counts}; ${view.employment.source})`)}`,
    );
  }
  if (view.outlook)
    out.push(
      `Outlook       ${view.outlook.pctChange > 0 ? '+' : ''}${view.outlook.pctChange}% jobs ${view.outlook.period}  ` +
        pc.dim(`(${view.outlook.source}, all ${view.outlook.title})`),
    );
  const education = view.education.education;
  if (education)
    out.push(
      `Education     ${education.typical.replace(/ - .*$/, '')} ${pc.dim(`(${education.share}% of workers; ${view.education.source})`)}`,
    );
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
    `  AI could save ${pc.bold(`${view.hoursSaved.low}–${view.hoursSaved.high} h`)} of a 40-hour week, after checking its work.`,
    ...view.hoursSaved.assumptions.map((assumption) => pc.dim(`    · ${assumption}`)),
  );
  const observed = view.observedUse;
  out.push('', pc.bold('What people actually do with AI'));
  if (observed.applicability)
    out.push(
      `  AI applicability ${observed.applicability.score.toFixed(2)} — ` +
        `higher than ${observed.applicability.percentile}% of occupations ` +
        pc.dim(`(${observed.applicability.source}, SOC ${observed.applicability.soc})`),
    );
  out.push(
    observed.taskSource
      ? `  Tasks seen in the Anthropic Economic Index: ${observed.coverage.byStatement + observed.coverage.byTaskId} ` +
          `of ${observed.coverage.total} (${observed.coverage.notSeen} listed but not seen, ${observed.coverage.unknown} ` +
          `unknown to it)`
      : pc.dim('  Observed use per task is not loaded (the Anthropic Economic Index was not found).'),
    '',
  );

  const taskWidth = Math.max(30, Math.min(80, options.width - 66));
  const table = new Table({
    head: ['Task', 'Type', 'Human', 'GPT-4', 'Seen', 'Risk', 'Activity'],
    colWidths: [taskWidth + 2, 7, 7, 7, 12, 12, 22],
    wordWrap: true,
    style: pc.isColorSupported ? { head: ['bold'], border: ['grey'] } : { head: [], border: [] },
  });
  for (const task of view.tasks) {
    table.push([
      task.statement,
      task.taskType === 'Supplemental' ? 'supp.' : (task.taskType ?? '—').toLowerCase(),
      label(task.human),
      label(task.gpt4),
      OBSERVED_WORDS[task.observed.level],
      task.guidance ? RISK_COLOUR[task.guidance.risk](task.guidance.risk) : '—',
      task.guidance?.activity.title.replace(/\.$/, '') ?? '—',
    ]);
  }
  out.push(
    pc.bold(`Tasks (${view.tasks.length})`),
    table.toString(),
    pc.dim(
      'E0 not exposed · E1 an LLM alone halves the time · E2 an LLM plus tools would (GPTs-are-GPTs) ' +
        '· Seen: observed use (Anthropic Economic Index) · Risk: assist (AI drafts, you decide), caution ' +
        '(personal or confidential data), human-only (AI never decides)',
    ),
    '',
  );
  const activities = new Map(
    view.tasks.filter((t) => t.ai && t.guidance).map((t) => [t.guidance!.activity.iwa, t.guidance!]),
  );
  if (activities.size > 0) {
    out.push(pc.bold('How to use AI on the exposed tasks, and what stays with you'));
    for (const guidance of activities.values()) {
      out.push(
        `  ${pc.bold(guidance.activity.title.replace(/\.$/, ''))} ${RISK_COLOUR[guidance.risk](`[${guidance.risk}]`)}`,
      );
      out.push(`    ${guidance.aiCan}`);
      guidance.recipe.forEach((step, i) => out.push(`    ${i + 1}. ${step}`));
      out.push(
        `    ${pc.dim(`Tools: ${guidance.tools.map((t) => `${t.category} (${t.examples.join(', ')})`).join('; ')}`)}`,
      );
      out.push(`    Check: ${guidance.check}`);
      if (guidance.neverPaste) out.push(`    ${pc.yellow('Never paste:')} ${guidance.neverPaste}`);
      out.push(
        `    ${pc.bold('Stays human:')} ${guidance.staysHuman}` +
          (guidance.humanOnlyBecause ? ` (human-only: ${guidance.humanOnlyBecause})` : ''),
      );
    }
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
