import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getJson, sendJson } from '../api/client';
import { useSession } from '../api/session';
import type { AccessToken } from '../api/types';
import { Page } from '../components/page';
import { ErrorNotice, Loading } from '../components/status-views';
import { HIDDEN_FOR } from '../access-view';

/** Who you are on a team server, what your role lets you see and why the rest is hidden, and your own data. */
export function AccountPage() {
  const session = useSession();
  const account = session.data?.account;
  if (!account) return <Loading what="your account" />;
  const hidden = HIDDEN_FOR[account.role];
  return (
    <Page title="Your account" lead={`${account.name} · ${account.email}`}>
      <section className="card section" aria-labelledby="role-heading">
        <h2 id="role-heading">Your role: {account.role}</h2>
        <p>You may see {session.data?.roleScope}.</p>
        {hidden.length > 0 && (
          <div className="notice" role="note">
            <p className="notice-title">Hidden for your role</p>
            <ul>
              {hidden.map((item) => (
                <li key={item.what}>
                  <strong>{item.what}</strong>: {item.why}
                </li>
              ))}
            </ul>
          </div>
        )}
      </section>
      <section className="card section" aria-labelledby="data-heading">
        <h2 id="data-heading">Your data</h2>
        <p>
          <a className="button secondary" href="/api/me/export" download>
            Download all my data (JSON)
          </a>
        </p>
        <DeleteAccount />
      </section>
      <AccessTokens />
    </Page>
  );
}

function AccessTokens() {
  const client = useQueryClient();
  const tokens = useQuery({ queryKey: ['tokens'], queryFn: () => getJson<AccessToken[]>('/api/tokens') });
  const [name, setName] = useState('');
  const [scope, setScope] = useState<'read' | 'read-write'>('read');
  const create = useMutation({
    mutationFn: () => sendJson<{ token: string }>('POST', '/api/tokens', { name, scope }),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['tokens'] }),
  });
  const revoke = useMutation({
    mutationFn: (id: string) => sendJson<void>('DELETE', `/api/tokens/${id}`),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['tokens'] }),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };
  return (
    <section className="card section" aria-labelledby="tokens-heading">
      <h2 id="tokens-heading">Personal access tokens</h2>
      <p className="muted">
        For scripts and the command line: send one as <code>Authorization: Bearer …</code>. It has your rights (or only
        reading), and you can revoke it here at any time.
      </p>
      <form className="inline-form" onSubmit={submit}>
        <label htmlFor="token-name">Name</label>
        <input id="token-name" required maxLength={80} value={name} onChange={(e) => setName(e.target.value)} />
        <label htmlFor="token-scope">Scope</label>
        <select id="token-scope" value={scope} onChange={(e) => setScope(e.target.value as 'read' | 'read-write')}>
          <option value="read">read only</option>
          <option value="read-write">read and write</option>
        </select>
        <button type="submit" className="button secondary small">
          Make a token
        </button>
      </form>
      {create.isError && <ErrorNotice error={create.error} />}
      {create.data && (
        <p role="status">
          Your new token (shown once): <code className="secret">{create.data.token}</code>
        </p>
      )}
      {tokens.isPending ? (
        <Loading what="your tokens" />
      ) : tokens.isError ? (
        <ErrorNotice error={tokens.error} />
      ) : tokens.data.length === 0 ? (
        <p className="muted">No tokens.</p>
      ) : (
        <ul className="saved-list">
          {tokens.data.map((token) => (
            <li key={token.id}>
              <span>
                {token.name} <span className="muted small">({token.scope})</span>
              </span>
              <button type="button" className="button ghost small" onClick={() => revoke.mutate(token.id)}>
                Revoke<span className="visually-hidden"> {token.name}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function DeleteAccount() {
  const client = useQueryClient();
  const [password, setPassword] = useState('');
  const remove = useMutation({
    mutationFn: () => sendJson<void>('DELETE', '/api/me', { password }),
    onSuccess: () => {
      client.removeQueries({ predicate: (query) => query.queryKey[0] !== 'session' });
      void client.invalidateQueries({ queryKey: ['session'] });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    remove.mutate();
  };
  return (
    <form className="inline-form" onSubmit={submit}>
      <label htmlFor="delete-password">Delete my account and all my data — password</label>
      <input
        id="delete-password"
        type="password"
        autoComplete="current-password"
        required
        value={password}
        onChange={(e) => setPassword(e.target.value)}
      />
      <button type="submit" className="button ghost small">
        Delete for good
      </button>
      {remove.isError && <ErrorNotice error={remove.error} />}
    </form>
  );
}
