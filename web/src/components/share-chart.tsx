import { Area, CartesianGrid, ComposedChart, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { MarketPoint } from '../api/market';

const pct = (value: number) => `${(value * 100).toFixed(value < 0.1 ? 1 : 0)} %`;

/**
 * A share of postings per period as a line, with its 95 % Wilson interval as a band; the same values
 * follow as a table for screen readers and for anyone who wants the numbers.
 */
export function ShareChart({
  points,
  title,
  what,
  source,
}: {
  points: MarketPoint[];
  title: string;
  /** What the share counts, for the axis and the table ("postings asking for Python"). */
  what: string;
  source: string;
}) {
  const data = points.map((p) => ({ ...p, band: [p.low, p.high] as [number, number] }));
  const last = points.at(-1);
  const summary = last
    ? `${title}: ${pct(last.share)} of ${last.total} postings in ${last.period} (95 % interval ${pct(last.low)}–${pct(last.high)}).`
    : `${title}: no postings.`;
  return (
    <figure className="chart share-chart">
      <div className="share-chart-plot" role="img" aria-label={summary}>
        <ResponsiveContainer width="100%" height={240}>
          <ComposedChart data={data} margin={{ top: 12, right: 12, bottom: 28, left: 8 }}>
            <CartesianGrid stroke="#e5e7eb" vertical={false} />
            <XAxis
              dataKey="period"
              tick={{ fontSize: 12, fill: '#374151' }}
              label={{
                value: 'Period (posting month)',
                position: 'insideBottom',
                offset: -18,
                fontSize: 12,
                fill: '#374151',
              }}
            />
            <YAxis
              tickFormatter={(v: number) => `${Math.round(v * 100)}%`}
              tick={{ fontSize: 12, fill: '#374151' }}
              width={48}
              label={{
                value: 'Share of postings',
                angle: -90,
                position: 'insideLeft',
                fontSize: 12,
                fill: '#374151',
                dy: 50,
              }}
            />
            <Tooltip
              formatter={(value) =>
                Array.isArray(value) ? value.map((v) => pct(Number(v))).join('–') : pct(Number(value))
              }
            />
            <Area
              dataKey="band"
              name="95 % interval"
              stroke="none"
              fill="#93c5fd"
              fillOpacity={0.5}
              isAnimationActive={false}
            />
            <Line
              dataKey="share"
              name="Share"
              stroke="#1d4ed8"
              strokeWidth={2}
              dot={points.length <= 40 ? { r: 3 } : false}
              isAnimationActive={false}
            />
          </ComposedChart>
        </ResponsiveContainer>
      </div>
      <figcaption>
        {title}. Line: share of {what}; band: its 95 % Wilson interval. {source}
      </figcaption>
      <details className="chart-values">
        <summary>The values</summary>
        <div className="table-scroll">
          <table>
            <caption className="visually-hidden">{title}, per period</caption>
            <thead>
              <tr>
                <th scope="col">Period</th>
                <th scope="col">Postings asking</th>
                <th scope="col">Postings</th>
                <th scope="col">Share (95 % interval)</th>
              </tr>
            </thead>
            <tbody>
              {points.map((p) => (
                <tr key={p.period}>
                  <td>{p.period}</td>
                  <td>{p.count}</td>
                  <td>{p.total}</td>
                  <td>
                    {pct(p.share)} ({pct(p.low)}–{pct(p.high)})
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
