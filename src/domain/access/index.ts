export { ROLES, ROLE_SCOPE, isRole, type Role } from './roles.js';
export type { Principal, TokenScope } from './principal.js';
export { ROUTE_POLICY, ruleFor, type RouteRule } from './route-policy.js';
export { decideRoute, mayAccessPerson, type AccessDecision, type PersonRelation } from './decide-access.js';
export { mayViewPerson, type RosterRelation } from './person-visibility.js';
