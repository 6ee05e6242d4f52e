/** The roles of team mode, each with what it may see in words a person can be shown. */
export const ROLES = ['administrator', 'manager', 'employee', 'analyst'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_SCOPE: Record<Role, string> = {
  administrator: 'everything: every person’s profile and plan, accounts, settings and the audit log',
  manager: 'your own profile and plan, and those of the people who report to you',
  employee: 'your own profile, plan and progress',
  analyst: 'market and occupation data and aggregates only, never one person’s profile or plan',
};

export const isRole = (value: string): value is Role => (ROLES as readonly string[]).includes(value);
