import { readConfig } from '../../src/app/config.js';
import { loadReferenceData } from '../../src/app/load-reference-data.js';
import { openApp, type UpskillApp } from '../../src/app/upskill-app.js';
import { openDatabase } from '../../src/store/database.js';
import { SHARED_DATA } from './databases.js';

/** An app on a fresh in-memory store with the public data of ../shared/data loaded (a few seconds). */
export async function openLoadedApp(): Promise<UpskillApp> {
  const db = await openDatabase({ kind: 'embedded-memory' });
  const app = await openApp({ ...readConfig({}), home: '/nonexistent' }, db);
  await loadReferenceData(db, app.config, { from: SHARED_DATA, onlyIn: [] });
  return app;
}
