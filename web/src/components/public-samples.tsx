import { useLoadSamples, type SampleImports } from '../api/postings';
import { useSession } from '../api/session';
import { ErrorNotice } from './status-views';

type SamplesLoad = ReturnType<typeof useLoadSamples>;

/**
 * One click to fill the Market page from the public samples beside Upskill (the same imports as
 * `upskill postings samples`). Administrators only in team mode, as the route says. The load is the
 * page's, so its report outlives this empty-state button.
 */
export function PublicSamples({ load }: { load: SamplesLoad }) {
  const role = useSession().data?.account?.role;
  if (role && role !== 'administrator') return null;
  return (
    <div className="public-samples">
      <p>
        Or load the public samples beside Upskill: Hacker News “Who is hiring?” job posts (tech and start-up jobs,
        2022-12 … 2025-10), LinkedIn postings with full text (Dec 2023 – Apr 2024), the hn-hiringtrends term series and
        the news records Upskill was conceived from.
      </p>
      <button type="button" className="button" disabled={load.isPending} onClick={() => load.mutate()}>
        {load.isPending ? 'Loading the samples (about half a minute)…' : 'Load the public samples'}
      </button>
      {load.isError && <ErrorNotice error={load.error} />}
    </div>
  );
}

/** What the samples stored, each with what it is. */
export function SamplesLoaded({ report }: { report: SampleImports }) {
  return (
    <div className="notice" role="status">
      <p className="notice-title">The public samples are loaded</p>
      <ul className="small">
        {report.imported.map((sample) => (
          <li key={sample.name}>
            {sample.name}: {sample.stored.toLocaleString('en-US')} stored
            {sample.kind === 'postings' ? `, ${sample.duplicates.toLocaleString('en-US')} duplicates` : ''} —{' '}
            {sample.what}
          </li>
        ))}
      </ul>
    </div>
  );
}
