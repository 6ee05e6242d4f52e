import { readConfig } from '../app/config.js';
import { openApp, type UpskillApp } from '../app/upskill-app.js';

/** Opens the app for one command and always closes it (releasing the embedded store's lock). */
export async function withApp<T>(work: (app: UpskillApp) => Promise<T>): Promise<T> {
  const app = await openApp(readConfig());
  try {
    return await work(app);
  } finally {
    await app.close();
  }
}

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}
