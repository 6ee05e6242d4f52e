import { useEffect, useRef, type ReactNode } from 'react';

// The first page a visitor lands on keeps the browser's own focus (so Tab reaches "Skip to content");
// later pages, reached inside the app, move focus to their heading.
let landed = false;

/** A page: sets the document title and, after in-app navigation, moves focus to its heading so screen readers announce it. */
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
    if (landed) heading.current?.focus({ preventScroll: true });
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
