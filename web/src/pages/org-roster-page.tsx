import { useState, type FormEvent } from 'react';
import { Link } from 'wouter';
import { useDemoCompany, useImportRoster, usePreviewRoster, type RowProblem } from '../api/org';
import { ErrorNotice } from '../components/status-views';
import { ApiError } from '../api/client';
import { useSession } from '../api/session';
import { OrgPage, SideScroll } from './org-shared';

function Problems({ problems, total }: { problems: RowProblem[]; total?: number }) {
  if (problems.length === 0) return null;
  return (
    <div className="notice notice-warn">
      <p className="notice-title">
        {total ?? problems.length} row{(total ?? problems.length) === 1 ? '' : 's'} not read
      </p>
      <ul className="small">
        {problems.slice(0, 20).map((p) => (
          <li key={`${p.line}/${p.column}/${p.message}`}>
            {p.file}, line {p.line}
            {p.column ? `, column “${p.column}”` : ''}: {p.message}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Roster import: choose a CSV or XLSX file, see how its columns map to fields, adjust, then import. */
export default function OrgRosterPage() {
  const [file, setFile] = useState<File>();
  const [map, setMap] = useState('');
  const [resumes, setResumes] = useState<File[]>([]);
  const preview = usePreviewRoster();
  const importing = useImportRoster();
  const demo = useDemoCompany();
  const role = useSession().data?.account?.role;
  const check = (event: FormEvent) => {
    event.preventDefault();
    if (file) preview.mutate({ file, map });
  };
  return (
    <OrgPage
      title="Roster"
      lead="Bring your people in from a spreadsheet: titles are matched to occupations, skills read in any layout."
    >
      {role && role !== 'administrator' ? (
        <p className="notice" role="note">
          Only administrators import the roster or load the demo company; the other organisation pages show what it
          holds for your reports.
        </p>
      ) : (
        <>
          <section className="card section" aria-labelledby="upload-heading">
            <h2 id="upload-heading">Import a roster</h2>
            <form className="form" onSubmit={check}>
              <div className="field">
                <label htmlFor="roster-file">Roster file (CSV or XLSX)</label>
                <input
                  id="roster-file"
                  type="file"
                  accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                  onChange={(e) => {
                    setFile(e.target.files?.[0]);
                    preview.reset();
                    importing.reset();
                  }}
                />
                <p className="field-hint">
                  Columns are found by name (“Employee ID”, “Job Title”, “Dept”, “Manager”, “Hours for learning”…);
                  skills as “Python:3; SQL:2” in one column or one column per skill.
                </p>
              </div>
              <div className="field">
                <label htmlFor="roster-map">Column mappings (optional)</label>
                <textarea
                  id="roster-map"
                  rows={2}
                  placeholder="Staff no=personKey"
                  value={map}
                  onChange={(e) => setMap(e.target.value)}
                />
                <p className="field-hint">One “column=field” per line, for columns the names do not give away.</p>
              </div>
              <div className="field">
                <label htmlFor="roster-resumes">Résumés (optional)</label>
                <input
                  id="roster-resumes"
                  type="file"
                  multiple
                  accept=".pdf,.docx,.html,.htm,.md,.txt"
                  onChange={(e) => {
                    setResumes([...(e.target.files ?? [])]);
                    importing.reset();
                  }}
                />
                <p className="field-hint">
                  Matched to people by the person id or name in the file name (“E12.pdf”, “ana-lima.docx”); skills found
                  in them fill in levels the roster does not give. Up to 500 files, 10 MB each, with the roster.
                </p>
              </div>
              <div className="form-actions">
                <button type="submit" className="button" disabled={!file || preview.isPending}>
                  {preview.isPending ? 'Reading…' : 'Preview the mapping'}
                </button>
              </div>
            </form>
            {preview.isError && <ErrorNotice error={preview.error} />}
            {preview.data && (
              <div className="roster-preview">
                <h3>
                  How {preview.data.file} maps ({preview.data.rows} rows read for the preview)
                </h3>
                <SideScroll label="Column mapping">
                  <table>
                    <thead>
                      <tr>
                        <th scope="col">Column</th>
                        <th scope="col">Field</th>
                        <th scope="col">How</th>
                        <th scope="col">First values</th>
                      </tr>
                    </thead>
                    <tbody>
                      {preview.data.columns.map((c) => (
                        <tr key={c.header} className={c.field ? undefined : 'muted'}>
                          <th scope="row">{c.header}</th>
                          <td>{c.field ?? 'ignored'}</td>
                          <td>{c.how}</td>
                          <td className="small">{c.sample.join(' · ')}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </SideScroll>
                {preview.data.missing.length > 0 && (
                  <p className="notice notice-error" role="alert">
                    No column gives {preview.data.missing.join(' or ')}: map one above, then preview again.
                  </p>
                )}
                <Problems problems={preview.data.problems} />
                <button
                  type="button"
                  className="button"
                  disabled={preview.data.missing.length > 0 || importing.isPending || !file}
                  onClick={() => file && importing.mutate({ file, map, resumes })}
                >
                  {importing.isPending ? 'Importing…' : 'Import'}
                </button>
              </div>
            )}
            {importing.isError && <ErrorNotice error={importing.error} />}
            {importing.data && (
              <div className="notice" role="status">
                <p className="notice-title">
                  {importing.data.added} added, {importing.data.updated} updated from {importing.data.rows} rows in{' '}
                  {importing.data.seconds.toFixed(1)} s
                </p>
                <p>
                  Titles: {importing.data.titles.resolved} matched, {importing.data.titles.lowConfidence} to confirm,{' '}
                  {importing.data.titles.unresolved} not matched. <Link href="/org/readiness">See readiness</Link>.
                </p>
                {resumes.length > 0 && (
                  <p>
                    Résumés: {importing.data.resumes.matched} matched
                    {importing.data.resumes.unmatched.length > 0 &&
                      `; matched to nobody: ${importing.data.resumes.unmatched.join(', ')}`}
                    .
                  </p>
                )}
                {importing.data.resumes.failed.length > 0 && (
                  <div className="notice notice-warn">
                    <p className="notice-title">Résumés not read</p>
                    <ul className="small">
                      {importing.data.resumes.failed.map((f) => (
                        <li key={f.file}>
                          {f.file}: {f.message}
                        </li>
                      ))}
                    </ul>
                  </div>
                )}
                <Problems problems={importing.data.rejected} total={importing.data.rejectedCount} />
              </div>
            )}
          </section>
          <section className="card section" aria-labelledby="demo-heading">
            <h2 id="demo-heading">Or try the demo company</h2>
            <p>
              A fictional company of a few hundred people (sales, marketing, finance, operations, customer service, HR,
              engineering, legal): real O*NET job titles, department sizes from BLS employment, made-up names. It
              replaces the roster.
            </p>
            <button
              type="button"
              className="button secondary"
              disabled={demo.isPending}
              onClick={() => demo.mutate(false)}
            >
              {demo.isPending ? 'Making it…' : 'Load the demo company'}
            </button>
            {demo.isError && <ErrorNotice error={demo.error} />}
            {demo.error instanceof ApiError && demo.error.code === 'CONFLICT' && (
              <button type="button" className="button ghost" onClick={() => demo.mutate(true)}>
                Replace the roster with the demo company
              </button>
            )}
            {demo.data && (
              <p className="notice" role="status">
                {demo.data.people} fictional people loaded. {demo.data.note}{' '}
                <Link href="/org/readiness">See readiness</Link>.
              </p>
            )}
          </section>
        </>
      )}
    </OrgPage>
  );
}
