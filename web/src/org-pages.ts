/** The organisation's pages, in the order of the work: bring the roster in, see, decide, move, follow. */
export const ORG_PAGES = [
  { href: '/org/roster', label: 'Roster' },
  { href: '/org/readiness', label: 'Readiness' },
  { href: '/org/decisions', label: 'Upskill, hire or freelance' },
  { href: '/org/mobility', label: 'Mobility' },
  { href: '/org/cohorts', label: 'Cohorts' },
] as const;

/** Every path of the organisation's pages (for the role rules of the web app). */
export const ORG_PATHS = ['/org', ...ORG_PAGES.map((page) => page.href)];
