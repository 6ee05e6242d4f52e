import { UpskillError } from '../domain/errors.js';
import { findAccount, listAccessTokens, listAudit } from '../store/account.repository.js';
import { listOwnedProfiles, listProgress } from '../store/profile.repository.js';
import { recordAudit, type Actor } from './audit.js';
import type { UpskillApp } from './upskill-app.js';

/**
 * Everything the server holds about one person, as JSON: their account, every profile with its
 * résumé text and progress, their access tokens (never the secrets), and the audit entries by or
 * about them. The export itself is audited.
 */
export async function exportPersonalData(app: UpskillApp, actor: Actor & { accountId: string }, now = new Date()) {
  const db = app.database;
  const account = await findAccount(db, actor.accountId);
  if (!account) throw new UpskillError('NOT_FOUND', 'Your account no longer exists.');
  await recordAudit(db, actor, { action: 'data.exported', detail: 'exported their data', accountId: account.id }, now);
  const profiles = await listOwnedProfiles(db, account.id);
  return {
    exportedAt: now.toISOString(),
    account,
    profiles: await Promise.all(
      profiles.map(async (profile) => ({ ...profile, progress: await listProgress(db, profile.id) })),
    ),
    accessTokens: await listAccessTokens(db, account.id),
    auditLog: await listAudit(db, { limit: 10_000, accountId: account.id }),
  };
}
