import { afterAll, describe, expect, it } from "vitest";
import { computeServerB, createSrpServer } from "../../src/infra/crypto/srp-server.js";
import { createSrpServerPool } from "../../src/infra/crypto/srp-workers.js";
import { createVerifier, modPowG, toTransportHex } from "../../src/infra/crypto/srp.js";

/** The §4.10 vector's inputs (cognito-reference), and its signature. */
const poolId = "us-east-1_AbCdEf123";
const { verifierHex } = createVerifier(
  poolId,
  "alice",
  "Passw0rd!",
  Buffer.from("b1a2c3d4e5f60718293a4b5c6d7e8f90", "hex"),
);
const b = Buffer.alloc(32, 0x22);
const signatureArgs = {
  name: "AbCdEf123",
  userId: "alice",
  verifierHex,
  saltHex: "b1a2c3d4e5f60718293a4b5c6d7e8f90",
  aHex: toTransportHex(modPowG(Buffer.alloc(128, 0x11))),
  bHex: toTransportHex(b),
  bigBHex: computeServerB(verifierHex, b)!,
  secretBlockBase64: Buffer.from("opaque-secret-block", "utf8").toString("base64"),
  timestamp: "Tue Nov 3 09:05:07 UTC 2026",
};
const VECTOR_SIGNATURE = "f8YRBz2ENVt5NVpWPdSJRbVl3avKFYWIRRZwbFeoaWg=";

describe.each([0, 2])("SRP server pool with %i worker threads", (workers) => {
  const pool = createSrpServerPool({ workers });
  afterAll(() => pool.close());

  it("computes what the inline math computes, for many calls in flight at once", async () => {
    const signatures = await Promise.all(Array.from({ length: 8 }, () => pool.expectedSignature(signatureArgs)));
    expect(new Set(signatures)).toEqual(new Set([VECTOR_SIGNATURE]));
    const challenges = await Promise.all(Array.from({ length: 8 }, () => pool.startChallenge(verifierHex)));
    for (const { bHex, bigBHex } of challenges)
      expect(bigBHex).toBe(computeServerB(verifierHex, Buffer.from(bHex.padStart(64, "0"), "hex")));
    expect(new Set(challenges.map((challenge) => challenge.bHex)).size).toBe(8);
    expect(pool.isAcceptableA(signatureArgs.aHex)).toBe(true);
    expect(pool.isAcceptableA("0")).toBe(false);
  });

  it("rejects a call whose computation throws, with nothing of its input in the error, and keeps serving", async () => {
    const secretLooking = "not-a-verifier-SECRET";
    const failure = await pool.startChallenge(secretLooking).then(
      () => null,
      (error: Error) => error,
    );
    expect(failure).toBeInstanceOf(Error);
    expect(failure!.message).not.toContain("SECRET");
    // Inline the math throws its own (input-free) message; a worker thread reports a fixed one.
    if (workers > 0) expect(failure!.message).toBe("SRP computation failed in a worker thread");
    await expect(pool.expectedSignature(signatureArgs)).resolves.toBe(VECTOR_SIGNATURE);
  });
});

describe("SRP server pool: close()", () => {
  it("stops the threads; later calls fail, and closing twice is harmless", async () => {
    const pool = createSrpServerPool({ workers: 1 });
    await expect(pool.expectedSignature(signatureArgs)).resolves.toBe(
      createSrpServer().expectedSignature(signatureArgs),
    );
    const inFlight = pool.expectedSignature(signatureArgs).then(
      () => "resolved",
      (error: Error) => error.message,
    );
    await pool.close();
    // Either it finished before the thread stopped, or it fails: it never hangs.
    expect(["resolved", "SRP workers are closed"]).toContain(await inFlight);
    await expect(pool.startChallenge(verifierHex)).rejects.toThrow("SRP workers are closed");
    await pool.close();
  });
});
