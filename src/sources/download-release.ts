import { createWriteStream, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { UpskillError } from '../domain/errors.js';
import { fileSha256 } from './file-checksum.js';
import { extractZip } from './zip-archive.js';
import { REQUIRED_ONET_FILES } from './onet-release.js';
import type { DownloadManifest } from './public-releases.js';
import { findSourcesIn } from './locate-sources.js';

export type DownloadProgress = (event: { file: string; receivedBytes: number; totalBytes: number | null }) => void;

/** Fetches one URL to a file: written to a temporary name, checked, then renamed, so a cut download never looks complete. */
export async function downloadFile(
  url: string,
  target: string,
  expectedSha256: string | undefined,
  onProgress: DownloadProgress,
): Promise<string> {
  if (existsSync(target)) return target;
  mkdirSync(join(target, '..'), { recursive: true });
  const partial = `${target}.partial`;
  let response: Response;
  try {
    response = await fetch(url, { redirect: 'follow' });
  } catch (error) {
    throw new UpskillError('DOWNLOAD_FAILED', `Could not reach ${url}: ${(error as Error).message}`, {
      hint: 'Check the network, or download the release yourself and run `upskill data load --from DIR`.',
      cause: error,
    });
  }
  if (!response.ok || !response.body) {
    throw new UpskillError('DOWNLOAD_FAILED', `Downloading ${url} failed: HTTP ${response.status}`, {
      hint: 'The address may have moved; download the release yourself and run `upskill data load --from DIR`.',
    });
  }
  const totalBytes = Number(response.headers.get('content-length')) || null;
  let receivedBytes = 0;
  const body = Readable.fromWeb(response.body as import('node:stream/web').ReadableStream<Uint8Array>);
  body.on('data', (chunk: Buffer) => {
    receivedBytes += chunk.length;
    onProgress({ file: url, receivedBytes, totalBytes });
  });
  try {
    await pipeline(body, createWriteStream(partial));
  } catch (error) {
    rmSync(partial, { force: true });
    throw new UpskillError('DOWNLOAD_FAILED', `Download of ${url} broke off: ${(error as Error).message}`, {
      hint: 'Run the command again.',
      cause: error,
    });
  }
  const actual = await fileSha256(partial);
  if (expectedSha256 && actual !== expectedSha256) {
    rmSync(partial, { force: true });
    throw new UpskillError('DOWNLOAD_FAILED', `${url}: checksum mismatch (expected ${expectedSha256}, got ${actual})`, {
      hint: 'The file is not the release Upskill was built for; nothing was loaded.',
    });
  }
  renameSync(partial, target);
  return target;
}

/** Downloads whatever of O*NET and GPTs-are-GPTs the cache lacks; returns the cache folder. */
export async function downloadPublicReleases(
  manifest: DownloadManifest,
  cacheDir: string,
  need: { onet: boolean; gpts: boolean },
  onProgress: DownloadProgress,
): Promise<string> {
  if (need.onet) {
    const zip = await downloadFile(
      manifest.onet.url,
      join(cacheDir, 'downloads', 'onet.zip'),
      manifest.onet.sha256,
      onProgress,
    );
    const dir = extractZip(zip, join(cacheDir, 'onet'));
    const found = findSourcesIn(dir);
    if (!found.onet) {
      rmSync(dir, { recursive: true, force: true });
      rmSync(zip, { force: true });
      throw new UpskillError(
        'DOWNLOAD_FAILED',
        `${manifest.onet.url}: the archive lacks ${REQUIRED_ONET_FILES.join(', ')}`,
        {
          hint: 'It is not an O*NET text release; download one yourself and run `upskill data load --from DIR`.',
        },
      );
    }
  }
  if (need.gpts) {
    for (const file of manifest.gpts.files) {
      try {
        await downloadFile(
          new URL(file.name, manifest.gpts.baseUrl).href,
          join(cacheDir, 'gpts-are-gpts', file.name),
          file.sha256,
          onProgress,
        );
      } catch (error) {
        if (!file.optional) throw error;
      }
    }
  }
  return cacheDir;
}
