import type { ReactNode } from 'react';
import type { Profile } from '../api/types';
import { useJourney } from '../use-journey';
import { Page } from './page';
import { EmptyState, ErrorNotice, Loading } from './status-views';

/** Pages of the personal journey: they need the saved profile, and say what to do first without one. */
export function ProfileGate({
  title,
  empty,
  children,
}: {
  title: string;
  empty: { title: string; text: string; action: string };
  children: (profile: Profile) => ReactNode;
}) {
  const { id, profile } = useJourney();
  if (profile.isLoading) return <Loading what="your profile" />;
  if (id && profile.isError)
    return (
      <Page title={title}>
        <ErrorNotice title="Your profile did not load" error={profile.error} retry={() => void profile.refetch()} />
      </Page>
    );
  if (!profile.data)
    return (
      <Page title={title}>
        <EmptyState title={empty.title} action={{ href: '/', label: empty.action }}>
          <p>{empty.text}</p>
        </EmptyState>
      </Page>
    );
  return children(profile.data);
}
