import type { ReactNode } from 'react';
import { Link } from 'wouter';
import { ApiError } from '../api/client';

export function Loading({ what }: { what: string }) {
  return (
    <div className="status-view" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      Loading {what}…
    </div>
  );
}

/** An error in the API's own words, with its hint and a way to try again. */
export function ErrorNotice({
  error,
  retry,
  title = 'Something went wrong',
}: {
  error: unknown;
  retry?: () => void;
  title?: string;
}) {
  const message = error instanceof Error ? error.message : String(error);
  const hint = error instanceof ApiError ? error.hint : undefined;
  return (
    <div className="notice notice-error" role="alert">
      <p className="notice-title">{title}</p>
      <p>{message}</p>
      {hint && <p className="muted">{hint}</p>}
      {retry && (
        <button type="button" className="button secondary" onClick={retry}>
          Try again
        </button>
      )}
    </div>
  );
}

export function EmptyState({
  title,
  children,
  action,
}: {
  title: string;
  children?: ReactNode;
  action?: { href: string; label: string };
}) {
  return (
    <div className="empty-state">
      <p className="empty-title">{title}</p>
      {children}
      {action && (
        <Link href={action.href} className="button">
          {action.label}
        </Link>
      )}
    </div>
  );
}
