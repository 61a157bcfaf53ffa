// proxy-addr ships no types (Express's own dependency; @types/proxy-addr is not installed): the part the gateway uses.
declare module "proxy-addr" {
  import type { IncomingMessage } from "node:http";

  /** Says whether the hop `address`, `index` hops from the socket (0 = the socket's peer), is a trusted proxy. */
  type TrustFunction = (address: string, index: number) => boolean;

  /** The client's address: the nearest address in X-Forwarded-For (or the socket's) that `trust` does not trust. */
  function proxyaddr(request: IncomingMessage, trust: TrustFunction | string | string[]): string;
  namespace proxyaddr {
    /** Every address from the socket outwards, stopping after the first untrusted one. */
    function all(request: IncomingMessage, trust?: TrustFunction | string | string[]): string[];
    /** Compiles addresses, CIDRs and the names loopback, linklocal, uniquelocal; throws TypeError on a bad one. */
    function compile(value: string | string[]): TrustFunction;
  }
  export = proxyaddr;
}
