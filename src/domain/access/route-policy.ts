/**
 * Who may call each route, by the kind of data it touches. Every operation the API serves needs an
 * entry here (the role-by-route test fails for one without); adding a route is adding its line.
 *
 * - `public`: anyone, signed in or not (the sign-in routes themselves, version and attribution).
 * - `signed-in`: any account — public reference data (occupations, skills, roles, unsaved plans).
 * - `individuals`: roles that work with individual people (administrator, manager, employee): lists
 *   and creations, narrowed to the people the caller may see.
 * - `person`: one person's data, named by the `{id}` profile in the path; the relationship decides,
 *   and a profile the caller may not see answers exactly like one that does not exist (404).
 * - `administrator`: accounts, roles, the audit log, handing a profile to its person.
 */
export type RouteRule = 'public' | 'signed-in' | 'individuals' | 'person' | 'administrator';

export const ROUTE_POLICY: Readonly<Record<string, RouteRule>> = {
  'GET /api/about': 'public',
  'GET /api/openapi.json': 'public',
  'GET /api/auth/session': 'public',
  'POST /api/auth/login': 'public',
  'POST /api/auth/links/inspect': 'public',
  'POST /api/auth/links/redeem': 'public',
  'POST /api/auth/logout': 'signed-in',

  'GET /api/occupations': 'signed-in',
  'GET /api/occupations/{code}': 'signed-in',
  'POST /api/occupations/from-text': 'signed-in',
  'GET /api/exposure': 'signed-in',
  'GET /api/skills': 'signed-in',
  'GET /api/skills/{id}': 'signed-in',
  'POST /api/extract': 'signed-in',
  'POST /api/skills/link': 'signed-in',
  'GET /api/roles': 'signed-in',
  'POST /api/assessment': 'signed-in',
  'POST /api/plan': 'signed-in',

  // The coach: a profile named in the body is checked by the same person policy (src/app/profiles.ts).
  'GET /api/coach': 'signed-in',
  'PUT /api/coach/enabled': 'administrator',
  'POST /api/coach/preview': 'individuals',
  'POST /api/coach/ask': 'individuals',
  'POST /api/coach/propose': 'individuals',
  'POST /api/coach/accept': 'individuals',

  'GET /api/profiles': 'individuals',
  'POST /api/profiles': 'individuals',
  'GET /api/profiles/{id}': 'person',
  'PATCH /api/profiles/{id}': 'person',
  'DELETE /api/profiles/{id}': 'person',
  'PUT /api/profiles/{id}/skills/{skillId}': 'person',
  'GET /api/profiles/{id}/plan': 'person',
  'GET /api/profiles/{id}/gaps': 'person',
  'POST /api/profiles/{id}/progress': 'person',
  'DELETE /api/profiles/{id}/progress/{stepId}': 'person',
  'PUT /api/profiles/{id}/owner': 'administrator',

  'GET /api/me/export': 'signed-in',
  'DELETE /api/me': 'signed-in',
  'GET /api/tokens': 'signed-in',
  'POST /api/tokens': 'signed-in',
  'DELETE /api/tokens/{tokenId}': 'signed-in',

  'GET /api/accounts': 'administrator',
  'POST /api/accounts/invitations': 'administrator',
  'PATCH /api/accounts/{accountId}': 'administrator',
  'DELETE /api/accounts/{accountId}': 'administrator',
  'POST /api/accounts/{accountId}/password-reset': 'administrator',
  'GET /api/audit': 'administrator',

  // Market demand and insights: counts over job postings and public articles, no person's data.
  'GET /api/market/top': 'signed-in',
  'GET /api/market/trend': 'signed-in',
  'GET /api/market/emerging': 'signed-in',
  'GET /api/market/occupations/{code}': 'signed-in',
  'GET /api/market/titles': 'signed-in',
  'GET /api/market/series/{series}/{term}': 'signed-in',
  'GET /api/insights': 'signed-in',
  'POST /api/insights': 'administrator',
  // Postings are shared by everyone's market figures: an administrator imports them, anyone reads the runs.
  'POST /api/postings/imports': 'administrator',
  'POST /api/postings/samples': 'administrator',
  'GET /api/postings/imports': 'signed-in',
  'GET /api/postings/imports/{id}/errors': 'signed-in',
  // The organisation (issue 13): aggregates to every account, names only to whom mayViewPerson allows.
  'POST /api/org/roster/preview': 'administrator',
  'POST /api/org/roster': 'administrator',
  'GET /api/org/people': 'individuals',
  'POST /api/org/people/confirm': 'administrator',
  'GET /api/org/people/{personKey}': 'individuals',
  'GET /api/org/readiness': 'signed-in',
  'GET /api/org/readiness/export': 'signed-in',
  'GET /api/org/decisions': 'signed-in',
  'POST /api/org/decisions': 'signed-in',
  'GET /api/org/scenarios': 'signed-in',
  'POST /api/org/scenarios': 'administrator',
  'PUT /api/org/teams/{team}/target': 'administrator',
  'GET /api/org/mobility': 'signed-in',
  'POST /api/org/bench': 'administrator',
  'GET /api/org/bench/matches': 'signed-in',
  'POST /api/org/demo': 'administrator',
  // Cohort plans: each member is checked by the person policy (src/app/cohort-dashboard.ts, assign-cohort-plan.ts).
  'GET /api/org/cohorts': 'individuals',
  'POST /api/org/cohorts': 'individuals',
  'GET /api/org/cohorts/{cohort}': 'individuals',
  'GET /api/org/cohorts/{cohort}/export': 'individuals',
};

/** The rule of an operation (`GET /api/profiles/{id}`), or undefined when it has none. */
export const ruleFor = (method: string, pathTemplate: string): RouteRule | undefined =>
  ROUTE_POLICY[`${method.toUpperCase() === 'HEAD' ? 'GET' : method.toUpperCase()} ${pathTemplate}`];
