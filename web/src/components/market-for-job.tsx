import { Link } from 'wouter';
import { useMarketOccupation } from '../api/market';
import { InsightsSection } from './insights-section';
import { ErrorNotice, Loading } from './status-views';

const pct = (value: number) => `${(value * 100).toFixed(value < 0.1 ? 1 : 0)} %`;

/** On the job page: what loaded postings for this occupation ask for, and the news ranked for it (and the worker's target role). */
export function MarketForJob({ code, title, targetRole }: { code: string; title: string; targetRole?: string }) {
  const market = useMarketOccupation(code);
  return (
    <div className="two-col section">
      <section className="card" aria-labelledby="postings-heading">
        <h2 id="postings-heading">What postings for this job ask for</h2>
        {market.isPending ? (
          <Loading what="postings" />
        ) : market.isError ? (
          <ErrorNotice error={market.error} retry={() => void market.refetch()} />
        ) : market.data.sample.postings === 0 ? (
          <p className="muted">
            No loaded job postings were resolved to {title}. Postings are imported with{' '}
            <code>upskill postings import</code>.
          </p>
        ) : (
          <>
            <ul className="result-list">
              {[...market.data.skills, ...market.data.tools]
                .sort((a, b) => b.count - a.count)
                .slice(0, 8)
                .map((item) => (
                  <li key={item.key}>
                    <Link href={`/market/skill?id=${encodeURIComponent(item.key)}&occupation=${code}`}>
                      {item.label}
                    </Link>
                    <span className="small muted">
                      {pct(item.share)} of postings ({item.count} of {item.total})
                    </span>
                  </li>
                ))}
            </ul>
            {market.data.notInProfile.length > 0 && (
              <p className="small">
                Asked for but not in O*NET’s profile of this job:{' '}
                {market.data.notInProfile
                  .slice(0, 5)
                  .map((s) => `${s.label} (${pct(s.share)})`)
                  .join(', ')}
                .
              </p>
            )}
            <p className="muted small">{market.data.sample.note}</p>
            <Link href={`/market?occupation=${code}`}>This job on the Market page</Link>
          </>
        )}
      </section>
      <InsightsSection reader={{ occupation: code, ...(targetRole ? { role: targetRole } : {}) }} className="card" />
    </div>
  );
}
