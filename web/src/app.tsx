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

// Explore is a side trip off the worker's journey, so its code loads only when it is opened.
const ExplorePage = lazy(() => import('./pages/explore-page'));

const NAV = [
  { href: '/', label: 'Start' },
  { href: '/job', label: 'Your job & AI' },
  { href: '/skills', label: 'Your skills' },
  { href: '/path', label: 'Your path' },
  { href: '/explore', label: 'Explore' },
  { href: '/about', label: 'About the data' },
];

export function App() {
  const [location] = useLocation();
  useTopOnNewPath(location);
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
            {NAV.map((item) => (
              <li key={item.href}>
                <Link href={item.href} aria-current={location === item.href ? 'page' : undefined}>
                  {item.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main id="main">
        <Suspense fallback={<Loading what="the page" />}>
          <Switch>
            <Route path="/" component={StartPage} />
            <Route path="/job" component={JobPage} />
            <Route path="/skills" component={SkillsPage} />
            <Route path="/path" component={PathPage} />
            <Route path="/assess" component={AssessPage} />
            <Route path="/explore" component={ExplorePage} />
            <Route path="/about" component={AboutPage} />
            <Route component={NotFoundPage} />
          </Switch>
        </Suspense>
      </main>
      <Footer />
    </>
  );
}
