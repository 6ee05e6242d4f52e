import type { Role } from './roles.js';

/** What a personal access token lets its holder do with the rights of the account that made it. */
export type TokenScope = 'read' | 'read-write';

/**
 * Who is asking. In personal mode there are no accounts: the one person at this machine may do
 * everything (the server only listens on loopback). In team mode a request is anonymous or comes from
 * an account, signed in with a session cookie or a personal access token.
 */
export type Principal =
  | { kind: 'personal' }
  | { kind: 'anonymous' }
  | { kind: 'account'; accountId: string; role: Role; via: 'session' | { token: TokenScope } };
