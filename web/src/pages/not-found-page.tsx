import { EmptyState } from '../components/status-views';
import { Page } from '../components/page';

export function NotFoundPage() {
  return (
    <Page title="Page not found">
      <EmptyState title="There is no page at this address." action={{ href: '/', label: 'Go to the start' }} />
    </Page>
  );
}
