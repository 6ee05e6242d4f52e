const DAY = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });
const DATE = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

/** Plan dates are calendar days (YYYY-MM-DD) with no time zone; they are shown as written. */
const parse = (day: string) => new Date(`${day}T00:00:00Z`);
export const formatDay = (day: string) => DAY.format(parse(day));
export const formatDate = (day: string) => DATE.format(parse(day));
export const formatHours = (hours: number) => `${Math.round(hours * 10) / 10} h`;
/** Today as a calendar day in the browser's own time zone. */
export const todayLocal = () =>
  new Date(Date.now() - new Date().getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
/** The skills graph's four levels, 0 meaning none. */
export const LEVEL_NAMES = ['none', 'aware', 'can use', 'can build', 'can lead'] as const;
