import type { Principal } from '../domain/access/index.js';
import { appendAudit, findAccount, listAudit, pruneAudit, type AuditEntry } from '../store/account.repository.js';
import type { Queryable } from '../store/database.js';
import type { UpskillApp } from './upskill-app.js';

/** Who did something, as the audit log names them. */
export interface Actor {
  principal: Principal;
  /** The network address the request came from. */
  address: string | null;
}

/** How long audit entries are kept (days); older ones are dropped when a team server starts. */
export const AUDIT_RETENTION_DAYS = 365;

/** Records one audited event: a person's data seen or changed, a sign-in, an export, a role change. */
export async function recordAudit(
  db: Queryable,
  actor: Actor,
  event: { action: string; detail: string; profileId?: string | null; accountId?: string | null },
  now: Date = new Date(),
): Promise<void> {
  const accountId = actor.principal.kind === 'account' ? actor.principal.accountId : null;
  const account = accountId ? await findAccount(db, accountId) : undefined;
  await appendAudit(db, {
    at: now.toISOString(),
    actorId: accountId,
    actorEmail: account?.email ?? null,
    action: event.action,
    subjectProfileId: event.profileId ?? null,
    subjectAccountId: event.accountId ?? null,
    address: actor.address,
    detail: event.detail,
  });
}

export const auditLog = (app: UpskillApp, limit = 1000): Promise<AuditEntry[]> => listAudit(app.database, { limit });

export async function pruneOldAudit(app: UpskillApp, now: Date = new Date()): Promise<number> {
  return pruneAudit(app.database, new Date(now.getTime() - AUDIT_RETENTION_DAYS * 86_400_000).toISOString());
}

const CSV_COLUMNS: readonly (keyof AuditEntry)[] = [
  'at',
  'actorEmail',
  'actorId',
  'action',
  'subjectProfileId',
  'subjectAccountId',
  'address',
  'detail',
];

/**
 * One CSV cell (RFC 4180 quoting). A cell a spreadsheet would run as a formula (=, +, -, @, tab,
 * carriage return first) gets a leading apostrophe, so a crafted name cannot run in the reader's Excel.
 */
function csvCell(value: string | null): string {
  if (value === null) return '';
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The audit log as CSV, newest first, with a header line. */
export function auditToCsv(entries: readonly AuditEntry[]): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const entry of entries) lines.push(CSV_COLUMNS.map((column) => csvCell(entry[column])).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
