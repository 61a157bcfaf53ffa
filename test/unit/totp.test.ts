import { generateSync, ScureBase32Plugin } from "otplib";
import { describe, expect, it } from "vitest";
import { createTotpEngine, totpStepAt } from "../../src/infra/crypto/totp.js";

/** RFC 6238 Appendix B, SHA-1: the 20-byte ASCII seed "12345678901234567890", in base32. */
const RFC_SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
const RFC_VECTORS: [unixSeconds: number, step: number, eightDigits: string][] = [
  [59, 0x1, "94287082"],
  [1111111109, 0x23523ec, "07081804"],
  [1111111111, 0x23523ed, "14050471"],
  [1234567890, 0x273ef07, "89005924"],
  [2000000000, 0x3f940aa, "69279037"],
  [20000000000, 0x27bc86aa, "65353130"],
];

/** The code of a step, as an authenticator app computes it (otplib, independent of the engine's options). */
const codeAt = (step: number, digits: 6 | 8 = 6) => generateSync({ secret: RFC_SECRET, epoch: step * 30, digits });

describe("TOTP engine (RFC 6238, SHA-1, 6 digits, 30-second steps)", () => {
  const engine = createTotpEngine();

  it.each(RFC_VECTORS)("matches the RFC 6238 vector at T=%i", (unixSeconds, step, eightDigits) => {
    expect(totpStepAt(unixSeconds * 1000)).toBe(step);
    expect(codeAt(step, 8)).toBe(eightDigits);
    // The 6-digit code is the same truncation taken modulo 10^6: the last six digits.
    expect(codeAt(step)).toBe(eightDigits.slice(2));
    expect(engine.verify(RFC_SECRET, eightDigits.slice(2), unixSeconds * 1000)).toEqual({ ok: true, step });
  });

  it("accepts exactly one step of drift either side, and refuses two", () => {
    const atMs = 1_234_567_890_000;
    const current = totpStepAt(atMs);
    for (const offset of [-1, 0, 1])
      expect(engine.verify(RFC_SECRET, codeAt(current + offset), atMs)).toEqual({ ok: true, step: current + offset });
    for (const offset of [-3, -2, 2, 3])
      expect(engine.verify(RFC_SECRET, codeAt(current + offset), atMs)).toEqual({ ok: false });
  });

  it("never accepts a step at or before the last used one (replay)", () => {
    const atMs = 1_234_567_890_000;
    const current = totpStepAt(atMs);
    const code = codeAt(current);
    expect(engine.verify(RFC_SECRET, code, atMs, { afterStep: current - 1 })).toEqual({ ok: true, step: current });
    expect(engine.verify(RFC_SECRET, code, atMs, { afterStep: current })).toEqual({ ok: false });
    expect(engine.verify(RFC_SECRET, codeAt(current - 1), atMs, { afterStep: current })).toEqual({ ok: false });
    expect(engine.verify(RFC_SECRET, codeAt(current + 1), atMs, { afterStep: current })).toEqual({
      ok: true,
      step: current + 1,
    });
  });

  it("refuses malformed codes and secrets", () => {
    const atMs = 59_000;
    for (const code of ["", "28708", "2870820", "28708a", " 287082"])
      expect(engine.verify(RFC_SECRET, code, atMs)).toEqual({ ok: false });
    expect(engine.verify("not base32!", "287082", atMs)).toEqual({ ok: false });
    // Shorter than 128 bits (RFC 4226 R6): refused rather than used.
    expect(engine.verify("MZXW6YTBOI", "287082", atMs)).toEqual({ ok: false });
  });

  it("makes 160-bit base32 secrets, each different", () => {
    const secrets = new Set(Array.from({ length: 50 }, () => engine.generateSecret()));
    expect(secrets.size).toBe(50);
    for (const secret of secrets) {
      expect(secret).toMatch(/^[A-Z2-7]{32}$/);
      expect(new ScureBase32Plugin().decode(secret)).toHaveLength(20);
    }
  });

  it("refuses every code once the whole window is at or below the last used step", () => {
    const atMs = 1_234_567_890_000;
    const current = totpStepAt(atMs);
    for (const afterStep of [current + 1, current + 5]) {
      for (const offset of [-1, 0, 1])
        expect(engine.verify(RFC_SECRET, codeAt(current + offset), atMs, { afterStep })).toEqual({ ok: false });
    }
    expect(engine.verify(RFC_SECRET, codeAt(0), 10_000, { afterStep: -1 })).toEqual({ ok: true, step: 0 });
  });

  it("writes the key URI with the issuer in the label and as a parameter, percent-encoded", () => {
    const uri = engine.keyUri({ issuer: "My Pool+1", accountName: "ada@example.com", secret: RFC_SECRET });
    expect(uri).toBe(
      `otpauth://totp/My%20Pool%2B1:ada%40example.com?secret=${RFC_SECRET}&issuer=My%20Pool%2B1&algorithm=SHA1&digits=6&period=30`,
    );
    // A colon in the account name is encoded, so the issuer/account split stays unambiguous.
    expect(engine.keyUri({ issuer: "Pool", accountName: "a:b", secret: RFC_SECRET })).toMatch(
      /^otpauth:\/\/totp\/Pool:a%3Ab\?/,
    );
  });
});
