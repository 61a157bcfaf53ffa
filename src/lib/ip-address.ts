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

/**
 * The block an address-based limit counts an address in: an IPv4 address alone (an IPv4-mapped IPv6
 * address as its IPv4 address), an IPv6 address by its /64. One IPv6 host is routinely given a whole /64
 * and picks any address in it, so counting single IPv6 addresses would give it 2^64 separate limits.
 * Anything that is not an address is returned as it is.
 */
export function limitBlockOf(address: string): string {
  const bare = address.split("%")[0]!;
  if (isIP(bare) !== 6) return address;
  const halves = bare.toLowerCase().split("::");
  const groupsOf = (part: string | undefined): string[] => {
    if (!part) return [];
    const groups = part.split(":");
    const last = groups[groups.length - 1]!;
    // A trailing dotted IPv4 (::ffff:1.2.3.4) stands for the last two groups.
    if (last.includes(".")) {
      const [a, b, c, d] = last.split(".").map(Number) as [number, number, number, number];
      groups.splice(-1, 1, ((a << 8) | b).toString(16), ((c << 8) | d).toString(16));
    }
    return groups;
  };
  const head = groupsOf(halves[0]);
  const tail = groupsOf(halves[1]);
  const groups = [...head, ...Array<string>(8 - head.length - tail.length).fill("0"), ...tail].map((group) =>
    parseInt(group, 16),
  );
  if (groups.slice(0, 5).every((group) => group === 0) && groups[5] === 0xffff)
    return [groups[6]! >> 8, groups[6]! & 0xff, groups[7]! >> 8, groups[7]! & 0xff].join(".");
  return `${groups
    .slice(0, 4)
    .map((group) => group.toString(16))
    .join(":")}::/64`;
}
