import { isIP } from "node:net";

/** True for a textual IPv4 or IPv6 address (no ports, no brackets). */
export const isIpAddress = (text: string): boolean => isIP(text) !== 0;

/** A block of addresses, `address/prefixLength` (a lone address is its own /32 or /128). */
export interface IpNetwork {
  address: string;
  prefixLength: number;
  family: "ipv4" | "ipv6";
}

/** Reads `10.0.0.0/8`, `fd00::/8`, `127.0.0.1` or `[::1]`; null when it is not one of those. */
export function parseIpNetwork(text: string): IpNetwork | null {
  const slashAt = text.indexOf("/");
  let address = slashAt === -1 ? text : text.slice(0, slashAt);
  if (address.startsWith("[") && address.endsWith("]")) address = address.slice(1, -1);
  const version = isIP(address);
  if (version === 0) return null;
  const maxPrefix = version === 4 ? 32 : 128;
  const prefixText = slashAt === -1 ? String(maxPrefix) : text.slice(slashAt + 1);
  if (!/^\d{1,3}$/.test(prefixText)) return null;
  const prefixLength = Number(prefixText);
  if (prefixLength > maxPrefix) return null;
  return { address, prefixLength, family: version === 4 ? "ipv4" : "ipv6" };
}
