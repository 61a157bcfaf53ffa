import { describe, expect, it } from "vitest";
import { limitBlockOf, parseIpNetwork } from "../../src/lib/ip-address.js";

describe("limitBlockOf", () => {
  it("counts an IPv4 address alone, and an IPv4-mapped IPv6 address as its IPv4 address in either spelling", () => {
    expect(limitBlockOf("203.0.113.7")).toBe("203.0.113.7");
    expect(limitBlockOf("::ffff:203.0.113.7")).toBe("203.0.113.7");
    expect(limitBlockOf("::FFFF:cb00:7107")).toBe("203.0.113.7");
  });

  it("counts an IPv6 address by its /64, however the address is written", () => {
    for (const address of [
      "2001:db8:1:2:3:4:5:6",
      "2001:0db8:0001:0002:ffff:ffff:ffff:ffff",
      "2001:db8:1:2::",
      "2001:DB8:1:2::9",
      "2001:db8:1:2:a::1.2.3.4",
      "2001:db8:1:2::1%eth0",
    ])
      expect(limitBlockOf(address), address).toBe("2001:db8:1:2::/64");
    expect(limitBlockOf("2001:db8:1:3::1")).toBe("2001:db8:1:3::/64");
    expect(limitBlockOf("::1")).toBe("0:0:0:0::/64");
    expect(limitBlockOf("fe80::1")).toBe("fe80:0:0:0::/64");
  });

  it("returns anything that is not an address as it is", () => {
    expect(limitBlockOf("unknown")).toBe("unknown");
  });
});

describe("parseIpNetwork", () => {
  it("reads addresses and CIDR blocks, bracketed IPv6 included, and refuses anything else", () => {
    expect(parseIpNetwork("10.0.0.0/8")).toEqual({ address: "10.0.0.0", prefixLength: 8, family: "ipv4" });
    expect(parseIpNetwork("[::1]")).toEqual({ address: "::1", prefixLength: 128, family: "ipv6" });
    for (const text of ["localhost", "10.0.0.0/33", "::/129", "10.0.0.0/", "10.0.0.0/-1", "10.0.0.0/8/8"])
      expect(parseIpNetwork(text), text).toBeNull();
  });
});
