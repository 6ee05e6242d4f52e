import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  cohortProgress,
  cohortProgressCsv,
  cohortWeek,
  memberProgress,
  NO_TEAM,
  type CohortMemberInput,
} from './cohort-progress.js';

// A Monday; 2026-11-18 is day 16, the third week.
const START = '2026-11-02';
const AS_OF = '2026-11-18';

const baseline = {
  weeks: [
    { week: 1, hours: 4 },
    { week: 2, hours: 4 },
    { week: 3, hours: 4 },
    { week: 4, hours: 2 },
  ],
  steps: [
    { id: 'a@1', hours: 3 },
    { id: 'a@2', hours: 5 },
    { id: 'b@1', hours: 6 },
  ],
};

const ana: CohortMemberInput = {
  personKey: 'E1',
  name: 'Ana',
  team: 'Sales',
  hoursPerWeek: 4,
  baseline,
  progress: [
    { stepId: 'a@1', status: 'done', recordedAt: '2026-11-04T10:00:00.000Z' },
    { stepId: 'a@2', status: 'took-longer', hours: 7, recordedAt: '2026-11-12T10:00:00.000Z' },
  ],
};
const bo: CohortMemberInput = { personKey: 'E2', name: 'Bo', team: 'Sales', hoursPerWeek: 4, baseline, progress: [] };
const cy: CohortMemberInput = {
  personKey: 'E3',
  name: 'Cy',
  team: null,
  hoursPerWeek: 2,
  baseline: {
    weeks: [
      { week: 1, hours: 2 },
      { week: 2, hours: 1 },
    ],
    steps: [{ id: 'c@1', hours: 3 }],
  },
  progress: [{ stepId: 'c@1', status: 'skipped', recordedAt: '2026-11-03T08:00:00.000Z' }],
};

describe('cohort progress', () => {
  it('counts cohort weeks from the start date, 0 before it', () => {
    assert.equal(cohortWeek(START, '2026-11-01'), 0);
    assert.equal(cohortWeek(START, START), 1);
    assert.equal(cohortWeek(START, '2026-11-08'), 1);
    assert.equal(cohortWeek(START, '2026-11-09'), 2);
    assert.equal(cohortWeek(START, AS_OF), 3);
  });

  it('measures a member against the baseline of the weeks that have ended', () => {
    assert.deepEqual(memberProgress(ana, START, AS_OF), {
      personKey: 'E1',
      name: 'Ana',
      team: 'Sales',
      status: 'on-track',
      hoursPerWeek: 4,
      plannedHours: 14,
      plannedToDateHours: 8,
      doneHours: 8,
      spentHours: 10,
      behindHours: 0,
      completion: 0.57,
      lastActivity: '2026-11-12T10:00:00.000Z',
    });
  });

  it('calls a member behind plan when done is a week of their hours short of planned to date', () => {
    const nothing = memberProgress(bo, START, AS_OF);
    assert.equal(nothing.status, 'behind');
    assert.equal(nothing.behindHours, 8);
    // Three hours short is less than the four-hour week: still on track.
    const oneStep = memberProgress(
      { ...bo, progress: [{ stepId: 'a@2', status: 'done', recordedAt: '2026-11-10T00:00:00.000Z' }] },
      START,
      AS_OF,
    );
    assert.deepEqual([oneStep.status, oneStep.behindHours], ['on-track', 3]);
    // Before the start nobody is behind.
    assert.equal(memberProgress(bo, START, '2026-10-30').status, 'not-started-yet');
  });

  it('sees the cohort as it stood on an earlier day: later records do not count yet', () => {
    const then = memberProgress(ana, START, '2026-11-10');
    assert.deepEqual(
      [then.plannedToDateHours, then.doneHours, then.spentHours, then.lastActivity],
      [4, 3, 3, '2026-11-04T10:00:00.000Z'],
    );
  });

  it('counts a skipped step as done work with no hours spent', () => {
    const skipped = memberProgress(cy, START, AS_OF);
    assert.deepEqual(
      [skipped.status, skipped.doneHours, skipped.spentHours, skipped.completion],
      ['finished', 3, 0, 1],
    );
  });

  it('rolls up by team and week, most behind first, with totals', () => {
    const progress = cohortProgress([ana, bo, cy], START, AS_OF);
    assert.equal(progress.week, 3);
    assert.deepEqual(
      progress.members.map((m) => [m.name, m.status]),
      [
        ['Bo', 'behind'],
        ['Cy', 'finished'],
        ['Ana', 'on-track'],
      ],
    );
    assert.deepEqual(progress.totals, {
      members: 3,
      finished: 1,
      onTrack: 1,
      behind: 1,
      notStartedYet: 0,
      plannedHours: 31,
      plannedToDateHours: 19,
      doneHours: 11,
      spentHours: 10,
    });
    const table = progress.weeks.map((w) => [
      w.team,
      w.week,
      w.start,
      w.members,
      w.plannedHours,
      w.doneHours,
      w.spentHours,
      w.cumulativePlannedHours,
      w.cumulativeDoneHours,
    ]);
    assert.deepEqual(table, [
      [NO_TEAM, 1, '2026-11-02', 1, 2, 3, 0, 2, 3],
      [NO_TEAM, 2, '2026-11-09', 1, 1, 0, 0, 3, 3],
      [NO_TEAM, 3, '2026-11-16', 1, 0, 0, 0, 3, 3],
      ['Sales', 1, '2026-11-02', 2, 8, 3, 3, 8, 3],
      ['Sales', 2, '2026-11-09', 2, 8, 5, 7, 16, 8],
      ['Sales', 3, '2026-11-16', 2, 8, 0, 0, 24, 8],
    ]);
  });

  it('exports one CSV row per member, with spreadsheet formulas defused', () => {
    const csv = cohortProgressCsv(cohortProgress([{ ...bo, name: '=HYPERLINK("x"), Bo' }, cy], START, AS_OF));
    assert.equal(
      csv,
      'person_key,name,team,status,hours_per_week,planned_hours,planned_to_date_hours,done_hours,spent_hours,' +
        'behind_hours,last_activity\r\n' +
        `E2,"'=HYPERLINK(""x""), Bo",Sales,behind,4,14,8,0,0,8,\r\n` +
        'E3,Cy,,finished,2,3,3,3,0,0,2026-11-03T08:00:00.000Z\r\n',
    );
  });
});
