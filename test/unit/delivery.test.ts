import { describe, expect, it } from "vitest";
import { maskDestination, simulatedTarget } from "../../src/core/messaging/delivery.js";
import { DEFAULT_POOL_SETTINGS } from "../../src/core/pools/user-pool.defaults.js";
import type { UserPool } from "../../src/core/pools/user-pool.types.js";

const pool = { ...DEFAULT_POOL_SETTINGS, name: "p", id: "local_x", schemaAttributes: [], createdAt: new Date(0), updatedAt: new Date(0) } as UserPool;

describe("delivery details", () => {
  it("masks like Cognito", () => {
    expect(maskDestination("email", "jane@example.com")).toBe("j***@e***");
    expect(maskDestination("phone_number", "+14325551212")).toBe("+*******1212");
  });

  it("simulates a plausible, stable destination for any unknown name", () => {
    for (const name of ["a", "z", "zz", "yz", "ghost", "Ünïcode", "x".repeat(128)]) {
      const details = simulatedTarget(pool, name, "FORGOT_PASSWORD");
      expect(details.destination, name).toMatch(/^[a-z]\*\*\*@[a-z]\*\*\*$/);
      expect(simulatedTarget(pool, name, "FORGOT_PASSWORD")).toEqual(details);
    }
  });
});
