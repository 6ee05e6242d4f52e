import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DATABASES } from '../../test/support/databases.js';
import {
  deleteProfile,
  findProfile,
  insertProfile,
  listProfiles,
  listProgress,
  updateProfileSettings,
  updateProfileSkills,
  upsertProgress,
} from './profile.repository.js';

for (const backend of DATABASES) {
  describe(`profile store on ${backend.name}`, { skip: backend.skip }, () => {
    test('profiles round-trip with their skills and preferences; progress upserts and goes with the profile', async () => {
      const db = await backend.open();
      try {
        const profile = await insertProfile(db, {
          id: 'a1b2c3d4e5f6',
          name: "Jane O'Hara; drop table profiles;--",
          occupationCode: '13-1161.00',
          target: 'ai-content-creator',
          skills: [{ skillId: 'chatgpt', level: 2 }],
          hoursPerWeek: 5,
          startDate: '2026-12-07',
          preferences: { freeOnly: true, formats: ['course'] },
          resumeText: 'Skills: ChatGPT',
          ownerId: null,
        });
        assert.equal(profile.name, "Jane O'Hara; drop table profiles;--");
        assert.deepEqual(await findProfile(db, profile.id), profile);
        await updateProfileSkills(db, profile.id, [{ skillId: 'chatgpt', level: 3 }]);
        assert.deepEqual((await findProfile(db, profile.id))?.skills, [{ skillId: 'chatgpt', level: 3 }]);
        assert.deepEqual(
          (await listProfiles(db)).map((p) => p.id),
          [profile.id],
        );
        await updateProfileSettings(db, profile.id, {
          name: 'Jane, 2027',
          target: 'ai-augmented',
          hoursPerWeek: 8,
          preferences: { freeOnly: false },
        });
        const changed = await findProfile(db, profile.id);
        assert.deepEqual(
          [changed?.name, changed?.target, changed?.hoursPerWeek, changed?.preferences, changed?.skills],
          ['Jane, 2027', 'ai-augmented', 8, { freeOnly: false }, [{ skillId: 'chatgpt', level: 3 }]],
        );

        await upsertProgress(db, profile.id, { stepId: 'chatgpt@3', status: 'took-longer', hours: 12 });
        await upsertProgress(db, profile.id, { stepId: 'chatgpt@3', status: 'done' });
        assert.deepEqual(
          (await listProgress(db, profile.id)).map(({ stepId, status, hours }) => ({ stepId, status, hours })),
          [{ stepId: 'chatgpt@3', status: 'done', hours: undefined }],
        );

        assert.equal(await deleteProfile(db, profile.id), true);
        assert.deepEqual(await listProgress(db, profile.id), []);
        assert.equal(await deleteProfile(db, profile.id), false);
      } finally {
        await db.close();
      }
    });
  });
}
