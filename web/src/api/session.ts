import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getJson, sendJson, setCsrfToken } from './client';
import type { Session } from './types';

/** The server's mode and who is signed in; every page waits for it on a team server. */
export const useSession = () =>
  useQuery({
    queryKey: ['session'],
    queryFn: async () => {
      const session = await getJson<Session>('/api/auth/session');
      setCsrfToken(session.csrfToken);
      return session;
    },
    staleTime: Infinity,
  });

/** Signing in or out changes what every query may see: start again from a clean cache. */
function useSessionChange<Input>(send: (input: Input) => Promise<Session | undefined>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: (session) => {
      // Everything fetched under the previous identity goes; the session query itself stays observed.
      client.removeQueries({ predicate: (query) => query.queryKey[0] !== 'session' });
      if (session) {
        setCsrfToken(session.csrfToken);
        client.setQueryData(['session'], session);
      } else {
        setCsrfToken(null);
        void client.invalidateQueries({ queryKey: ['session'] });
      }
    },
  });
}

export const useSignIn = () =>
  useSessionChange((input: { email: string; password: string }) => sendJson<Session>('POST', '/api/auth/login', input));
export const useSignOut = () =>
  useSessionChange(async () => {
    await sendJson<void>('POST', '/api/auth/logout');
    return undefined;
  });
export const useRedeemLink = () =>
  useSessionChange((input: { token: string; password: string; email?: string; name?: string }) =>
    sendJson<Session>('POST', '/api/auth/links/redeem', input),
  );
