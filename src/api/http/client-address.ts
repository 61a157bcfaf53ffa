import type { IncomingMessage } from "node:http";
import proxyaddr from "proxy-addr";
import type { TrustProxy } from "../../config/index.js";
import type { Logger } from "../../core/ports.js";

/** Says whether the hop `address`, `hop` steps from the socket (0 = the socket's peer), is a trusted proxy. */
export type TrustFunction = (address: string, hop: number) => boolean;

export interface ClientAddresses {
  /**
   * Given to Express as `trust proxy`, so `req.ip` and `addressOf` are one resolution: the
   * per-address sign-in limit, devices' lastIpUsed and the access log all see the same address.
   */
  trust: TrustFunction;
  /**
   * The client's address as `req.ip` would be, for a request Express never sees (the edge's own paths,
   * the graphql-ws upgrade); resolved once per request.
   */
  addressOf(request: IncomingMessage): string | null;
  /** Warns once when requests carry X-Forwarded-For from a peer that is not trusted; the edge calls it for every request. */
  noticeForwarding(request: IncomingMessage): void;
}

/** Where a request keeps its resolved address (X-Forwarded-For is walked once, not per reader). */
const ADDRESS = Symbol("clientAddress");
type ResolvedRequest = IncomingMessage & { [ADDRESS]?: string | null };

/** The trust function Express would compile from the same setting (express/lib/utils compileTrust). */
function compileTrust(setting: TrustProxy): TrustFunction {
  if (typeof setting === "number") return (_address, hop) => hop < setting;
  return proxyaddr.compile([...setting]);
}

/**
 * Resolves client addresses behind proxies (TRUST_PROXY). X-Forwarded-For is believed only as far as
 * it was written by trusted hops: every client can write the header itself, and believing it from
 * anyone would let one client pose as endless addresses and escape the per-address sign-in limit.
 */
export function createClientAddresses(setting: TrustProxy, logger: Logger): ClientAddresses {
  const trust = compileTrust(setting);
  // Once per gateway (one per process): a misconfigured proxy would otherwise log on every request.
  let hasWarned = false;
  const notice = (request: IncomingMessage) => {
    if (hasWarned || request.headers["x-forwarded-for"] === undefined) return;
    const peer = request.socket.remoteAddress;
    if (peer === undefined || trust(peer, 0)) return;
    hasWarned = true;
    const suggestion = proxyaddr.compile("loopback")(peer, 0) ? "loopback" : peer.replace(/^::ffff:(?=\d+\.)/, "");
    logger.warn(
      { peer, trustProxy: typeof setting === "number" ? setting : setting.join(",") },
      `requests carry X-Forwarded-For from ${peer}, which is not trusted: set TRUST_PROXY=${suggestion} (or the number of proxies in front of the gateway, e.g. 1) to use the client address; until then the proxy's address is the client's, and all its clients share one sign-in failure limit`,
    );
  };
  return {
    trust,
    addressOf(request) {
      const resolved = request as ResolvedRequest;
      if (resolved[ADDRESS] !== undefined) return resolved[ADDRESS];
      notice(request);
      const address = proxyaddr(request, trust) ?? request.socket.remoteAddress ?? null;
      // Not kept while the socket's peer is unknown (a closed socket): a later read may still find it.
      if (address !== null) resolved[ADDRESS] = address;
      return address;
    },
    noticeForwarding: notice,
  };
}
