/** An error the API explained (RFC 9457 problem body), or a network failure put in the same words. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly hint?: string,
  ) {
    super(message);
  }
}

// The API's hints are shared with the command line; one that says to run an `upskill …` command is
// no help to someone in the browser, so the page shows the explanation without it.
const forTheBrowser = (hint: string | undefined): string | undefined =>
  hint === undefined || /`upskill\b/.test(hint) ? undefined : hint;

async function toApiError(response: Response): Promise<ApiError> {
  try {
    const body = (await response.json()) as { code?: string; detail?: string; hint?: string };
    return new ApiError(
      response.status,
      body.code ?? 'HTTP_ERROR',
      body.detail ?? response.statusText,
      forTheBrowser(body.hint),
    );
  } catch {
    return new ApiError(
      response.status,
      'HTTP_ERROR',
      `The server answered ${response.status} ${response.statusText}.`,
    );
  }
}

// On a team server every change carries the session's CSRF token (the session query sets it).
let csrfToken: string | null = null;
export const setCsrfToken = (token: string | null): void => {
  csrfToken = token;
};

async function request<T>(path: string, init?: RequestInit): Promise<T> {
  let response: Response;
  const method = init?.method ?? 'GET';
  const headers = new Headers(init?.headers);
  if (csrfToken && method !== 'GET') headers.set('x-csrf-token', csrfToken);
  try {
    response = await fetch(path, { ...init, headers });
  } catch {
    throw new ApiError(
      0,
      'OFFLINE',
      'The Upskill server does not answer.',
      'Upskill runs on this computer and may have been closed: start it again, then try again.',
    );
  }
  if (!response.ok) throw await toApiError(response);
  return (response.status === 204 ? undefined : await response.json()) as T;
}

export const getJson = <T>(path: string, signal?: AbortSignal): Promise<T> =>
  request<T>(path, signal ? { signal } : undefined);

export const sendJson = <T>(method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, body?: unknown): Promise<T> =>
  request<T>(path, {
    method,
    ...(body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
  });

export const uploadFile = <T>(path: string, file: File): Promise<T> => {
  const form = new FormData();
  form.append('file', file, file.name);
  return request<T>(path, { method: 'POST', body: form });
};

/** A multipart form (a file with other fields), sent with the session's CSRF token like every change. */
export const uploadForm = <T>(path: string, form: FormData): Promise<T> =>
  request<T>(path, { method: 'POST', body: form });
