import { useId } from 'react';
import { useInsights } from '../api/market';
import { ErrorNotice, Loading } from './status-views';

/**
 * "News and insights" ranked for a reader (an occupation, a role, skills): the market page and the
 * job page show the same list, with the ranking's formula under it.
 */
export function InsightsSection({
  reader,
  limit = 3,
  className = 'card section',
}: {
  reader: Parameters<typeof useInsights>[0];
  limit?: number;
  className?: string;
}) {
  const id = useId();
  const insights = useInsights(reader, limit);
  return (
    <section className={className} aria-labelledby={id}>
      <h2 id={id}>News and insights</h2>
      {insights.isPending ? (
        <Loading what="insights" />
      ) : insights.isError ? (
        <ErrorNotice error={insights.error} retry={() => void insights.refetch()} />
      ) : insights.data.insights.length === 0 ? (
        <p className="muted">
          No insight records are loaded (<code>upskill insights import FOLDER</code>).
        </p>
      ) : (
        <>
          <InsightList items={insights.data.insights} />
          <p className="muted small">Ranked by {insights.data.formula}.</p>
        </>
      )}
    </section>
  );
}

/** Ranked insights: title (linked to the source), provider, date, and the excerpt. */
function InsightList({
  items,
}: {
  items: {
    record: {
      id: string;
      title: string;
      url: string | null;
      excerpt: string;
      publishedAt: string;
      provider: { name: string } | null;
    };
  }[];
}) {
  return (
    <ul className="insight-list">
      {items.map(({ record }) => (
        <li key={record.id}>
          <p className="insight-title">
            {record.url ? (
              <a href={record.url} target="_blank" rel="noopener noreferrer">
                {record.title}
              </a>
            ) : (
              record.title
            )}
          </p>
          <p className="small muted">
            {record.provider?.name ?? 'Unattributed note'} · {record.publishedAt.slice(0, 10)}
          </p>
          <p className="small">{record.excerpt.length > 220 ? `${record.excerpt.slice(0, 217)}…` : record.excerpt}</p>
        </li>
      ))}
    </ul>
  );
}
