import type { ReactNode } from 'react';
import { Link, useLocation } from 'wouter';
import { Page } from '../components/page';
export { SideScroll } from '../components/side-scroll';
import { ORG_PAGES } from '../org-pages';

/** An organisation page: the shared sub-navigation above the page's own content. */
export function OrgPage({ title, lead, children }: { title: string; lead?: ReactNode; children: ReactNode }) {
  const [location] = useLocation();
  return (
    <Page title={title} lead={lead}>
      <nav aria-label="Organisation" className="org-nav">
        <ul>
          {ORG_PAGES.map((page) => (
            <li key={page.href}>
              <Link href={page.href} aria-current={location === page.href ? 'page' : undefined}>
                {page.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <div className="org">{children}</div>
    </Page>
  );
}

/** What the viewer sees and why (from the API), shown wherever people are named or counted. */
export function AccessNote({ text }: { text: string }) {
  return (
    <p className="org-access small">
      <strong>Who is shown:</strong> {text}
    </p>
  );
}

const money = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 });
export const usd = (value: number | null): string => (value === null ? '—' : money.format(value));
export const hoursText = (value: number): string => `${Number.isInteger(value) ? value : value.toFixed(1)} h`;
export const percent = (share: number | null): string => (share === null ? '—' : `${Math.round(share * 100)} %`);

/**
 * Cividis, in six steps from 0 to 100: perceptually even and readable with every common colour-vision
 * deficiency; each step names the text colour that keeps AA contrast on it.
 */
const CIVIDIS = [
  { bg: '#00224e', ink: '#ffffff' },
  { bg: '#35456c', ink: '#ffffff' },
  { bg: '#666970', ink: '#ffffff' },
  { bg: '#948e77', ink: '#111827' },
  { bg: '#c8b866', ink: '#111827' },
  { bg: '#fee838', ink: '#111827' },
] as const;

/** The palette step for a 0–100 value (null: nothing to show). */
export function cividis(value: number | null): { bg: string; ink: string } | undefined {
  if (value === null) return undefined;
  return CIVIDIS[Math.min(CIVIDIS.length - 1, Math.max(0, Math.floor(value / (100 / CIVIDIS.length))))];
}

/** The palette's legend, with the range of each step. */
export function CividisLegend() {
  const step = 100 / CIVIDIS.length;
  return (
    <ol className="heat-legend" aria-label="Colour scale">
      {CIVIDIS.map((c, i) => (
        <li key={c.bg} style={{ background: c.bg, color: c.ink }}>
          {Math.round(i * step)}–{Math.round((i + 1) * step)}
        </li>
      ))}
    </ol>
  );
}
