import { useId, useState, type FormEvent } from 'react';
import { usePostingImports, useUploadPostings, type PostingImportResult } from '../api/postings';
import { useSession } from '../api/session';
import { formatDate } from '../format';
import { SideScroll } from './side-scroll';
import { ErrorNotice } from './status-views';

// The route's limits (src/api/routes/postings.ts); past them the CLI streams and resumes.
const LIMITS = 'Up to 20 MB per file (a .gz may inflate to 200 MB), two minutes to import';
const count = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

function UploadResult({ result }: { result: PostingImportResult }) {
  const run = result.import;
  return (
    <div className={run.badRows > 0 ? 'notice notice-warn' : 'notice'} role="status">
      <p className="notice-title">
        {run.file}: {count(run.rowsRead, 'row')} read, {count(run.rowsKept, 'new posting')} stored,{' '}
        {count(run.duplicates, 'duplicate')}, {count(run.badRows, 'bad row')}
      </p>
      {result.errors.length > 0 && (
        <ul className="small">
          {result.errors.slice(0, 10).map((e) => (
            <li key={`${e.line}/${e.field ?? ''}`}>
              line {e.line}
              {e.field ? `, field “${e.field}”` : ''}: {e.message}
            </li>
          ))}
        </ul>
      )}
      {run.badRows > 10 && (
        <p className="small">
          The first 10 are shown; all {run.badRows}: <code>upskill postings errors {run.id}</code>.
        </p>
      )}
      <p className="small muted">{result.note}</p>
    </div>
  );
}

function RecentImports() {
  const runs = usePostingImports();
  if (!runs.data || runs.data.length === 0) return null;
  return (
    <SideScroll label="Recent postings imports">
      <table>
        <caption>The latest imports</caption>
        <thead>
          <tr>
            <th scope="col">File</th>
            <th scope="col">Dataset</th>
            <th scope="col">Started</th>
            <th scope="col">Read</th>
            <th scope="col">Stored</th>
            <th scope="col">Duplicates</th>
            <th scope="col">Bad rows</th>
          </tr>
        </thead>
        <tbody>
          {runs.data.slice(0, 5).map((run) => (
            <tr key={run.id}>
              <th scope="row">
                {run.file}
                {run.status !== 'done' && <span className="muted small"> ({run.status})</span>}
              </th>
              <td>{run.dataset}</td>
              <td>{formatDate(run.startedAt.slice(0, 10))}</td>
              <td>{run.rowsRead.toLocaleString('en-US')}</td>
              <td>{run.rowsKept.toLocaleString('en-US')}</td>
              <td>{run.duplicates.toLocaleString('en-US')}</td>
              <td>{run.badRows.toLocaleString('en-US')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </SideScroll>
  );
}

/**
 * Postings through the browser: one file at a time, imported on the server with the CLI's engine
 * (bad rows reported, duplicates kept once). Administrators only in team mode, as the route says.
 */
export function PostingsUpload() {
  const id = useId();
  const [file, setFile] = useState<File>();
  const [dataset, setDataset] = useState('');
  const upload = useUploadPostings();
  const role = useSession().data?.account?.role;
  if (role && role !== 'administrator')
    return <p className="muted small">Administrators load postings; the figures here count what they loaded.</p>;
  const send = (event: FormEvent) => {
    event.preventDefault();
    if (file) upload.mutate({ file, dataset });
  };
  return (
    <section className="card section" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Load job postings</h2>
      <form className="form" onSubmit={send}>
        <div className="field">
          <label htmlFor={`${id}-file`}>Postings file</label>
          <input
            id={`${id}-file`}
            type="file"
            accept=".csv,.tsv,.jsonl,.ndjson,.json,.gz,.txt"
            onChange={(e) => {
              setFile(e.target.files?.[0]);
              upload.reset();
            }}
          />
          <p className="field-hint">
            CSV, TSV, JSON Lines or a JSON array, or a .gz of one; the columns are found from the header (LinkedIn and
            Kaggle exports, Indeed- or Glassdoor-style scrapes, Hacker News roles, or id, date, title, description).{' '}
            {LIMITS}; for larger files or other columns use <code>upskill postings import FILE --map column=field</code>
            .
          </p>
        </div>
        <div className="field">
          <label htmlFor={`${id}-dataset`}>Dataset name (optional)</label>
          <input
            id={`${id}-dataset`}
            type="text"
            maxLength={100}
            placeholder="the file’s name"
            value={dataset}
            onChange={(e) => setDataset(e.target.value)}
          />
          <p className="field-hint">Figures can be told apart by dataset, e.g. “careers-site-2024”.</p>
        </div>
        <div className="form-actions">
          <button type="submit" className="button" disabled={!file || upload.isPending}>
            {upload.isPending ? 'Importing…' : 'Import postings'}
          </button>
        </div>
      </form>
      {upload.isError && <ErrorNotice error={upload.error} />}
      {upload.data && <UploadResult result={upload.data} />}
      <RecentImports />
    </section>
  );
}
