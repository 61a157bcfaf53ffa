import { describe, expect, it } from "vitest";
import { computeX, createVerifier, modPowG, N_HEX, padHex, sha256Hex } from "../../src/infra/crypto/srp.js";

/** Known-answer values from cognito-reference §4.10, produced by a server that real clients accepted. */
describe("Cognito SRP primitives", () => {
  it("pads like Java's BigInteger.toByteArray()", () => {
    expect(padHex("c8")).toBe("00c8");
    expect(padHex("ec")).toBe("00ec");
    expect(padHex("14")).toBe("14");
    expect(padHex("abc")).toBe("0abc");
    expect(padHex("0001")).toBe("01");
  });

  it("derives k from PAD(N) || PAD(g)", () => {
    expect(sha256Hex(Buffer.from(padHex(N_HEX) + padHex("2"), "hex"))).toBe(
      "538282c4354742d7cbbde2359fcf67f9f5b3a6b08791e5011b43b8a5b66d9ee6",
    );
  });

  it("matches the reference x and v for alice / Passw0rd! in pool AbCdEf123", () => {
    const x = computeX("b1a2c3d4e5f60718293a4b5c6d7e8f90", "AbCdEf123", "alice", "Passw0rd!");
    expect(x.toString("hex")).toBe("4712bef9faf39702052fd2ecfca1ee746e3519b3892cec96dd1c676b6d1f5135");
    expect(modPowG(x).toString("hex").replace(/^0+/, "").startsWith("30b569ec45fafabb2b5370f1e48d09f0")).toBe(true);
    const { saltHex, verifierHex } = createVerifier(
      "local_AbCdEf123",
      "alice",
      "Passw0rd!",
      Buffer.from("b1a2c3d4e5f60718293a4b5c6d7e8f90", "hex"),
    );
    expect(saltHex).toBe("b1a2c3d4e5f60718293a4b5c6d7e8f90");
    expect(verifierHex.startsWith("30b569ec45fafabb2b5370f1e48d09f0")).toBe(true);
  });
});
