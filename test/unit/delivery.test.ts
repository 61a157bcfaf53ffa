import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { maskDestination } from "../../src/core/messaging/delivery.js";
import { simulatedDeliveryDetails } from "../../src/core/messaging/simulated-delivery.js";
import { DEFAULT_POOL_SETTINGS } from "../../src/core/pools/user-pool.defaults.js";
import type { UserPool } from "../../src/core/pools/user-pool.types.js";

const pool = {
  ...DEFAULT_POOL_SETTINGS,
  name: "p",
  id: "local_x",
  schemaAttributes: [],
  createdAt: new Date(0),
  updatedAt: new Date(0),
} as UserPool;
const digestOf = (key: string, name: string) => createHmac("sha256", key).update(name).digest("hex");

describe("delivery details", () => {
  it("masks like Cognito", () => {
    expect(maskDestination("email", "jane@example.com")).toBe("j***@e***");
    expect(maskDestination("phone_number", "+14325551212")).toBe("+*******1212");
  });

  it("simulates a plausible destination that follows the digest, not the name", () => {
    const names = ["a", "z", "zz", "yz", "ghost", "Ünïcode", "x".repeat(128)];
    for (const name of names) {
      const details = simulatedDeliveryDetails(pool, name, "FORGOT_PASSWORD", digestOf("k1", name));
      expect(details.destination, name).toMatch(/^[a-z0-9]\*\*\*@[a-z0-9]\*\*\*$/);
      expect(simulatedDeliveryDetails(pool, name, "FORGOT_PASSWORD", digestOf("k1", name))).toEqual(details);
    }
    const underKey = (key: string) =>
      names.map((name) => simulatedDeliveryDetails(pool, name, "FORGOT_PASSWORD", digestOf(key, name)).destination);
    expect(underKey("k1")).not.toEqual(underKey("k2"));
  });

  it("draws domains and initials by popularity", () => {
    const domainInitials = new Map<string, number>();
    for (let index = 0; index < 2000; index++) {
      const domainInitial = simulatedDeliveryDetails(
        pool,
        `n${index}`,
        "FORGOT_PASSWORD",
        digestOf("k", String(index)),
      ).destination.split("@")[1]![0]!;
      domainInitials.set(domainInitial, (domainInitials.get(domainInitial) ?? 0) + 1);
    }
    // gmail.com alone is about 45% of the table.
    expect(domainInitials.get("g")! / 2000).toBeGreaterThan(0.4);
    expect(domainInitials.get("q") ?? 0).toBeLessThan(domainInitials.get("y")!);
  });

  it("goes where a typical user of the pool would be sent, masked like real addresses", () => {
    const smsPool = {
      ...pool,
      autoVerifiedAttributes: ["phone_number"],
      accountRecoverySetting: [{ name: "verified_phone_number", priority: 1 }],
    } as UserPool;
    for (const purpose of ["SIGN_UP", "FORGOT_PASSWORD"] as const) {
      const details = simulatedDeliveryDetails(smsPool, "ghost", purpose, digestOf("k", "ghost"));
      expect(details).toMatchObject({ deliveryMedium: "SMS", attributeName: "phone_number" });
      expect(details.destination).toMatch(/^\+\*{5,}\d{4}$/);
    }
    // An email that signs in is the address a user found by it would have.
    const aliasPool = { ...pool, aliasAttributes: ["email"] } as UserPool;
    expect(
      simulatedDeliveryDetails(aliasPool, "Jane@Example.com", "FORGOT_PASSWORD", digestOf("k", "j")).destination,
    ).toBe("j***@e***");
    // A real user who gets a simulated answer keeps their own address.
    expect(
      simulatedDeliveryDetails(pool, "jane", "FORGOT_PASSWORD", digestOf("k", "jane"), { email: "kim@host.org" })
        .destination,
    ).toBe("k***@h***");
  });
});
