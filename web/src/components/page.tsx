import { useEffect, useLayoutEffect, useRef, type ReactNode } from 'react';

// The first page a visitor lands on keeps the browser's own focus and scroll position (so Tab reaches
// "Skip to content"); every later page, reached inside the app, opens at its top with focus on its heading.
let landed = false;

/** Opens a page at its top: the window scrolls up and the heading takes the focus (screen readers announce it). */
function openAtTop(heading: HTMLHeadingElement | null): void {
  window.scrollTo(0, 0);
  heading?.focus({ preventScroll: true });
}

/**
 * For the router: a new path scrolls to the top at once, before the new page has loaded its data
 * (its Page then moves the focus). A change of the query alone (Explore's ?a=&b=&skill=) is the same page.
 */
export function useTopOnNewPath(path: string): void {
  const last = useRef(path);
  // A layout effect runs before the pages' own effects, so `landed` is right when they read it.
  useLayoutEffect(() => {
    if (last.current === path) return;
    last.current = path;
    landed = true;
    window.scrollTo(0, 0);
  }, [path]);
}

/** A page: sets the document title and, after in-app navigation, opens at its top with focus on its heading. */
export function Page({
  title,
  lead,
  children,
  actions,
}: {
  title: string;
  lead?: ReactNode;
  children: ReactNode;
  actions?: ReactNode;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} · Upskill`;
    // A new title is a new page too (a related occupation's /job?code=…), and so is a page shown after
    // its data loaded.
    if (landed) openAtTop(heading.current);
    landed = true;
  }, [title]);
  return (
    <article className="page">
      <header className="page-header">
        <div>
          <h1 ref={heading} tabIndex={-1}>
            {title}
          </h1>
          {lead && <p className="lead">{lead}</p>}
        </div>
        {actions && <div className="page-actions">{actions}</div>}
      </header>
      {children}
    </article>
  );
}
