/**
 * The dashboard's only way to the API: same origin, the key as a bearer header (never in a URL),
 * kept in sessionStorage (gone with the tab), cleared on sign-out.
 */
const KEY = 'mi-api-key';

export const session = {
  key: (): string | null => sessionStorage.getItem(KEY),
  signIn: (key: string) => sessionStorage.setItem(KEY, key),
  signOut: () => sessionStorage.removeItem(KEY),
};

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** GET or POST JSON on the API; a problem+json answer becomes an ApiError with its detail. */
export async function api<T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  const res = await send(path, init);
  return (await res.json()) as T;
}

/** The raw response (for exports, read page by page). */
export async function send(path: string, init: { method?: string; body?: unknown } = {}): Promise<Response> {
  const key = session.key();
  const res = await fetch(path, {
    method: init.method ?? 'GET',
    headers: {
      ...(key ? { authorization: `Bearer ${key}` } : {}),
      ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
  if (!res.ok) {
    const problem = (await res.json().catch(() => ({}))) as { detail?: string; title?: string };
    throw new ApiError(res.status, problem.detail ?? problem.title ?? `HTTP ${res.status}`);
  }
  return res;
}
