import type { Account } from './api/types';

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
  ],
};

/** Why a path is hidden from this role, or undefined when it is not. */
export const hiddenBecause = (role: Account['role'], path: string): string | undefined =>
  HIDDEN_FOR[role].find((item) => item.paths.includes(path))?.why;
