import { lazy, Suspense } from 'react';
import { Link, Route, Switch, useLocation } from 'wouter';
import { Footer } from './components/footer';
import { useTopOnNewPath } from './components/page';
import { Loading } from './components/status-views';
import { StartPage } from './pages/start-page';
import { JobPage } from './pages/job-page';
import { SkillsPage } from './pages/skills-page';
import { PathPage } from './pages/path-page';
import { AssessPage } from './pages/assess-page';
import { AboutPage } from './pages/about-page';
import { NotFoundPage } from './pages/not-found-page';
import { SignInPage } from './pages/sign-in-page';
import { WelcomePage } from './pages/welcome-page';
import { AccountPage } from './pages/account-page';
import { TeamPage } from './pages/team-page';
import { Page } from './components/page';
import { ErrorNotice } from './components/status-views';
import { useSession, useSignOut } from './api/session';
import { hiddenBecause } from './access-view';
import type { Session } from './api/types';

// Explore is a side trip off the worker's journey, so its code loads only when it is opened.
const ExplorePage = lazy(() => import('./pages/explore-page'));
// The Market page carries the charting library: loaded only when opened (market branch).
const MarketPage = lazy(() => import('./pages/market-page'));
// The organisation's pages are for administrators and managers: none of their code is in the main bundle.
const OrgRosterPage = lazy(() => import('./pages/org-roster-page'));
const OrgReadinessPage = lazy(() => import('./pages/org-readiness-page'));
const OrgDecisionsPage = lazy(() => import('./pages/org-decisions-page'));
const OrgMobilityPage = lazy(() => import('./pages/org-mobility-page'));
const OrgCohortsPage = lazy(() => import('./pages/org-cohorts-page'));

const NAV = [
  { href: '/', label: 'Start' },
  { href: '/job', label: 'Your job & AI' },
  { href: '/skills', label: 'Your skills' },
  { href: '/path', label: 'Your path' },
  { href: '/explore', label: 'Explore' },
  { href: '/market', label: 'Market' },
  { href: '/about', label: 'About the data' },
];

/** On a team server: who is signed in, and a way out. */
function SignedIn({ session }: { session: Session }) {
  const signOut = useSignOut();
  const [, navigate] = useLocation();
  if (!session.account) return null;
  return (
    <p className="signed-in">
      <Link href="/account">
        {session.account.name} <span className="muted small">({session.account.role})</span>
      </Link>{' '}
      <button
        type="button"
        className="link-button"
        onClick={() => signOut.mutate(undefined, { onSuccess: () => navigate('/') })}
      >
        Sign out
      </button>
    </p>
  );
}

/** Shown in place of a page the role may not see, saying why. */
function HiddenPage({ why }: { why: string }) {
  return (
    <Page title="Not shown for your role">
      <p className="notice">This page is hidden because {why}</p>
    </Page>
  );
}

export function App() {
  const [location] = useLocation();
  useTopOnNewPath(location);
  const session = useSession();
  const team = session.data?.mode === 'team';
  const role = session.data?.account?.role;
  const nav = [
    ...NAV.filter((item) => !role || !hiddenBecause(role, item.href)),
    ...(!role || role === 'administrator' || role === 'manager' ? [{ href: '/org', label: 'Organisation' }] : []),
    ...(role === 'administrator' ? [{ href: '/team', label: 'Team' }] : []),
    ...(role ? [{ href: '/account', label: 'Your account' }] : []),
  ];
  const hidden = role ? hiddenBecause(role, location) : undefined;
  const signInNeeded = team && !session.data?.account && location !== '/welcome';
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="site-header">
        <Link href="/" className="brand" aria-label="Upskill home">
          <svg viewBox="0 0 32 32" width="28" height="28" aria-hidden="true">
            <rect width="32" height="32" rx="7" className="brand-mark" />
            <path
              d="M8 22l6-6 4 4 7-9M20 11h5v5"
              fill="none"
              stroke="#fff"
              strokeWidth="3"
              strokeLinecap="round"
              strokeLinejoin="round"
            />
          </svg>
          Upskill
        </Link>
        <nav aria-label="Main">
          <ul>
            {nav.map((item) => (
              <li key={item.href}>
                <Link
                  href={item.href}
                  aria-current={
                    location === item.href || (item.href === '/org' && location.startsWith('/org/'))
                      ? 'page'
                      : undefined
                  }
                >
                  {item.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        {team && session.data && <SignedIn session={session.data} />}
      </header>
      <main id="main">
        {session.isPending ? (
          <Loading what="the page" />
        ) : session.isError ? (
          <ErrorNotice error={session.error} retry={() => void session.refetch()} />
        ) : signInNeeded ? (
          <SignInPage />
        ) : hidden ? (
          <HiddenPage why={hidden} />
        ) : (
          <Suspense fallback={<Loading what="the page" />}>
            <Switch>
              <Route path="/welcome" component={WelcomePage} />
              <Route path="/account" component={AccountPage} />
              <Route path="/team" component={TeamPage} />
              <Route path="/" component={StartPage} />
              <Route path="/job" component={JobPage} />
              <Route path="/skills" component={SkillsPage} />
              <Route path="/path" component={PathPage} />
              <Route path="/assess" component={AssessPage} />
              <Route path="/explore" component={ExplorePage} />
              <Route path="/market" component={MarketPage} />
              <Route path="/market/skill" component={MarketPage} />
              <Route path="/about" component={AboutPage} />
              <Route path="/org" component={OrgReadinessPage} />
              <Route path="/org/readiness" component={OrgReadinessPage} />
              <Route path="/org/roster" component={OrgRosterPage} />
              <Route path="/org/decisions" component={OrgDecisionsPage} />
              <Route path="/org/mobility" component={OrgMobilityPage} />
              <Route path="/org/cohorts" component={OrgCohortsPage} />
              <Route component={NotFoundPage} />
            </Switch>
          </Suspense>
        )}
      </main>
      <Footer />
    </>
  );
}
