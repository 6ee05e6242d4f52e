import { useState, type FormEvent } from 'react';
import { useSignIn } from '../api/session';
import { Page } from '../components/page';
import { ErrorNotice } from '../components/status-views';

/** The team server's front door: every page asks for it until someone signs in. */
export function SignInPage() {
  const signIn = useSignIn();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    signIn.mutate({ email, password });
  };
  return (
    <Page title="Sign in" lead="This Upskill server is shared by a team: sign in to see what your role allows.">
      <form className="card form narrow" onSubmit={submit}>
        <div className="field">
          <label htmlFor="email">E-mail address</label>
          <input
            id="email"
            type="email"
            autoComplete="username"
            required
            value={email}
            onChange={(event) => setEmail(event.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="password">Password</label>
          <input
            id="password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(event) => setPassword(event.target.value)}
          />
        </div>
        {signIn.isError && <ErrorNotice title="Not signed in" error={signIn.error} />}
        <button type="submit" className="button primary" disabled={signIn.isPending}>
          {signIn.isPending ? 'Signing in…' : 'Sign in'}
        </button>
        <p className="muted small">
          No account yet, or forgot the password? An administrator sends you a one-time link.
        </p>
      </form>
    </Page>
  );
}
