// eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers are read loosely: their shape is what is asserted
export type Json = any;

export type SandboxCall = (path: string, init?: RequestInit) => Promise<{ status: number; body: Json }>;

/**
 * Raw OData calls to the sandbox's Ploomes API (`apiUrl`, e.g. serveTestServer().sandboxApiUrl) with one tenant's key,
 * for what the Ploomes client does not reach: the answer's status and its parsed body (null when empty).
 */
export function sandboxCaller(apiUrl: string, apiKey: string): SandboxCall {
  return async (path, init = {}) => {
    const response = await fetch(`${apiUrl}${path}`, {
      ...init,
      headers: { "User-Key": apiKey, "Content-Type": "application/json", ...init.headers },
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : null };
  };
}
