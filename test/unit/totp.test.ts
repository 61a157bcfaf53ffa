import { describe, expect, it } from "vitest";
import { createTotpEngine, totpCode, totpStepAt } from "../../src/infra/crypto/totp.js";
import { base32Decode, base32Encode } from "../../src/lib/base32.js";

/** RFC 6238 Appendix B, SHA-1: the 20-byte ASCII seed "12345678901234567890". */
const RFC_SEED = Buffer.from("12345678901234567890", "ascii");
const RFC_SECRET = base32Encode(RFC_SEED);
const RFC_VECTORS: [unixSeconds: number, step: number, eightDigits: string][] = [
  [59, 0x1, "94287082"],
  [1111111109, 0x23523ec, "07081804"],
  [1111111111, 0x23523ed, "14050471"],
  [1234567890, 0x273ef07, "89005924"],
  [2000000000, 0x3f940aa, "69279037"],
  [20000000000, 0x27bc86aa, "65353130"],
];

describe("base32 (RFC 4648)", () => {
  it("encodes the RFC 4648 test strings (without padding) and decodes them back", () => {
    const vectors: [string, string][] = [["", ""], ["f", "MY"], ["fo", "MZXQ"], ["foo", "MZXW6"], ["foob", "MZXW6YQ"], ["fooba", "MZXW6YTB"], ["foobar", "MZXW6YTBOI"]];
    for (const [plain, encoded] of vectors) {
      expect(base32Encode(Buffer.from(plain))).toBe(encoded);
      expect(base32Decode(encoded)?.toString()).toBe(plain);
    }
    expect(RFC_SECRET).toBe("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
  });

  it("tolerates case, spaces and padding, and refuses other characters", () => {
    expect(base32Decode("mzxw 6ytb oi======")?.toString()).toBe("foobar");
    expect(base32Decode("MZXW1")).toBeNull();
  });
});

describe("TOTP engine (RFC 6238, SHA-1, 6 digits, 30-second steps)", () => {
  const engine = createTotpEngine();

  it.each(RFC_VECTORS)("matches the RFC 6238 vector at T=%i", (unixSeconds, step, eightDigits) => {
    expect(totpStepAt(unixSeconds * 1000)).toBe(step);
    expect(totpCode(RFC_SEED, step, 8)).toBe(eightDigits);
    // The 6-digit code is the same truncation taken modulo 10^6: the last six digits.
    expect(totpCode(RFC_SEED, step)).toBe(eightDigits.slice(2));
    expect(engine.verify(RFC_SECRET, eightDigits.slice(2), unixSeconds * 1000)).toEqual({ ok: true, step });
  });

  it("accepts exactly one step of drift either side, and refuses two", () => {
    const atMs = 1_234_567_890_000;
    const current = totpStepAt(atMs);
    for (const offset of [-1, 0, 1]) expect(engine.verify(RFC_SECRET, totpCode(RFC_SEED, current + offset), atMs)).toEqual({ ok: true, step: current + offset });
    for (const offset of [-3, -2, 2, 3]) expect(engine.verify(RFC_SECRET, totpCode(RFC_SEED, current + offset), atMs)).toEqual({ ok: false });
  });

  it("never accepts a step at or before the last used one (replay)", () => {
    const atMs = 1_234_567_890_000;
    const current = totpStepAt(atMs);
    const code = totpCode(RFC_SEED, current);
    expect(engine.verify(RFC_SECRET, code, atMs, { afterStep: current - 1 })).toEqual({ ok: true, step: current });
    expect(engine.verify(RFC_SECRET, code, atMs, { afterStep: current })).toEqual({ ok: false });
    expect(engine.verify(RFC_SECRET, totpCode(RFC_SEED, current - 1), atMs, { afterStep: current })).toEqual({ ok: false });
    expect(engine.verify(RFC_SECRET, totpCode(RFC_SEED, current + 1), atMs, { afterStep: current })).toEqual({ ok: true, step: current + 1 });
  });

  it("refuses malformed codes and secrets", () => {
    const atMs = 59_000;
    for (const code of ["", "28708", "2870820", "28708a", " 287082"]) expect(engine.verify(RFC_SECRET, code, atMs)).toEqual({ ok: false });
    expect(engine.verify("not base32!", "287082", atMs)).toEqual({ ok: false });
  });

  it("makes 160-bit base32 secrets, each different", () => {
    const secrets = new Set(Array.from({ length: 50 }, () => engine.generateSecret()));
    expect(secrets.size).toBe(50);
    for (const secret of secrets) {
      expect(secret).toMatch(/^[A-Z2-7]{32}$/);
      expect(base32Decode(secret)).toHaveLength(20);
    }
  });

  it("writes the key URI with the issuer in the label and as a parameter, percent-encoded", () => {
    const uri = engine.keyUri({ issuer: "My Pool+1", accountName: "ada@example.com", secret: RFC_SECRET });
    expect(uri).toBe(`otpauth://totp/My%20Pool%2B1:ada%40example.com?secret=${RFC_SECRET}&issuer=My%20Pool%2B1&algorithm=SHA1&digits=6&period=30`);
  });
});
