import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync, existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { zipSync } from 'fflate';
import { UpskillError } from '../domain/errors.js';
import { openDatabase } from '../store/database.js';
import { countReferenceRows, readLoadedSources } from '../store/reference-data.repository.js';
import { writeMiniRelease } from '../../test/support/mini-release.js';
import { readConfig } from './config.js';
import { loadReferenceData } from './load-reference-data.js';
import type { DownloadManifest } from '../sources/public-releases.js';

const work = mkdtempSync(join(tmpdir(), 'upskill-download-'));
const files = new Map<string, Buffer>();
const requests: string[] = [];
let server: Server;
let base: string;
const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

before(async () => {
  const { onetDir, gptsDir } = writeMiniRelease(join(work, 'release'));
  // The archive is laid out like O*NET's own: one folder named after the release.
  const entries: Record<string, Uint8Array> = {};
  for (const name of readdirSync(onetDir)) entries[`db_27_0_text/${name}`] = readFileSync(join(onetDir, name));
  files.set('/onet/db_27_0_text.zip', Buffer.from(zipSync(entries)));
  for (const name of readdirSync(gptsDir)) files.set(`/gpts/${name}`, readFileSync(join(gptsDir, name)));
  server = createServer((req, res) => {
    requests.push(req.url ?? '');
    const body = files.get(req.url ?? '');
    if (!body) return void res.writeHead(404).end('not here');
    res.writeHead(200, { 'content-length': body.length }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(() => {
  server.close();
  rmSync(work, { recursive: true, force: true });
});

function manifest(labelsChecksum?: string): DownloadManifest {
  return {
    onet: { url: `${base}/onet/db_27_0_text.zip` },
    gpts: {
      baseUrl: `${base}/gpts/`,
      files: [
        { name: 'full_labelset.tsv', sha256: labelsChecksum ?? sha256(files.get('/gpts/full_labelset.tsv')!) },
        { name: 'occ_level.csv', sha256: sha256(files.get('/gpts/occ_level.csv')!) },
        { name: 'national_May2021_dl.csv', optional: true },
      ],
    },
  };
}

describe('downloading the public releases when no local copy exists', () => {
  test('downloads, verifies, caches and loads; a second load uses the cache', async () => {
    const config = { ...readConfig({}), home: join(work, 'home-ok') };
    const db = await openDatabase({ kind: 'embedded-memory' });
    try {
      const events: string[] = [];
      const summary = await loadReferenceData(db, config, {
        onlyIn: [],
        manifest: manifest(),
        onProgress: (e) => events.push(e.phase),
      });
      assert.equal(summary.occupations, 2);
      assert.ok(events.includes('download'));
      assert.ok(existsSync(join(config.home, 'cache', 'downloads', 'onet.zip')));
      const onet = (await readLoadedSources(db)).find((s) => s.source === 'onet');
      assert.equal(onet?.location, join(config.home, 'cache', 'onet', 'db_27_0_text'));
      const before = requests.length;
      await loadReferenceData(db, config, { onlyIn: [], manifest: manifest() });
      assert.equal(requests.length, before, 'the cached copy is reused');
    } finally {
      await db.close();
    }
  });

  test('a checksum mismatch stops the load before anything is stored', async () => {
    const config = { ...readConfig({}), home: join(work, 'home-bad') };
    const db = await openDatabase({ kind: 'embedded-memory' });
    try {
      await assert.rejects(
        loadReferenceData(db, config, { onlyIn: [], manifest: manifest('0'.repeat(64)) }),
        (error: unknown) =>
          error instanceof UpskillError && error.code === 'DOWNLOAD_FAILED' && /checksum mismatch/.test(error.message),
      );
      assert.equal((await countReferenceRows(db))['occupations'], 0);
      assert.ok(
        !existsSync(join(config.home, 'cache', 'gpts-are-gpts', 'full_labelset.tsv')),
        'a bad file is not cached',
      );
    } finally {
      await db.close();
    }
  });

  test('an unreachable server gives a clear download error', async () => {
    const config = { ...readConfig({}), home: join(work, 'home-404') };
    const db = await openDatabase({ kind: 'embedded-memory' });
    try {
      const missing = { ...manifest(), onet: { url: `${base}/onet/missing.zip` } };
      await assert.rejects(loadReferenceData(db, config, { onlyIn: [], manifest: missing }), /HTTP 404/);
    } finally {
      await db.close();
    }
  });
});
