import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import http from "node:http";
import https from "node:https";
import { isIP } from "node:net";
import { Readable } from "node:stream";
import { isInternalAddress } from "./base-url";

// The Ploomes base URL is checked when it is saved (base-url.ts), but a host can change its DNS answer afterwards
// (DNS rebinding): public when checked, 127.0.0.1 when called. So every call resolves the host itself, refuses a
// private answer, and connects to exactly the address it checked.

/** A call refused because its host resolved to a private or local address. */
export class PrivateAddressError extends Error {
  override readonly name = "PrivateAddressError";
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/** A `lookup` for http(s).request that refuses internal addresses unless `allowPrivate`. */
export function guardedLookup(allowPrivate: boolean) {
  return (hostname: string, options: { all?: boolean; family?: number | string }, callback: LookupCallback) => {
    dnsLookup(hostname, { all: true, family: Number(options.family) || 0 }, (error, addresses) => {
      if (error) return callback(error, []);
      const internal = addresses.find(({ address }) => isInternalAddress(address));
      if (internal && !allowPrivate) {
        return callback(
          new PrivateAddressError(
            `${hostname} resolves to a private or local address (${internal.address}), which is not allowed`,
          ),
          [],
        );
      }
      if (!addresses.length)
        return callback(Object.assign(new Error(`no address for ${hostname}`), { code: "ENOTFOUND" }), []);
      // Only what was checked above is connected to.
      if (options.all) return callback(null, addresses);
      callback(null, addresses[0]!.address, addresses[0]!.family);
    });
  };
}

const NULL_BODY = new Set([101, 204, 205, 304]);

/**
 * A fetch for the Ploomes client over node:http(s) with the guarded lookup. Redirects are never followed (the
 * client treats them as failures); `signal` aborts the request and its body.
 */
export function pinnedFetch({ allowPrivate }: { allowPrivate: boolean }): typeof fetch {
  const lookup = guardedLookup(allowPrivate);
  return (async (input: string | URL | Request, init: RequestInit = {}) => {
    const url = new URL(input instanceof Request ? input.url : input);
    const hostname = url.hostname.replace(/^\[(.*)\]$/, "$1");
    // An address literal is not looked up: check it here.
    if (isIP(hostname) && isInternalAddress(hostname) && !allowPrivate) {
      throw new PrivateAddressError(`${hostname} is a private or local address, which is not allowed`);
    }
    const transport = url.protocol === "https:" ? https : url.protocol === "http:" ? http : null;
    if (!transport) throw new TypeError(`Unsupported protocol ${url.protocol}`);
    const headers = Object.fromEntries(new Headers(init.headers).entries());
    const body = typeof init.body === "string" ? init.body : init.body == null ? undefined : String(init.body);
    if (body !== undefined) headers["content-length"] = String(Buffer.byteLength(body));

    return new Promise<Response>((resolve, reject) => {
      const request = transport.request(
        url,
        { method: init.method ?? "GET", headers, lookup: lookup as never, signal: init.signal ?? undefined },
        (incoming) => {
          const responseHeaders = new Headers();
          for (const [name, value] of Object.entries(incoming.headers)) {
            if (Array.isArray(value)) for (const item of value) responseHeaders.append(name, item);
            else if (value !== undefined) responseHeaders.set(name, value);
          }
          const status = incoming.statusCode ?? 500;
          if (NULL_BODY.has(status)) incoming.resume();
          resolve(
            new Response(NULL_BODY.has(status) ? null : (Readable.toWeb(incoming) as ReadableStream<Uint8Array>), {
              status,
              statusText: incoming.statusMessage,
              headers: responseHeaders,
            }),
          );
        },
      );
      request.once("error", (error) => reject(new TypeError("fetch failed", { cause: error })));
      request.end(body);
    });
  }) as typeof fetch;
}
