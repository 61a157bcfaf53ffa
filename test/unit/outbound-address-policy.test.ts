import { describe, expect, it } from "vitest";
import { createAddressPolicy } from "../../src/infra/outbound/outbound-fetch.js";

describe("the outbound address policy", () => {
  const publicOnly = createAddressPolicy([]);

  it("lets public IPv4 and global IPv6 addresses through, and IPv4-mapped forms of public ones", () => {
    for (const address of [
      "8.8.8.8",
      "1.1.1.1",
      "52.94.236.248",
      "2606:4700:4700::1111",
      "::ffff:8.8.8.8",
      "::ffff:808:808",
    ])
      expect(publicOnly(address), address).toBe(true);
  });

  it("refuses loopback, private, shared, link-local, documentation, multicast and reserved blocks in either family", () => {
    const refused = [
      "0.0.0.0",
      "127.0.0.1",
      "127.255.255.254",
      "10.1.2.3",
      "172.16.0.1",
      "172.31.255.255",
      "192.168.1.1",
      "100.64.0.1",
      "169.254.169.254",
      "192.0.2.1",
      "198.18.0.1",
      "224.0.0.1",
      "255.255.255.255",
      "::",
      "::1",
      "::ffff:127.0.0.1",
      "::ffff:7f00:1",
      "::ffff:a9fe:a9fe",
      "64:ff9b::a9fe:a9fe",
      "fc00::1",
      "fd12:3456::1",
      "fe80::1",
      "ff02::1",
      "2001:db8::1",
      "2002:7f00:1::1",
      "2001:0:4136:e378::1",
      "not-an-address",
    ];
    for (const address of refused) expect(publicOnly(address), address).toBe(false);
  });

  it("lets an allowed network through and nothing beside it", () => {
    const allowed = createAddressPolicy([
      { address: "10.20.0.0", prefixLength: 16, family: "ipv4" },
      { address: "::1", prefixLength: 128, family: "ipv6" },
    ]);
    expect(allowed("10.20.5.6")).toBe(true);
    expect(allowed("::ffff:10.20.5.6")).toBe(true);
    expect(allowed("::1")).toBe(true);
    expect(allowed("10.21.0.1")).toBe(false);
    expect(allowed("127.0.0.1")).toBe(false);
    expect(allowed("169.254.169.254")).toBe(false);
    expect(allowed("8.8.8.8")).toBe(true);
    expect(createAddressPolicy("any")("169.254.169.254")).toBe(true);
  });
});
