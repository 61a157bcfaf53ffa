import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createCodeHasher, createPasswordHasher } from "../../src/infra/crypto/password-hasher.js";

describe("password hasher", () => {
  const hasher = createPasswordHasher({ secretsKey: randomBytes(32), bcryptCost: 4 });

  it("never truncates: passwords equal in their first 72 bytes but different after still differ", async () => {
    const prefix = "a".repeat(72);
    const hash = await hasher.hash(`${prefix}X`);
    expect(hash).toMatch(/^\$2[aby]\$04\$/);
    expect(await hasher.verify(`${prefix}X`, hash)).toBe(true);
    expect(await hasher.verify(`${prefix}Y`, hash)).toBe(false);
    expect(await hasher.verify(prefix, hash)).toBe(false);
  });

  it("depends on the server's secret: the same password under another key does not verify", async () => {
    const other = createPasswordHasher({ secretsKey: randomBytes(32), bcryptCost: 4 });
    expect(await other.verify("Passw0rd!", await hasher.hash("Passw0rd!"))).toBe(false);
  });

  it("keys code hashes so a 6-digit code cannot be looked up without the secret", () => {
    const codes = createCodeHasher(randomBytes(32));
    expect(codes.hashCode("user:SIGN_UP", "123456")).toMatch(/^[0-9a-f]{64}$/);
    expect(codes.hashCode("user:SIGN_UP", "123456")).not.toBe(
      createCodeHasher(randomBytes(32)).hashCode("user:SIGN_UP", "123456"),
    );
    expect(codes.hashCode("user:SIGN_UP", "123456")).not.toBe(codes.hashCode("user:FORGOT_PASSWORD", "123456"));
  });
});
