import { randomBytes, randomInt, randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { computeServerB, createSrpServer } from "../../src/infra/crypto/srp-server.js";
import { createVerifier, poolNameOf } from "../../src/infra/crypto/srp.js";
import { formatSrpTimestamp } from "../../src/lib/srp-timestamp.js";
import { createFastSrpClient } from "../support/fast-srp-client.js";

/** The load generator's SRP client (test/bench) must produce proofs the real server accepts. */
const srp = createSrpServer();

/** A user's stored salt and verifier, and what the server puts in (and signs with) its challenge. */
function userFor(poolId: string, username: string, password: string) {
  const { saltHex, verifierHex } = createVerifier(poolId, username, password);
  return {
    saltHex,
    verifierHex,
    secretBlock: randomBytes(48).toString("base64"),
    timestamp: formatSrpTimestamp(new Date()),
  };
}

describe("fast SRP client (BigInt + OpenSSL)", () => {
  it("reproduces the §4.10 known-answer signature", () => {
    const { verifierHex } = createVerifier(
      "us-east-1_AbCdEf123",
      "alice",
      "Passw0rd!",
      Buffer.from("b1a2c3d4e5f60718293a4b5c6d7e8f90", "hex"),
    );
    const client = createFastSrpClient("us-east-1_AbCdEf123", { privateKey: Buffer.alloc(128, 0x11) });
    const answer = client.answer(
      {
        SALT: "b1a2c3d4e5f60718293a4b5c6d7e8f90",
        SRP_B: computeServerB(verifierHex, Buffer.alloc(32, 0x22))!,
        SECRET_BLOCK: Buffer.from("opaque-secret-block").toString("base64"),
        USER_ID_FOR_SRP: "alice",
      },
      "Passw0rd!",
      "Tue Nov 3 09:05:07 UTC 2026",
    );
    expect(answer.PASSWORD_CLAIM_SIGNATURE).toBe("f8YRBz2ENVt5NVpWPdSJRbVl3avKFYWIRRZwbFeoaWg=");
  });

  it.each([32, 128])(
    "is accepted by createSrpServer().expectedSignature for random users (a of %i bytes)",
    (privateKeyBytes) => {
      const gxCache = new Map<string, bigint>();
      for (let i = 0; i < 6; i++) {
        const poolId = `local_${randomBytes(6).toString("hex")}`;
        const username = i % 2 === 0 ? `user-${randomBytes(4).toString("hex")}` : randomUUID();
        const password = `P@ss-${randomBytes(randomInt(4, 40)).toString("base64")}ü`;
        const { saltHex, verifierHex, secretBlock, timestamp } = userFor(poolId, username, password);
        // Twice per user: the second answer takes g^x from the cache.
        for (let round = 0; round < 2; round++) {
          const client = createFastSrpClient(poolId, { privateKeyBytes, gxCache });
          const { bHex, bigBHex } = srp.startChallenge(verifierHex);
          const answer = client.answer(
            { SALT: saltHex, SRP_B: bigBHex, SECRET_BLOCK: secretBlock, USER_ID_FOR_SRP: username },
            password,
            timestamp,
          );
          const expected = srp.expectedSignature({
            name: poolNameOf(poolId),
            userId: username,
            verifierHex,
            saltHex,
            aHex: client.srpA,
            bHex,
            bigBHex,
            secretBlockBase64: secretBlock,
            timestamp,
          });
          expect(answer).toEqual({
            USERNAME: username,
            PASSWORD_CLAIM_SECRET_BLOCK: secretBlock,
            PASSWORD_CLAIM_SIGNATURE: expected,
            TIMESTAMP: timestamp,
          });
        }
      }
    },
  );

  it("produces a signature the server refuses for a wrong password", () => {
    const poolId = "local_wrongpw";
    const { saltHex, verifierHex, secretBlock, timestamp } = userFor(poolId, "bob", "Right-Passw0rd");
    const client = createFastSrpClient(poolId, { privateKeyBytes: 32 });
    const { bHex, bigBHex } = srp.startChallenge(verifierHex);
    const answer = client.answer(
      { SALT: saltHex, SRP_B: bigBHex, SECRET_BLOCK: secretBlock, USER_ID_FOR_SRP: "bob" },
      "Wrong-Passw0rd",
      timestamp,
    );
    const expected = srp.expectedSignature({
      name: poolNameOf(poolId),
      userId: "bob",
      verifierHex,
      saltHex,
      aHex: client.srpA,
      bHex,
      bigBHex,
      secretBlockBase64: secretBlock,
      timestamp,
    });
    expect(answer.PASSWORD_CLAIM_SIGNATURE).not.toBe(expected);
  });
});
