/** What both clients (v2 `Latchkey`, `LatchkeyV3`) send and read the same way. */

/** The server's base URL without trailing slashes, and the fetch to use (the global one unless given). */
export function transport(o: { baseUrl: string; fetch?: typeof fetch }): { baseUrl: string; fetchImpl: typeof fetch } {
  return { baseUrl: o.baseUrl.replace(/\/+$/, ''), fetchImpl: o.fetch ?? ((input, init) => globalThis.fetch(input, init)) };
}

/**
 * One request: `accept: application/json`, the body (when given) as JSON. An abort is rethrown
 * as it is; any other failure to get an answer becomes `unreachable(message, cause)`.
 */
export async function send(
  fetchImpl: typeof fetch,
  url: string,
  o: { method: string; headers?: Record<string, string>; body?: unknown; signal?: AbortSignal | undefined },
  unreachable: (message: string, cause: unknown) => Error,
): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json', ...o.headers };
  if (o.body !== undefined) headers['content-type'] = 'application/json';
  try {
    const body = o.body !== undefined ? { body: JSON.stringify(o.body) } : {};
    return await fetchImpl(url, { method: o.method, headers, ...body, ...(o.signal ? { signal: o.signal } : {}) });
  } catch (err) {
    if ((err as { name?: unknown } | null)?.name === 'AbortError') throw err;
    throw unreachable(`Could not reach Latchkey at ${url}: ${(err as Error)?.message ?? String(err)}`, err);
  }
}

/** The answer's body as JSON, or undefined when it is empty or not JSON. */
export async function readJson(res: Response): Promise<unknown> {
  const text = await res.text().catch(() => '');
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
