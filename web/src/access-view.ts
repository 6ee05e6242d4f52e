import type { Account } from './api/types';
import { ORG_PATHS } from './org-pages';

// The organisation's pages (web/src/pages/org-*.tsx) are for administrators and managers (and personal mode).
const ORGANISATION_HIDDEN = {
  what: 'The organisation pages (roster, readiness, decisions, mobility, cohorts)',
  why: 'they are for administrators and managers, who work with the whole roster or their reports.',
  paths: ORG_PATHS,
};

/** What a role does not see in the web app, and why — shown instead of silently leaving things out. */
export const HIDDEN_FOR: Record<Account['role'], { what: string; why: string; paths: string[] }[]> = {
  administrator: [],
  manager: [
    {
      what: 'Team administration and the audit log',
      why: 'only administrators manage accounts and read who saw what.',
      paths: ['/team'],
    },
  ],
  employee: [
    {
      what: 'Team administration and the audit log',
      why: 'only administrators manage accounts and read who saw what.',
      paths: ['/team'],
    },
    ORGANISATION_HIDDEN,
  ],
  analyst: [
    {
      what: 'Start, Your job & AI, Your skills and Your path',
      why:
        'they are one person’s profile and plan; analysts see market and occupation data and aggregates only ' +
        '(Explore, About the data).',
      paths: ['/', '/job', '/skills', '/path', '/assess'],
    },
    {
      what: 'Team administration and the audit log',
      why: 'only administrators manage accounts and read who saw what.',
      paths: ['/team'],
    },
    ORGANISATION_HIDDEN,
  ],
};

/** Why a path is hidden from this role, or undefined when it is not. */
export const hiddenBecause = (role: Account['role'], path: string): string | undefined =>
  HIDDEN_FOR[role].find((item) => item.paths.includes(path))?.why;
