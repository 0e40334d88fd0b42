import { lookup } from "node:dns/promises";
import { BlockList, isIP } from "node:net";
import { env } from "@/lib/env";

// The Ploomes base URL is typed by a user and then called by the server with a stored key, so in production
// it must not point at the server's own network (SSRF). The check runs when the URL is saved; a host that
// changes its DNS answer later is refused at call time by pinned-fetch.ts, which connects only to the address
// it checked.

export class InvalidBaseUrlError extends Error {
  override readonly name = "InvalidBaseUrlError";
}

// Loopback, private, link-local, unique-local, carrier-grade NAT, multicast/reserved and IPv4-mapped IPv6
// (the URL parser rewrites `[::ffff:127.0.0.1]` to hex, so the mapped range is refused as a whole). Two lists,
// because a BlockList also matches IPv4 addresses against its IPv4-mapped IPv6 rules.
const internalIpv4 = new BlockList();
const internalIpv6 = new BlockList();
for (const [network, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24], // IETF protocol assignments
  ["192.168.0.0", 16],
  ["198.18.0.0", 15], // benchmarking
  ["224.0.0.0", 3],
] as const) {
  internalIpv4.addSubnet(network, prefix, "ipv4");
}
for (const [network, prefix] of [
  ["::", 96],
  ["::ffff:0:0", 96],
  // Translation and tunnelling prefixes embed an IPv4 address, private ones included.
  ["64:ff9b::", 96], // NAT64
  ["64:ff9b:1::", 48], // local-use NAT64
  ["2002::", 16], // 6to4
  ["::ffff:0:0:0", 96], // IPv4-translated (SIIT)
  ["fc00::", 7],
  ["fe80::", 10],
  ["ff00::", 8],
] as const) {
  internalIpv6.addSubnet(network, prefix, "ipv6");
}

/** Outside production, or with PLOOMES_ALLOW_PRIVATE_URLS, a Ploomes base URL may be on a private network. */
export function privateAddressesAllowed(): boolean {
  return env.NODE_ENV !== "production" || env.PLOOMES_ALLOW_PRIVATE_URLS;
}

export function isInternalAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return false;
  return family === 4 ? internalIpv4.check(address, "ipv4") : internalIpv6.check(address, "ipv6");
}

async function resolvesToInternal(hostname: string): Promise<boolean> {
  if (hostname === "localhost" || hostname.endsWith(".localhost")) return true;
  if (isIP(hostname)) return isInternalAddress(hostname);
  let addresses: { address: string }[];
  try {
    addresses = await lookup(hostname, { all: true });
  } catch {
    throw new InvalidBaseUrlError(`The Ploomes address "${hostname}" could not be resolved (DNS lookup failed).`);
  }
  return addresses.some(({ address }) => isInternalAddress(address));
}

/**
 * Checks a Ploomes base URL and returns it without a trailing slash, e.g. `https://api2.ploomes.com`.
 * In production (unless PLOOMES_ALLOW_PRIVATE_URLS) only https to a public host is accepted; the built-in
 * sandbox passes `allowPrivate: true`.
 */
export async function validateBaseUrl(
  url: string,
  { allowPrivate = false }: { allowPrivate?: boolean } = {},
): Promise<string> {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    throw new InvalidBaseUrlError("The Ploomes base URL must be an absolute URL, e.g. https://api2.ploomes.com.");
  }
  if (parsed.protocol !== "https:" && parsed.protocol !== "http:") {
    throw new InvalidBaseUrlError("The Ploomes base URL must start with https:// (or http://).");
  }
  if (parsed.username || parsed.password) {
    throw new InvalidBaseUrlError("The Ploomes base URL must not contain a user name or password.");
  }
  if (parsed.search || parsed.hash) {
    throw new InvalidBaseUrlError("The Ploomes base URL must not contain a query (?…) or fragment (#…).");
  }

  const enforce = !allowPrivate && !privateAddressesAllowed();
  if (enforce && parsed.protocol !== "https:") {
    throw new InvalidBaseUrlError("The Ploomes base URL must use https:// in production.");
  }
  // URL keeps IPv6 hosts in brackets and a fully qualified name's final dot; the checks want neither.
  const hostname = parsed.hostname.replace(/^\[(.*)\]$/, "$1").replace(/\.$/, "");
  if (enforce && (await resolvesToInternal(hostname))) {
    throw new InvalidBaseUrlError(
      `The Ploomes base URL points to a private or local network address (${hostname}), which is not allowed.`,
    );
  }
  return `${parsed.origin}${parsed.pathname.replace(/\/+$/, "")}`;
}
