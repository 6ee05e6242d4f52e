import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Writes a tiny O*NET release and GPTs-are-GPTs folder (two occupations, three tasks) for loader tests. */
export function writeMiniRelease(
  root: string,
  options: { onetVersion?: string; extraTask?: boolean; fullRelease?: boolean } = {},
): { onetDir: string; gptsDir: string } {
  const onetDir = join(root, 'my-onet');
  const gptsDir = join(root, 'labels');
  mkdirSync(onetDir, { recursive: true });
  mkdirSync(gptsDir, { recursive: true });
  const tsv = (rows: string[][]): string => `${rows.map((row) => row.join('\t')).join('\n')}\n`;
  writeFileSync(join(onetDir, 'Read Me.txt'), `O*NET ${options.onetVersion ?? '27.0'} Database\n`);
  writeFileSync(
    join(onetDir, 'Occupation Data.txt'),
    tsv([
      ['O*NET-SOC Code', 'Title', 'Description'],
      ['13-1161.00', 'Market Research Analysts and Marketing Specialists', 'Research market conditions.'],
      ['43-3031.00', 'Bookkeeping, Accounting, and Auditing Clerks', 'Compute, classify, and record numerical data.'],
    ]),
  );
  writeFileSync(
    join(onetDir, 'Alternate Titles.txt'),
    tsv([
      ['O*NET-SOC Code', 'Alternate Title', 'Short Title', 'Source(s)'],
      ['13-1161.00', 'Marketing Specialist', 'n/a', '04'],
      ['43-3031.00', 'Bookkeeper', 'n/a', '04'],
    ]),
  );
  const tasks = [
    ['O*NET-SOC Code', 'Task ID', 'Task', 'Task Type', 'Incumbents Responding', 'Date', 'Domain Source'],
    ['13-1161.00', '1', 'Prepare reports of findings.', 'Core', '10', '07/2014', 'Incumbent'],
    ['13-1161.00', '2', 'Attend staff conferences.', 'Supplemental', '10', '07/2014', 'Incumbent'],
    ['43-3031.00', '3', 'Operate adding machines.', 'Core', '10', '07/2014', 'Incumbent'],
  ];
  if (options.extraTask)
    tasks.push(['43-3031.00', '99', 'Reconcile accounts with AI tools.', 'Core', 'n/a', '05/2025', 'Analyst']);
  writeFileSync(join(onetDir, 'Task Statements.txt'), tsv(tasks));
  if (options.fullRelease) {
    // Files a user's full O*NET download has and the shared copy lacks.
    writeFileSync(
      join(onetDir, 'Sample of Reported Titles.txt'),
      tsv([
        ['O*NET-SOC Code', 'Reported Job Title', 'Shown in My Next Move'],
        ['43-3031.00', 'Full Charge Bookkeeper', 'Y'],
      ]),
    );
    writeFileSync(
      join(onetDir, 'Task Ratings.txt'),
      tsv([
        [
          'O*NET-SOC Code',
          'Task ID',
          'Scale ID',
          'Category',
          'Data Value',
          'N',
          'Standard Error',
          'Lower CI Bound',
          'Upper CI Bound',
          'Recommend Suppress',
          'Date',
          'Domain Source',
        ],
        ['13-1161.00', '1', 'IM', 'n/a', '4.50', '10', '0.1', '4.3', '4.7', 'N', '07/2014', 'Incumbent'],
        ['13-1161.00', '1', 'FT', '1', '10.00', '10', '0.1', 'n/a', 'n/a', 'N', '07/2014', 'Incumbent'],
        ['13-1161.00', '2', 'IM', 'n/a', '1.50', '10', '0.1', '1.3', '1.7', 'N', '07/2014', 'Incumbent'],
      ]),
    );
  }
  writeFileSync(
    join(gptsDir, 'full_labelset.tsv'),
    tsv([
      [
        '',
        'O*NET-SOC Code',
        'Task ID',
        'Task',
        'Task Type',
        'Title',
        'human_exposure_agg',
        'gpt4_exposure',
        'gpt4_automation',
      ],
      [
        '0',
        '13-1161.00',
        '1.0',
        'Prepare reports of findings.',
        'Core',
        'Market Research Analysts and Marketing Specialists',
        'E1',
        'E2',
        'T3',
      ],
      [
        '1',
        '13-1161.00',
        '2.0',
        'Attend staff conferences.',
        'Supplemental',
        'Market Research Analysts and Marketing Specialists',
        'E0',
        'E0',
        'T1',
      ],
      [
        '2',
        '43-3031.00',
        '3.0',
        'Operate adding machines.',
        'Core',
        'Bookkeeping, Accounting, and Auditing Clerks',
        'E2',
        'E1',
        'T2',
      ],
    ]),
  );
  writeFileSync(
    join(gptsDir, 'occ_level.csv'),
    [
      'O*NET-SOC Code,Title,dv_rating_alpha,dv_rating_beta,dv_rating_gamma,human_rating_alpha,human_rating_beta,human_rating_gamma',
      '13-1161.00,Market Research Analysts and Marketing Specialists,0.0,0.333,0.667,0.667,0.667,0.667',
      '43-3031.00,"Bookkeeping, Accounting, and Auditing Clerks",1.0,1.0,1.0,0.0,0.5,1.0',
      '',
    ].join('\n'),
  );
  return { onetDir, gptsDir };
}

/**
 * Writes tiny copies of the two observed-use sources beside a mini release: task 1 is matched by
 * its words, task 2 through a Task ID whose statement was reworded, task 3 is in neither.
 */
export function writeMiniObservedUse(root: string): { anthropicDir: string; microsoftDir: string } {
  const anthropicDir = join(root, 'anthropic');
  const microsoftDir = join(root, 'microsoft');
  mkdirSync(anthropicDir, { recursive: true });
  mkdirSync(microsoftDir, { recursive: true });
  writeFileSync(
    join(anthropicDir, 'onet_task_mappings.csv'),
    'task_name,pct\nprepare reports of findings.,0.5\nattend staff meetings and conferences.,0.01\n',
  );
  writeFileSync(
    join(anthropicDir, 'onet_task_statements.csv'),
    'O*NET-SOC Code,Title,Task ID,Task\n13-1161.00,Marketing,1,Prepare reports of findings.\n13-1161.00,Marketing,2,Attend ' +
      'staff meetings and conferences.\n',
  );
  writeFileSync(
    join(microsoftDir, 'iwa_metrics.csv'),
    'IWA,title,share_user,share_ai,completion_user,completion_ai,impact_scope_user,impact_scope_ai\n4.A.3.b.6.I05,Prepare ' +
      'reports.,0.02,0.01,0.8,,0.5,0.4\n',
  );
  writeFileSync(
    join(microsoftDir, 'soc_ai_applicability_scores.csv'),
    'SOC Code,title,ai_applicability_score\n13-1161,Market Research Analysts,0.3\n43-3031,Bookkeeping Clerks,0.1\n',
  );
  writeFileSync(join(microsoftDir, 'soc_iwa_weights.csv'), 'SOC Code,4.A.3.b.6.I05\n13-1161,12.5\n43-3031,0.0\n');
  return { anthropicDir, microsoftDir };
}
