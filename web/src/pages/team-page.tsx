import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getJson, sendJson } from '../api/client';
import type { Account, AuditEntry } from '../api/types';
import { Page } from '../components/page';
import { ErrorNotice, Loading } from '../components/status-views';

/** Administrators: the accounts, invitations and the audit log. */
export function TeamPage() {
  const client = useQueryClient();
  const accounts = useQuery({ queryKey: ['accounts'], queryFn: () => getJson<Account[]>('/api/accounts') });
  const audit = useQuery({ queryKey: ['audit'], queryFn: () => getJson<AuditEntry[]>('/api/audit?limit=50') });
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<Account['role']>('employee');
  const [managerId, setManagerId] = useState('');
  const inviteMutation = useMutation({
    mutationFn: () =>
      sendJson<{ link: string; expiresAt: string }>('POST', '/api/accounts/invitations', {
        email,
        name,
        role,
        managerId: managerId || null,
      }),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['audit'] }),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    inviteMutation.mutate();
  };
  const managers = accounts.data?.filter((a) => a.role === 'manager' || a.role === 'administrator') ?? [];
  const emailOf = new Map(accounts.data?.map((a) => [a.id, a.email]));
  return (
    <Page title="Team" lead="Accounts, invitations and who saw or changed whose data.">
      <section className="card section" aria-labelledby="accounts-heading">
        <h2 id="accounts-heading">Accounts</h2>
        {accounts.isPending ? (
          <Loading what="the accounts" />
        ) : accounts.isError ? (
          <ErrorNotice error={accounts.error} />
        ) : (
          <table>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">E-mail</th>
                <th scope="col">Role</th>
                <th scope="col">Reports to</th>
              </tr>
            </thead>
            <tbody>
              {accounts.data.map((a) => (
                <tr key={a.id}>
                  <td>{a.name}</td>
                  <td>{a.email}</td>
                  <td>{a.role}</td>
                  <td>{a.managerId ? emailOf.get(a.managerId) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section className="card section" aria-labelledby="invite-heading">
        <h2 id="invite-heading">Invite someone</h2>
        <form className="form narrow" onSubmit={submit}>
          <div className="field">
            <label htmlFor="invite-email">E-mail address</label>
            <input id="invite-email" type="email" required value={email} onChange={(e) => setEmail(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor="invite-name">Name</label>
            <input id="invite-name" required maxLength={80} value={name} onChange={(e) => setName(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor="invite-role">Role</label>
            <select id="invite-role" value={role} onChange={(e) => setRole(e.target.value as Account['role'])}>
              <option value="employee">employee</option>
              <option value="manager">manager</option>
              <option value="analyst">analyst</option>
              <option value="administrator">administrator</option>
            </select>
          </div>
          <div className="field">
            <label htmlFor="invite-manager">Reports to</label>
            <select id="invite-manager" value={managerId} onChange={(e) => setManagerId(e.target.value)}>
              <option value="">nobody</option>
              {managers.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.name} ({m.email})
                </option>
              ))}
            </select>
          </div>
          {inviteMutation.isError && <ErrorNotice title="Not invited" error={inviteMutation.error} />}
          <button type="submit" className="button primary">
            Make an invitation link
          </button>
          {inviteMutation.data && (
            <p role="status">
              Give this link to {email} (it works once, for 7 days):{' '}
              <code className="secret">{inviteMutation.data.link}</code>
            </p>
          )}
        </form>
      </section>
      <section className="card section" aria-labelledby="audit-heading">
        <h2 id="audit-heading">Audit log</h2>
        <p>
          <a className="button secondary" href="/api/audit?format=csv" download>
            Download as CSV
          </a>
        </p>
        {audit.isPending ? (
          <Loading what="the audit log" />
        ) : audit.isError ? (
          <ErrorNotice error={audit.error} />
        ) : (
          <table>
            <caption className="visually-hidden">The 50 latest audit entries</caption>
            <thead>
              <tr>
                <th scope="col">When (UTC)</th>
                <th scope="col">Who</th>
                <th scope="col">What</th>
                <th scope="col">Detail</th>
                <th scope="col">From</th>
              </tr>
            </thead>
            <tbody>
              {audit.data.map((entry, i) => (
                <tr key={i}>
                  <td>{entry.at.slice(0, 16).replace('T', ' ')}</td>
                  <td>{entry.actorEmail ?? 'command line'}</td>
                  <td>{entry.action}</td>
                  <td>{entry.detail}</td>
                  <td>{entry.address ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </Page>
  );
}
