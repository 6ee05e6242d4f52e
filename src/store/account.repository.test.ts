import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DATABASES } from '../../test/support/databases.js';
import {
  appendAudit,
  clearSignInFailures,
  countSignInFailures,
  deleteAccount,
  deleteSessionsOf,
  findAccountForSignIn,
  findLiveSession,
  findUsableLink,
  insertAccessToken,
  insertAccount,
  insertOneTimeLink,
  insertSession,
  listAccessTokens,
  listAudit,
  pruneAudit,
  readSetting,
  recordSignInFailure,
  useAccessToken,
  useLink,
  writeSetting,
} from './account.repository.js';
import { insertProfile, listProfilesWithOwners } from './profile.repository.js';

for (const backend of DATABASES) {
  describe(`account store on ${backend.name}`, { skip: backend.skip }, () => {
    test('accounts, sessions, tokens, links, sign-in failures and the audit log; deleting an account takes its data', async () => {
      const db = await backend.open();
      try {
        assert.equal(await readSetting(db, 'mode'), undefined);
        await writeSetting(db, 'mode', 'team');
        assert.equal(await readSetting(db, 'mode'), 'team');

        const boss = await insertAccount(db, {
          id: 'b0b0b0b0b0b0',
          email: 'boss@example.org',
          name: "O'Boss; drop table accounts;--",
          role: 'manager',
          managerId: null,
          passwordHash: '$argon2id$x',
        });
        const worker = await insertAccount(db, {
          id: 'a1a1a1a1a1a1',
          email: 'worker@example.org',
          name: 'Worker',
          role: 'employee',
          managerId: boss.id,
          passwordHash: null,
        });
        assert.equal(boss.name, "O'Boss; drop table accounts;--");
        await assert.rejects(insertAccount(db, { ...worker, id: 'c2c2c2c2c2c2', passwordHash: null }), 'unique e-mail');
        assert.equal((await findAccountForSignIn(db, 'boss@example.org'))?.passwordHash, '$argon2id$x');

        await insertProfile(db, {
          id: 'ffffffffffff',
          name: 'Plan',
          occupationCode: '13-1161.00',
          target: 'ai-augmented',
          skills: [],
          hoursPerWeek: 5,
          startDate: '2026-12-07',
          preferences: { freeOnly: false },
          resumeText: null,
          ownerId: worker.id,
        });
        const [owned] = await listProfilesWithOwners(db);
        assert.deepEqual([owned!.ownerId, owned!.ownerManagerId], [worker.id, boss.id]);

        await insertSession(db, {
          idHash: 'h1',
          accountId: worker.id,
          csrfToken: 'csrf',
          address: '127.0.0.1',
          createdAt: '2026-12-01T10:00:00.000Z',
          expiresAt: '2026-12-01T22:00:00.000Z',
        });
        assert.equal(
          (await findLiveSession(db, 'h1', '2026-12-01T21:59:00.000Z'))?.account.email,
          'worker@example.org',
        );
        assert.equal(await findLiveSession(db, 'h1', '2026-12-01T22:00:00.000Z'), undefined, 'expired');

        await insertAccessToken(db, {
          id: 't1t1t1t1t1t1',
          accountId: worker.id,
          name: 'cli',
          scope: 'read',
          createdAt: '2026-12-01T10:00:00.000Z',
          tokenHash: 'th',
        });
        const used = await useAccessToken(db, 'th', '2026-12-02T10:00:00.000Z');
        assert.deepEqual([used?.account.id, used?.account.managerId, used?.token.scope], [worker.id, boss.id, 'read']);
        assert.equal((await listAccessTokens(db, worker.id))[0]?.lastUsedAt, '2026-12-02T10:00:00.000Z');
        assert.equal(await useAccessToken(db, 'nope', '2026-12-02T10:00:00.000Z'), undefined);

        const link = {
          purpose: 'invitation' as const,
          accountId: null,
          email: 'new@example.org',
          name: 'New',
          role: 'analyst' as const,
          managerId: null,
          createdBy: boss.id,
          createdAt: '2026-12-01T10:00:00.000Z',
          expiresAt: '2026-12-08T10:00:00.000Z',
        };
        await insertOneTimeLink(db, 'lh', link);
        assert.equal(await findUsableLink(db, 'lh', '2026-12-09T00:00:00.000Z'), undefined, 'expired');
        const [first, second] = await Promise.all([
          useLink(db, 'lh', '2026-12-02T00:00:00.000Z'),
          useLink(db, 'lh', '2026-12-02T00:00:00.000Z'),
        ]);
        assert.deepEqual([first?.email, second], ['new@example.org', undefined], 'only one use wins');

        for (const at of ['2026-12-01T10:00:00.000Z', '2026-12-01T10:05:00.000Z'])
          await recordSignInFailure(db, 'worker@example.org', '10.0.0.1', at);
        await recordSignInFailure(db, 'other@example.org', '10.0.0.1', '2026-12-01T10:06:00.000Z');
        assert.deepEqual(await countSignInFailures(db, 'worker@example.org', '10.0.0.1', '2026-12-01T09:55:00.000Z'), {
          forEmail: 2,
          lastForEmail: '2026-12-01T10:05:00.000Z',
          fromAddress: 3,
          lastFromAddress: '2026-12-01T10:06:00.000Z',
        });
        await clearSignInFailures(db, 'worker@example.org');
        assert.equal(
          (await countSignInFailures(db, 'worker@example.org', '10.0.0.2', '2026-12-01T00:00:00.000Z')).forEmail,
          0,
        );

        for (const [at, action] of [
          ['2025-01-01T00:00:00.000Z', 'profile.read'],
          ['2026-12-01T11:00:00.000Z', 'profile.changed'],
        ] as const)
          await appendAudit(db, {
            at,
            actorId: boss.id,
            actorEmail: boss.email,
            action,
            subjectProfileId: 'ffffffffffff',
            subjectAccountId: worker.id,
            address: '10.0.0.1',
            detail: 'GET /api/profiles/ffffffffffff',
          });
        assert.deepEqual(
          (await listAudit(db, { limit: 10, accountId: worker.id })).map((entry) => entry.action),
          ['profile.changed', 'profile.read'],
        );
        assert.equal(await pruneAudit(db, '2026-01-01T00:00:00.000Z'), 1);

        assert.equal(await deleteSessionsOf(db, worker.id), 1);
        assert.equal(await deleteAccount(db, worker.id), true);
        assert.deepEqual(await listProfilesWithOwners(db), [], 'the profile went with its account');
        assert.deepEqual(await listAccessTokens(db, worker.id), []);
        assert.equal((await listAudit(db, { limit: 10 })).length, 1, 'the audit log keeps what happened');
      } finally {
        await db.close();
      }
    });
  });
}
