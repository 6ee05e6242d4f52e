import { useId, useLayoutEffect, useRef, useState, type ReactNode } from 'react';

/**
 * A box that scrolls sideways when its content is wider than the screen (Explore's comparison, the organisation's tables on a phone).
 * Only then does it say so — a note, and a shadow at each edge with more behind it — and take the
 * focus, so the arrow keys scroll it.
 */
export function SideScroll({ label, children }: { label: string; children: ReactNode }) {
  const box = useRef<HTMLDivElement>(null);
  const [overflows, setOverflows] = useState(false);
  const noteId = useId();
  useLayoutEffect(() => {
    const element = box.current;
    if (!element) return;
    const measure = () => setOverflows(element.scrollWidth > element.clientWidth + 1);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    for (const child of element.children) observer.observe(child);
    return () => observer.disconnect();
  }, []);
  return (
    <>
      {overflows && (
        <p className="scroll-note" id={noteId}>
          <span aria-hidden="true">↔ </span>The table is wider than the screen: scroll sideways to see all of it.
        </p>
      )}
      <div
        ref={box}
        className={`table-scroll${overflows ? ' overflows' : ''}`}
        {...(overflows ? { role: 'region', 'aria-label': label, 'aria-describedby': noteId, tabIndex: 0 } : {})}
      >
        {children}
      </div>
    </>
  );
}
