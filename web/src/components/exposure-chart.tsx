import type { ExposureDistribution, Rater } from '../api/types';

/** The raters' names inside a sentence ("according to human raters", "according to GPT-4"). */
const RATER_IN_TEXT: Record<Rater, string> = { human: 'human raters', gpt4: 'GPT-4' };

const WIDTH = 520;
const HEIGHT = 220;
const PLOT = { left: 36, right: 14, top: 34, bottom: 42 };

/** β exposure of every occupation as a histogram, with this occupation marked "you are here". */
export function ExposureChart({
  distribution,
  rater,
  beta,
  percentile,
  title,
}: {
  distribution: ExposureDistribution;
  rater: Rater;
  beta: number;
  percentile: number;
  title: string;
}) {
  const { counts, binWidth, occupations, median } = distribution[rater];
  const max = Math.max(...counts);
  const plotWidth = WIDTH - PLOT.left - PLOT.right;
  const plotHeight = HEIGHT - PLOT.top - PLOT.bottom;
  const x = (value: number) => PLOT.left + value * plotWidth;
  const y = (count: number) => PLOT.top + plotHeight - (count / max) * plotHeight;
  const here = Math.min(counts.length - 1, Math.floor(beta / binWidth + 1e-9));
  const pct = (value: number) => `${Math.round(value * 100)}%`;
  const markerX = x(beta);
  const anchor = markerX > WIDTH - 100 ? 'end' : markerX < 100 ? 'start' : 'middle';
  const summary =
    `${title}: ${pct(beta)} of its work is exposed to generative AI according to ${RATER_IN_TEXT[rater]}, ` +
    `more than ${Math.round(percentile)}% of ${occupations} occupations (median ${pct(median)}).`;
  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={summary}>
        {[0, 0.25, 0.5, 0.75, 1].map((tick) => (
          <g key={tick}>
            <line
              x1={x(tick)}
              x2={x(tick)}
              y1={PLOT.top + plotHeight}
              y2={PLOT.top + plotHeight + 5}
              className="axis"
            />
            <text x={x(tick)} y={HEIGHT - 20} textAnchor="middle" className="tick">
              {pct(tick)}
            </text>
          </g>
        ))}
        <text x={PLOT.left + plotWidth / 2} y={HEIGHT - 4} textAnchor="middle" className="axis-label">
          share of the work exposed (β)
        </text>
        <text
          x={12}
          y={PLOT.top + plotHeight / 2}
          textAnchor="middle"
          className="axis-label"
          transform={`rotate(-90 12 ${PLOT.top + plotHeight / 2})`}
        >
          occupations
        </text>
        {counts.map((count, i) => (
          <rect
            key={i}
            x={x(i * binWidth) + 1}
            width={plotWidth * binWidth - 2}
            y={y(count)}
            height={PLOT.top + plotHeight - y(count)}
            className={i === here ? 'bar bar-here' : 'bar'}
          >
            <title>{`${pct(i * binWidth)}–${pct((i + 1) * binWidth)}: ${count} occupations`}</title>
          </rect>
        ))}
        <line
          x1={PLOT.left}
          x2={WIDTH - PLOT.right}
          y1={PLOT.top + plotHeight}
          y2={PLOT.top + plotHeight}
          className="axis"
        />
        <line x1={markerX} x2={markerX} y1={PLOT.top - 8} y2={PLOT.top + plotHeight} className="marker" />
        <text x={markerX} y={PLOT.top - 14} textAnchor={anchor} className="marker-label">
          You are here · {pct(beta)}
        </text>
      </svg>
      <figcaption>{summary}</figcaption>
    </figure>
  );
}
