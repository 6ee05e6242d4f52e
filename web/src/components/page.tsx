import { useEffect, useRef, type ReactNode } from 'react';

/** A page: sets the document title and moves focus to its heading, so screen readers announce the new page. */
export function Page({ title, lead, children, actions }: { title: string; lead?: ReactNode; children: ReactNode; actions?: ReactNode }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} · Upskill`;
    heading.current?.focus({ preventScroll: true });
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
