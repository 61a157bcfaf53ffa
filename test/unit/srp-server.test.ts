import { AuthenticationHelper, DateHelper } from "amazon-cognito-identity-js";
import BigInteger from "amazon-cognito-identity-js/lib/BigInteger";
import { createRequire } from "node:module";
import { availableParallelism } from "node:os";
import { randomBytes, randomInt } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { WorkerRpc } from "../support/worker-rpc.js";
import { computeServerB, createSrpServer, deriveSessionKey } from "../../src/infra/crypto/srp-server.js";
import { createVerifier, modPowG, N_HEX, toTransportHex } from "../../src/infra/crypto/srp.js";
import { formatSrpTimestamp, parseSrpTimestamp } from "../../src/lib/srp-timestamp.js";

const N = BigInt(`0x${N_HEX}`);
const srp = createSrpServer();

/** cognito-reference §4.10: produced by the reference server and matched by the real client. */
const VECTOR = {
  poolId: "us-east-1_AbCdEf123",
  poolName: "AbCdEf123",
  userId: "alice",
  password: "Passw0rd!",
  salt: Buffer.from("b1a2c3d4e5f60718293a4b5c6d7e8f90", "hex"),
  a: Buffer.alloc(128, 0x11),
  b: Buffer.alloc(32, 0x22),
  secretBlockBase64: Buffer.from("opaque-secret-block", "utf8").toString("base64"),
  timestamp: "Tue Nov 3 09:05:07 UTC 2026",
  u: "b0b14630e6c162d75ac0482415186089631702266fa079afd55775e308eabed4",
  sessionKey: "30802e6c569d4cfd8332b6dec9a626d4",
  signature: "f8YRBz2ENVt5NVpWPdSJRbVl3avKFYWIRRZwbFeoaWg=",
};

/** The PASSWORD_CLAIM_SIGNATURE exactly as CognitoUser.authenticateUserDefaultAuth builds it. */
function clientSignature(
  helper: AuthenticationHelper,
  poolName: string,
  userIdForSrp: string,
  password: string,
  srpB: string,
  salt: string,
  secretBlock: string,
  timestamp: string,
): string {
  let hkdf: Uint8Array | undefined;
  helper.getPasswordAuthenticationKey(
    userIdForSrp,
    password,
    new BigInteger(srpB, 16),
    new BigInteger(salt, 16),
    (err, key) => {
      if (err) throw err;
      hkdf = key;
    },
  );
  const message = Buffer.concat([
    Buffer.from(poolName, "utf8"),
    Buffer.from(userIdForSrp, "utf8"),
    Buffer.from(secretBlock, "base64"),
    Buffer.from(timestamp, "utf8"),
  ]);
  // The SDK's HMAC is @aws-crypto/sha256-js keyed with K; take the copy the SDK itself resolves.
  const { Sha256 } = createRequire(require.resolve("amazon-cognito-identity-js"))("@aws-crypto/sha256-js") as {
    Sha256: new (secret?: Uint8Array) => { update(data: Uint8Array): void; digestSync(): Uint8Array };
  };
  const hash = new Sha256(hkdf);
  hash.update(message);
  return Buffer.from(hash.digestSync()).toString("base64");
}

describe("SRP server: the §4.10 known-answer vector", () => {
  const { verifierHex } = createVerifier(VECTOR.poolId, VECTOR.userId, VECTOR.password, VECTOR.salt);
  const aHex = toTransportHex(modPowG(VECTOR.a));
  const bHex = toTransportHex(VECTOR.b);
  const bigBHex = computeServerB(verifierHex, VECTOR.b)!;

  it("derives the reference u and K", () => {
    const derived = deriveSessionKey({ verifierHex, aHex, bHex, bigBHex });
    expect(derived?.uHex).toBe(VECTOR.u);
    expect(derived?.sessionKey.toString("hex")).toBe(VECTOR.sessionKey);
  });

  it("expects the reference signature", () => {
    const signature = srp.expectedSignature({
      name: VECTOR.poolName,
      userId: VECTOR.userId,
      verifierHex,
      saltHex: "b1a2c3d4e5f60718293a4b5c6d7e8f90",
      aHex,
      bHex,
      bigBHex,
      secretBlockBase64: VECTOR.secretBlockBase64,
      timestamp: VECTOR.timestamp,
    });
    expect(signature).toBe(VECTOR.signature);
  });

  it("is what the real client signs for the same a, B and salt", () => {
    const helper = new AuthenticationHelper(VECTOR.poolName);
    // Replaying the vector needs the vector's a; the helper's code stays as published.
    helper.smallAValue = new BigInteger(VECTOR.a.toString("hex"), 16);
    helper.largeAValue = undefined;
    let clientA = "";
    helper.getLargeAValue((err, value) => {
      if (err) throw err;
      clientA = value.toString(16);
    });
    expect(clientA).toBe(aHex);
    expect(
      clientSignature(
        helper,
        VECTOR.poolName,
        VECTOR.userId,
        VECTOR.password,
        bigBHex,
        toTransportHex(VECTOR.salt),
        VECTOR.secretBlockBase64,
        VECTOR.timestamp,
      ),
    ).toBe(VECTOR.signature);
  });

  it("binds the timestamp, pool name, user id and secret block into the signature", () => {
    const base = {
      name: VECTOR.poolName,
      userId: VECTOR.userId,
      verifierHex,
      saltHex: "",
      aHex,
      bHex,
      bigBHex,
      secretBlockBase64: VECTOR.secretBlockBase64,
      timestamp: VECTOR.timestamp,
    };
    for (const change of [
      { timestamp: "Tue Nov 3 09:05:08 UTC 2026" },
      { name: "AbCdEf124" },
      { userId: "Alice" },
      { secretBlockBase64: Buffer.from("opaque-secret-blocK").toString("base64") },
    ]) {
      expect(srp.expectedSignature({ ...base, ...change })).not.toBe(VECTOR.signature);
    }
  });
});

describe("SRP server: challenge and edge cases", () => {
  const { verifierHex } = createVerifier("local_pool", "bob", "correct horse");

  it("starts challenges with a fresh 256-bit b and B = k·v + g^b mod N", () => {
    const first = srp.startChallenge(verifierHex);
    const second = srp.startChallenge(verifierHex);
    expect(first.bHex).not.toBe(second.bHex);
    for (const { bHex, bigBHex } of [first, second]) {
      expect(bHex).toMatch(/^[1-9a-f][0-9a-f]{0,63}$/);
      expect(bigBHex).toMatch(/^[1-9a-f][0-9a-f]*$/);
      expect(BigInt(`0x${bigBHex}`) < N).toBe(true);
      expect(computeServerB(verifierHex, Buffer.from(bHex.padStart(64, "0"), "hex"))).toBe(bigBHex);
    }
  });

  it("refuses A values that are not hex or are ≡ 0 mod N, accepts a real A", () => {
    const realA = toTransportHex(modPowG(randomBytes(128)));
    expect(srp.isAcceptableA(realA)).toBe(true);
    expect(srp.isAcceptableA(realA.toUpperCase())).toBe(true);
    expect(srp.isAcceptableA(`00${realA}`)).toBe(true);
    for (const bad of [
      "0",
      "000",
      N_HEX,
      N_HEX.toLowerCase(),
      (2n * N).toString(16),
      (5n * N).toString(16),
      "",
      "xyz",
      "-1",
      "0x12",
      " 12",
      "12 ",
      "1".repeat(1025),
    ]) {
      expect(srp.isAcceptableA(bad), bad.slice(0, 20)).toBe(false);
    }
  });

  it("returns an unmatchable, well-formed signature instead of throwing on hostile input", () => {
    const { bHex, bigBHex } = srp.startChallenge(verifierHex);
    const args = {
      name: "pool",
      userId: "bob",
      verifierHex,
      saltHex: "not even hex",
      bHex,
      bigBHex,
      secretBlockBase64: "",
      timestamp: "",
    };
    for (const aHex of ["0", N_HEX, "zz", "1".repeat(1025)]) {
      const once = srp.expectedSignature({ ...args, aHex });
      expect(once).toMatch(/^[A-Za-z0-9+/]{43}=$/);
      expect(srp.expectedSignature({ ...args, aHex })).not.toBe(once);
    }
    // v = 1 and A = 1 make OpenSSL refuse the modexp bases; that must not escape as an exception.
    expect(srp.expectedSignature({ ...args, verifierHex: "1", aHex: "1" })).toMatch(/^[A-Za-z0-9+/]{43}=$/);
    expect(deriveSessionKey({ verifierHex: "1", aHex: "1", bHex, bigBHex })).toBeNull();
  });
});

describe("SRP TIMESTAMP", () => {
  it("accepts the canonical form", () => {
    expect(parseSrpTimestamp("Tue Nov 3 09:05:07 UTC 2026")?.toISOString()).toBe("2026-11-03T09:05:07.000Z");
    expect(parseSrpTimestamp("Thu Feb 29 23:59:59 UTC 2024")?.toISOString()).toBe("2024-02-29T23:59:59.000Z");
  });

  it.each([
    ["zero-padded day", "Tue Nov 03 09:05:07 UTC 2026"],
    ["wrong weekday", "Wed Nov 3 09:05:07 UTC 2026"],
    ["Feb 30 (rolls over to Mon Mar 2)", "Mon Feb 30 12:00:00 UTC 2026"],
    ["Feb 29 in a common year", "Sun Feb 29 12:00:00 UTC 2026"],
    ["day 32", "Tue Dec 32 12:00:00 UTC 2026"],
    ["hour 24", "Tue Nov 3 24:00:00 UTC 2026"],
    ["second 60", "Tue Nov 3 09:05:60 UTC 2026"],
    ["unpadded hour", "Tue Nov 3 9:05:07 UTC 2026"],
    ["asctime double space", "Tue Nov  3 09:05:07 UTC 2026"],
    ["other zone", "Tue Nov 3 09:05:07 GMT 2026"],
    ["lower case", "tue nov 3 09:05:07 UTC 2026"],
    ["trailing newline", "Tue Nov 3 09:05:07 UTC 2026\n"],
    ["ISO", "2026-11-03T09:05:07Z"],
    ["empty", ""],
    ["garbage", "garbage"],
  ])("refuses %s", (_label, text) => {
    expect(parseSrpTimestamp(text)).toBeNull();
  });

  it.each([
    [new Date("2026-01-01T00:00:05Z"), "Thu Jan 1 00:00:05 UTC 2026"],
    [new Date("2026-01-09T07:08:09Z"), "Fri Jan 9 07:08:09 UTC 2026"],
    [new Date("2026-01-10T10:00:00Z"), "Sat Jan 10 10:00:00 UTC 2026"],
    [new Date("2026-01-31T23:59:59Z"), "Sat Jan 31 23:59:59 UTC 2026"],
  ])("formats %s as %s and parses it back", (date, text) => {
    expect(formatSrpTimestamp(date)).toBe(text);
    expect(parseSrpTimestamp(text)?.getTime()).toBe(date.getTime());
  });

  it("formats exactly like the SDK's DateHelper", () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    try {
      for (let i = 0; i < 500; i++) {
        const date = new Date(Date.UTC(2000, 0, 1) + (randomInt(2 ** 40) % (60 * 365 * 86_400_000)));
        vi.setSystemTime(date);
        const sdk = new DateHelper().getNowString();
        expect(formatSrpTimestamp(date)).toBe(sdk);
        expect(parseSrpTimestamp(sdk)?.getTime()).toBe(Math.floor(date.getTime() / 1000) * 1000);
      }
    } finally {
      vi.useRealTimers();
    }
  });
});

/**
 * The real client's side of InitiateAuth / RespondToAuthChallenge, run unmodified in worker threads:
 * jsbn costs ~150 ms of CPU for A and ~140 ms per password key, far too slow for one thread.
 * Plain CommonJS because workers do not go through vitest's TypeScript transform; it mirrors
 * clientSignature() above (CognitoUser.authenticateUserDefaultAuth).
 */
const CLIENT_WORKER_SOURCE = `
"use strict";
const { parentPort, workerData } = require("node:worker_threads");
const { createRequire } = require("node:module");
const fromPackage = createRequire(workerData.packageEntry);
const { AuthenticationHelper, DateHelper } = fromPackage("amazon-cognito-identity-js");
const BigInteger = fromPackage("amazon-cognito-identity-js/lib/BigInteger").default;
const { Sha256 } = fromPackage("@aws-crypto/sha256-js");
const clients = new Map();

function passwordClaim(client, challenge, password) {
  let hkdf;
  client.helper.getPasswordAuthenticationKey(challenge.userIdForSrp, password, new BigInteger(challenge.srpB, 16), new BigInteger(challenge.salt, 16), (err, key) => {
    if (err) throw err;
    hkdf = key;
  });
  const timestamp = new DateHelper().getNowString();
  const message = Buffer.concat([Buffer.from(client.poolName, "utf8"), Buffer.from(challenge.userIdForSrp, "utf8"), Buffer.from(challenge.secretBlock, "base64"), Buffer.from(timestamp, "utf8")]);
  const hash = new Sha256(hkdf);
  hash.update(message);
  return { timestamp, signature: Buffer.from(hash.digestSync()).toString("base64") };
}

parentPort.on("message", (request) => {
  try {
    if (request.op === "initiate") {
      const client = { helper: new AuthenticationHelper(request.poolName), poolName: request.poolName };
      clients.set(request.clientId, client);
      client.helper.getLargeAValue((err, aValue) => {
        if (err) throw err;
        parentPort.postMessage({ id: request.id, srpA: aValue.toString(16) });
      });
    } else {
      const client = clients.get(request.clientId);
      const right = passwordClaim(client, request, request.password);
      const wrong = request.wrongPassword === null ? null : passwordClaim(client, request, request.wrongPassword);
      parentPort.postMessage({ id: request.id, right, wrong });
    }
  } catch (error) {
    parentPort.postMessage({ id: request.id, error: String((error && error.stack) || error) });
  }
});
`;

type Claim = { timestamp: string; signature: string };
type Challenge = {
  userIdForSrp: string;
  password: string;
  wrongPassword: string | null;
  srpB: string;
  salt: string;
  secretBlock: string;
};

/** Clients (AuthenticationHelper instances) spread over a few worker threads; a client stays in one worker. */
class ClientPool {
  private readonly rpc: WorkerRpc;

  constructor(size: number) {
    this.rpc = new WorkerRpc(CLIENT_WORKER_SOURCE, size, {
      packageEntry: require.resolve("amazon-cognito-identity-js"),
    });
  }

  /** new AuthenticationHelper(poolName) and its SRP_A. */
  async initiate(clientId: number, poolName: string): Promise<string> {
    return (await this.rpc.call(clientId, { op: "initiate", clientId, poolName })).srpA as string;
  }

  /** The client's PASSWORD_VERIFIER answer (and the one it would give with the wrong password). */
  async respond(clientId: number, challenge: Challenge): Promise<{ right: Claim; wrong: Claim | null }> {
    return (await this.rpc.call(clientId, { op: "respond", clientId, ...challenge })) as unknown as {
      right: Claim;
      wrong: Claim | null;
    };
  }

  close(): Promise<void> {
    return this.rpc.close();
  }
}

const USERNAME_ALPHABET = [
  ..."abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789@._-+",
  "é",
  "ß",
  "ü",
  "Ω",
  "ж",
  "中",
  "文",
  "ア",
  "😀",
  "🙂",
];
const PASSWORD_ALPHABET = [...USERNAME_ALPHABET, ..." !\"#$%&'()*,/:;<=>?[\\]^`{|}~", "€", "\u00a0"];
const randomText = (alphabet: string[], minLength: number, maxLength: number): string =>
  Array.from(
    { length: minLength + randomInt(maxLength - minLength + 1) },
    () => alphabet[randomInt(alphabet.length)],
  ).join("");

/** 16 random bytes, steered so leading-zero and top-bit-set salts (the PAD traps, §4.2) both occur. */
function saltFor(index: number): Buffer {
  const salt = randomBytes(16);
  if (index % 4 === 0) salt[0] = salt[0]! & 0x0f;
  if (index % 4 === 1) salt[0] = salt[0]! | 0x80;
  if (index % 8 === 2) salt[0] = 0;
  return salt;
}

describe("SRP server against the unmodified amazon-cognito-identity-js client", () => {
  // The 200-user run through the API lives in test/integration/sign-in-srp.test.ts; this one checks the
  // primitives directly against the client, so 48 users (12 distinct A values) keep the suite's CPU down.
  const USERS = 48;
  // Budget: a fresh client (a, A) per pool of 4 users rather than per user, since A
  // costs as much as a whole password key; and the wrong-password client for every 8th user. Each user
  // still gets its own B, salt, u, S and K from the real client, which is where the PAD traps live.
  const USERS_PER_CLIENT = 4;
  const WRONG_PASSWORD_EVERY = 8;
  let clients: ClientPool;

  beforeAll(() => {
    clients = new ClientPool(Math.max(1, Math.min(4, availableParallelism())));
  });
  afterAll(async () => {
    await clients.close();
  });

  // Generous timeout: jsbn on a shared CI box can be several times slower than on an idle one.
  it(
    `agrees on the password claim signature for ${USERS} random users; wrong passwords never match`,
    { timeout: 240_000 },
    async () => {
      const seen = { clients: 0, topBitA: 0, topBitB: 0, topBitSalt: 0, shortSalt: 0, wrongChecked: 0 };
      const failures: string[] = [];

      async function signIn(clientId: number, poolName: string, srpA: string, index: number): Promise<void> {
        const username = randomText(USERNAME_ALPHABET, 1, 24);
        const password = randomText(PASSWORD_ALPHABET, 8, 40);
        const wrongPassword = index % WRONG_PASSWORD_EVERY === 0 ? `${password}x` : null;
        const { saltHex, verifierHex } = createVerifier(`eu-west-1_${poolName}`, username, password, saltFor(index));
        const { verifierHex: otherVerifierHex } = createVerifier(
          `eu-west-1_${poolName}`,
          username,
          `${password}x`,
          Buffer.from(saltHex.padStart(32, "0"), "hex"),
        );

        if (!srp.isAcceptableA(srpA)) return void failures.push(`#${index}: A refused`);
        const { bHex, bigBHex } = srp.startChallenge(verifierHex);
        const secretBlock = randomBytes(16 + randomInt(48)).toString("base64");
        const { right, wrong } = await clients.respond(clientId, {
          userIdForSrp: username,
          password,
          wrongPassword,
          srpB: bigBHex,
          salt: saltHex,
          secretBlock,
        });

        const expected = (timestamp: string, verifier: string) =>
          srp.expectedSignature({
            name: poolName,
            userId: username,
            verifierHex: verifier,
            saltHex,
            aHex: srpA,
            bHex,
            bigBHex,
            secretBlockBase64: secretBlock,
            timestamp,
          });
        if (parseSrpTimestamp(right.timestamp) === null)
          failures.push(`#${index}: timestamp ${right.timestamp} refused`);
        if (expected(right.timestamp, verifierHex) !== right.signature)
          failures.push(`#${index}: mismatch for ${JSON.stringify({ poolName, username, password, saltHex })}`);
        // The server's side of a wrong password: the signature must bind the stored v, not just A and B.
        if (expected(right.timestamp, otherVerifierHex) === right.signature)
          failures.push(`#${index}: matched under another verifier`);
        if (wrong) {
          seen.wrongChecked++;
          if (expected(wrong.timestamp, verifierHex) === wrong.signature)
            failures.push(`#${index}: wrong password matched`);
        }
        if (/^[89a-f]/.test(bigBHex) && bigBHex.length % 2 === 0) seen.topBitB++;
        if (/^[89a-f]/.test(saltHex) && saltHex.length === 32) seen.topBitSalt++;
        if (saltHex.length < 32) seen.shortSalt++;
      }

      async function runClient(clientId: number): Promise<void> {
        const poolName = randomText([..."abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"], 9, 9);
        const srpA = await clients.initiate(clientId, poolName);
        seen.clients++;
        if (/^[89a-f]/.test(srpA) && srpA.length % 2 === 0) seen.topBitA++;
        const first = clientId * USERS_PER_CLIENT;
        await Promise.all(
          Array.from({ length: USERS_PER_CLIENT }, (_, offset) => signIn(clientId, poolName, srpA, first + offset)),
        );
      }

      await Promise.all(Array.from({ length: USERS / USERS_PER_CLIENT }, (_, clientId) => runClient(clientId)));
      expect(failures).toEqual([]);
      expect(seen.clients).toBe(USERS / USERS_PER_CLIENT);
      expect(seen.wrongChecked).toBe(USERS / WRONG_PASSWORD_EVERY);
      // The padding branches (§4.2) were all exercised, not just the easy half.
      for (const count of [seen.topBitA, seen.topBitB, seen.topBitSalt, seen.shortSalt])
        expect(count).toBeGreaterThan(0);
    },
  );
});
