import { lookup as dnsLookup, type LookupAddress, type LookupAllOptions, type LookupOneOptions } from "node:dns";
import { BlockList, isIP } from "node:net";
import { Agent, buildConnector, fetch as undiciFetch } from "undici";
import type { IpNetwork } from "../../lib/ip-address.js";

/** The networks a call may reach besides public addresses (OUTBOUND_ALLOWED_NETWORKS); "any" = no limit. */
export type AllowedNetworks = readonly IpNetwork[] | "any";

/** `fetch` as the outbound calls use it: the global Request/Response types, one connection policy. */
export type OutboundFetch = (url: string | URL, init: RequestInit) => Promise<Response>;

/** The code an outbound call's failure carries (error.cause.code) when the policy refused its address. */
export const EGRESS_REFUSED = "EGRESS_REFUSED";

/** Why a connection was not made: the address is not public and no allowed network holds it. */
export class EgressRefusedError extends Error {
  readonly code = EGRESS_REFUSED;
  constructor(
    readonly host: string,
    readonly address: string,
  ) {
    super(
      `${host === address ? address : `${host} resolves to ${address}, which`} is not a public address, and OUTBOUND_ALLOWED_NETWORKS does not allow it`,
    );
    this.name = "EgressRefusedError";
  }
}

/**
 * IPv4 blocks that are not the public internet (IANA's special-purpose registry): this host, private,
 * shared (carrier NAT), loopback, link-local (cloud metadata services live at 169.254.169.254), protocol
 * assignments, documentation, benchmarking, multicast and reserved.
 */
const NON_PUBLIC_IPV4: readonly [string, number][] = [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.0.2.0", 24],
  ["192.88.99.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["198.51.100.0", 24],
  ["203.0.113.0", 24],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
];
/**
 * IPv6 outside global unicast (2000::/3) is never public; inside it, protocol assignments (Teredo among
 * them), documentation and 6to4 (which embeds any IPv4 address) are not either. IPv4-mapped addresses
 * (::ffff:a.b.c.d) are judged as the IPv4 address they carry: BlockList matches them against IPv4 rules.
 */
const GLOBAL_UNICAST_IPV6: readonly [string, number] = ["2000::", 3];
const NON_PUBLIC_IPV6_IN_GLOBAL: readonly [string, number][] = [
  ["2001::", 23],
  ["2001:db8::", 32],
  ["2002::", 16],
];
const IPV4_MAPPED = /^::ffff:/i;

const blockListOf = (networks: readonly (readonly [string, number, "ipv4" | "ipv6"])[]): BlockList => {
  const list = new BlockList();
  for (const [address, prefix, family] of networks) list.addSubnet(address, prefix, family);
  return list;
};

/** Whether the policy lets a connection go to this address (textual, no brackets). */
export function createAddressPolicy(allowed: AllowedNetworks): (address: string) => boolean {
  if (allowed === "any") return () => true;
  const allowedList = blockListOf(allowed.map((network) => [network.address, network.prefixLength, network.family]));
  const nonPublicV4 = blockListOf(NON_PUBLIC_IPV4.map(([address, prefix]) => [address, prefix, "ipv4"]));
  const globalV6 = blockListOf([[...GLOBAL_UNICAST_IPV6, "ipv6"]]);
  const nonPublicV6 = blockListOf(NON_PUBLIC_IPV6_IN_GLOBAL.map(([address, prefix]) => [address, prefix, "ipv6"]));
  return (address) => {
    const version = isIP(address);
    if (version === 0) return false;
    const family = version === 4 ? "ipv4" : "ipv6";
    if (allowedList.check(address, family)) return true;
    if (family === "ipv4") return !nonPublicV4.check(address, "ipv4");
    if (IPV4_MAPPED.test(address)) return !nonPublicV4.check(address, "ipv6");
    return globalV6.check(address, "ipv6") && !nonPublicV6.check(address, "ipv6");
  };
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * Outbound HTTP for the URLs a pool's admin chooses (triggers, event webhooks, migration sources): every
 * connection goes only to an address the policy allows. The check runs when the socket connects, on the
 * address it connects to: a name is resolved once and only its allowed addresses are dialled, so a DNS
 * answer that changes between a check and the connection (rebinding) cannot slip past it, and an address
 * written in the URL (in any of the forms URL parsing accepts) is judged the same way. Redirects are the
 * callers' to refuse (they all set `redirect: "manual"`).
 *
 * undici's own fetch and Agent, because Node's built-in fetch offers no way to choose how a connection
 * resolves and dials; undici is the library Node's fetch is built from.
 */
export function createOutboundFetch(allowed: AllowedNetworks): OutboundFetch {
  if (allowed === "any") return (url, init) => fetch(url, init);
  const isAllowed = createAddressPolicy(allowed);

  const checkedLookup = (
    hostname: string,
    options: LookupOneOptions | LookupAllOptions,
    callback: LookupCallback,
  ): void => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, []);
      const usable = addresses.filter((entry) => isAllowed(entry.address));
      if (usable.length === 0)
        return callback(new EgressRefusedError(hostname, addresses[0]?.address ?? "no address"), []);
      if (options.all) return callback(null, usable);
      callback(null, usable[0]!.address, usable[0]!.family);
    });
  };
  const connect = buildConnector({ lookup: checkedLookup } as buildConnector.BuildOptions);
  const agent = new Agent({
    // A literal address in the URL never reaches lookup (net.connect dials it as it is): judged here.
    connect(options, callback) {
      const hostname = options.hostname.replace(/^\[(.*)\]$/, "$1");
      if (isIP(hostname) !== 0 && !isAllowed(hostname)) {
        callback(new EgressRefusedError(hostname, hostname), null);
        return;
      }
      connect(options, callback);
    },
  });
  return (url, init) =>
    undiciFetch(url, {
      ...(init as Parameters<typeof undiciFetch>[1]),
      dispatcher: agent,
    }) as unknown as Promise<Response>;
}

/** The policy's refusal behind a failed fetch, if that is why it failed. */
export function egressRefusalOf(error: unknown): EgressRefusedError | null {
  const cause = (error as { cause?: unknown } | null)?.cause;
  return cause instanceof EgressRefusedError ? cause : error instanceof EgressRefusedError ? error : null;
}

/** The answer's body as text, refused (and the connection released) once it passes maxBytes. */
export async function readBodyLimited(response: Response, maxBytes: number): Promise<string> {
  if (!response.body) return "";
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw new AnswerTooLargeError(maxBytes);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

export class AnswerTooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`the answer is larger than ${maxBytes} bytes`);
    this.name = "AnswerTooLargeError";
  }
}
