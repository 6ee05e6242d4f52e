import { useState, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useLocation } from 'wouter';
import { sendJson } from '../api/client';
import { useRedeemLink } from '../api/session';
import type { LinkInfo } from '../api/types';
import { Page } from '../components/page';
import { ErrorNotice, Loading } from '../components/status-views';

const PURPOSE = {
  setup: 'Create the first administrator of this server',
  invitation: 'You are invited',
  'password-reset': 'Choose a new password',
} as const;

/**
 * Where a one-time link lands (/welcome#token): the token is in the fragment, which the browser never
 * sends to a server or puts in a Referer, so it stays out of logs.
 */
export function WelcomePage() {
  const token = window.location.hash.slice(1);
  const [, navigate] = useLocation();
  const link = useQuery({
    queryKey: ['link', token],
    queryFn: () => sendJson<LinkInfo>('POST', '/api/auth/links/inspect', { token }),
    enabled: token.length > 0,
    retry: false,
  });
  const redeem = useRedeemLink();
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    redeem.mutate(
      { token, password, ...(link.data?.purpose === 'setup' ? { email, name } : {}) },
      { onSuccess: () => navigate('/account') },
    );
  };
  if (!token) return <Page title="Welcome">This page opens from a one-time link an administrator gives you.</Page>;
  if (link.isPending) return <Loading what="the link" />;
  if (link.isError)
    return (
      <Page title="This link does not work">
        <ErrorNotice title="The link cannot be used" error={link.error} />
      </Page>
    );
  const info = link.data;
  return (
    <Page
      title={PURPOSE[info.purpose]}
      lead={
        info.purpose === 'invitation'
          ? `${info.name} (${info.email}) joins as ${info.role}. Choose a password to start.`
          : info.purpose === 'password-reset'
            ? `For ${info.email}. Every other session of this account ends.`
            : 'The administrator sees everything and invites everyone else.'
      }
    >
      <form className="card form narrow" onSubmit={submit}>
        {info.purpose === 'setup' && (
          <>
            <div className="field">
              <label htmlFor="setup-email">Your e-mail address</label>
              <input id="setup-email" type="email" required value={email} onChange={(e) => setEmail(e.target.value)} />
            </div>
            <div className="field">
              <label htmlFor="setup-name">Your name</label>
              <input
                id="setup-name"
                type="text"
                required
                maxLength={80}
                value={name}
                onChange={(e) => setName(e.target.value)}
              />
            </div>
          </>
        )}
        <div className="field">
          <label htmlFor="new-password">New password</label>
          <input
            id="new-password"
            type="password"
            autoComplete="new-password"
            required
            minLength={12}
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            aria-describedby="password-hint"
          />
          <p id="password-hint" className="field-hint">
            At least 12 characters; a few unrelated words are easy to remember.
          </p>
        </div>
        {redeem.isError && <ErrorNotice title="Not done" error={redeem.error} />}
        <button type="submit" className="button primary" disabled={redeem.isPending}>
          Save and sign in
        </button>
      </form>
    </Page>
  );
}
