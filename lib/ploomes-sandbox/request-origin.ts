import { env } from "@/lib/env";

// Ploomes' `@odata.context` names the host the request was sent to (`https://public6-api2.ploomes.com/$metadata#
// Contacts` in answers to that host). Behind Next the request's URL carries the server's bind address (0.0.0.0),
// so the origin comes from what the client wrote: its Host header, or a trusted proxy's X-Forwarded-* headers.
const HOST = /^(?:[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;

function firstHop(value: string | null): string | null {
  return value?.split(",")[0]?.trim() || null;
}

/** `http://localhost:3000`: the scheme and host the request came to, without a trailing slash. */
export function requestOrigin(request: Request, trustedProxies: number = env.TRUST_PROXY): string {
  const url = new URL(request.url);
  const proxied = trustedProxies > 0;
  const host = [proxied ? firstHop(request.headers.get("x-forwarded-host")) : null, request.headers.get("host")].find(
    (candidate): candidate is string => !!candidate && HOST.test(candidate),
  );
  const forwardedProto = proxied ? firstHop(request.headers.get("x-forwarded-proto"))?.toLowerCase() : undefined;
  const protocol = forwardedProto === "http" || forwardedProto === "https" ? `${forwardedProto}:` : url.protocol;
  return `${protocol}//${host ?? url.host}`;
}
