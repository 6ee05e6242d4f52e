import pc from 'picocolors';
import type { LoadProgress } from '../app/load-reference-data.js';

const megabytes = (bytes: number): string => `${(bytes / 1048576).toFixed(1)} MB`;

/** Prints load progress on stderr: one updating line on a terminal, plain lines in a log. */
export function loadProgressPrinter(stream: NodeJS.WriteStream = process.stderr): (event: LoadProgress) => void {
  const live = stream.isTTY === true;
  let lastDownloadPrint = 0;
  return (event) => {
    switch (event.phase) {
      case 'locate':
        stream.write(`${pc.cyan('›')} ${event.message}\n`);
        break;
      case 'download': {
        const now = Date.now();
        const done = event.totalBytes !== null && event.receivedBytes >= event.totalBytes;
        if (!done && now - lastDownloadPrint < (live ? 100 : 2000)) return;
        lastDownloadPrint = now;
        const of = event.totalBytes ? ` of ${megabytes(event.totalBytes)}` : '';
        const line = `  downloading ${event.file}: ${megabytes(event.receivedBytes)}${of}`;
        stream.write(live ? `\r${line}\x1b[K${done ? '\n' : ''}` : `${line}\n`);
        break;
      }
      case 'read':
        stream.write(`${pc.cyan('›')} reading ${event.file}\n`);
        break;
      case 'store':
        stream.write(`  stored ${event.rows.toLocaleString('en-US').padStart(9)} rows in ${event.table}\n`);
        break;
    }
  };
}
