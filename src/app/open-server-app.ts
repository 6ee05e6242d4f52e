import { openDatabase } from '../store/database.js';
import { storeLocation, type AppConfig } from './config.js';
import { openApp, type UpskillApp } from './upskill-app.js';

/** The app as `upskill serve` runs it: an embedded store is shared with this user's other upskill commands. */
export async function openServerApp(config: AppConfig): Promise<UpskillApp> {
  const location = storeLocation(config);
  return openApp(config, await openDatabase(location.kind === 'embedded' ? { ...location, share: true } : location));
}
