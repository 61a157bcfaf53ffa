import { generateKeyPairSync, sign as signRaw, type KeyObject } from "node:crypto";
import { jwtVerify, SignJWT } from "jose";
import { describe, expect, it } from "vitest";
import {
  checkClaims,
  hasValidRs256Signature,
  parseCompactJwt,
  signRs256Jwt,
} from "../../src/infra/crypto/rs256-jwt.js";

/**
 * The hot-path verifier (rs256-jwt.ts) against jose's jwtVerify with the options the token signer used
 * before: the same verdict for every token below, valid, expired or refused. Where it is stricter than
 * jose (padding, any `crit`), the test says so.
 */
const ISSUER = "http://127.0.0.1:3000/local_Abc";
const NOW = 1_700_000_000;
const REQUIRED = ["exp", "iat", "token_use"] as const;

type Verdict = "valid" | "expired" | "invalid";

const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
const stranger = generateKeyPairSync("rsa", { modulusLength: 2048 });
const weak = generateKeyPairSync("rsa", { modulusLength: 1024 });

const part = (value: unknown) =>
  Buffer.from(typeof value === "string" ? value : JSON.stringify(value)).toString("base64url");
/** A token signed as given: any header, any payload bytes, any algorithm the raw signer knows. */
function rawToken(header: unknown, payload: unknown, key: KeyObject = privateKey, digest = "sha256"): string {
  const input = `${part(header)}.${part(payload)}`;
  return `${input}.${signRaw(digest, Buffer.from(input), key).toString("base64url")}`;
}
const claims = (extra: Record<string, unknown> = {}) => ({
  sub: "user-1",
  token_use: "access",
  iss: ISSUER,
  iat: NOW - 10,
  exp: NOW + 3600,
  ...extra,
});
const header = { kid: "k", alg: "RS256" };

async function joseVerdict(token: string, key: KeyObject): Promise<Verdict> {
  try {
    await jwtVerify(token, key, {
      algorithms: ["RS256"],
      issuer: ISSUER,
      currentDate: new Date(NOW * 1000),
      requiredClaims: [...REQUIRED],
    });
    return "valid";
  } catch (error) {
    return (error as { code?: string }).code === "ERR_JWT_EXPIRED" ? "expired" : "invalid";
  }
}

function ownVerdict(token: string, key: KeyObject): Verdict {
  const jwt = parseCompactJwt(token);
  if (!jwt || !hasValidRs256Signature(jwt, key)) return "invalid";
  return checkClaims(jwt.payload, { issuer: ISSUER, nowSeconds: NOW, required: REQUIRED });
}

const cases: [string, string, Verdict][] = [
  ["a valid token", rawToken(header, claims()), "valid"],
  ["expired", rawToken(header, claims({ exp: NOW - 1 })), "expired"],
  ["expiring this very second", rawToken(header, claims({ exp: NOW })), "expired"],
  ["without exp", rawToken(header, { ...claims(), exp: undefined }), "invalid"],
  ["without iat", rawToken(header, { ...claims(), iat: undefined }), "invalid"],
  ["without token_use", rawToken(header, { ...claims(), token_use: undefined }), "invalid"],
  ["without iss", rawToken(header, { ...claims(), iss: undefined }), "invalid"],
  ["another issuer", rawToken(header, claims({ iss: `${ISSUER}x` })), "invalid"],
  ["exp as a string", rawToken(header, claims({ exp: String(NOW + 3600) })), "invalid"],
  ["iat as a string", rawToken(header, claims({ iat: "now" })), "invalid"],
  ["nbf in the future", rawToken(header, claims({ nbf: NOW + 1 })), "invalid"],
  ["nbf now", rawToken(header, claims({ nbf: NOW })), "valid"],
  ["nbf as a string", rawToken(header, claims({ nbf: "0" })), "invalid"],
  ["an expired token with a wrong issuer", rawToken(header, claims({ exp: NOW - 1, iss: "x" })), "invalid"],
  [
    "exp inherited, not own",
    rawToken(header, { ...claims(), exp: undefined, __proto__: { exp: NOW + 10 } }),
    "invalid",
  ],
  ["a JSON array payload", rawToken(header, [claims()]), "invalid"],
  ["a JSON string payload", rawToken(header, JSON.stringify(JSON.stringify(claims()))), "invalid"],
  ["a payload that is not JSON", rawToken(header, "not json"), "invalid"],
  [
    "a payload of invalid UTF-8",
    (() => {
      const input = `${part(header)}.${Buffer.concat([Buffer.from('{"a":"'), Buffer.from([0xff, 0xfe]), Buffer.from('"}')]).toString("base64url")}`;
      return `${input}.${signRaw("sha256", Buffer.from(input), privateKey).toString("base64url")}`;
    })(),
    "invalid",
  ],
  ["a header that is not an object", rawToken(["RS256"], claims()), "invalid"],
  ["alg none", `${part({ alg: "none", kid: "k" })}.${part(claims())}.`, "invalid"],
  ["alg missing", rawToken({ kid: "k" }, claims()), "invalid"],
  ["alg RS512 (signed so)", rawToken({ kid: "k", alg: "RS512" }, claims(), privateKey, "sha512"), "invalid"],
  ["alg RS256 over a SHA-512 signature", rawToken(header, claims(), privateKey, "sha512"), "invalid"],
  ["crit naming an unknown extension", rawToken({ ...header, crit: ["exp"], exp: 1 }, claims()), "invalid"],
  ["crit that is not an array", rawToken({ ...header, crit: "b64" }, claims()), "invalid"],
  ["signed by another key", rawToken(header, claims(), stranger.privateKey), "invalid"],
  [
    "a changed payload under the signature",
    (() => {
      const [h, , s] = rawToken(header, claims()).split(".");
      return `${h}.${part(claims({ sub: "admin" }))}.${s}`;
    })(),
    "invalid",
  ],
  ["two parts", rawToken(header, claims()).split(".").slice(0, 2).join("."), "invalid"],
  ["four parts", `${rawToken(header, claims())}.`, "invalid"],
  ["an empty signature", `${part(header)}.${part(claims())}.`, "invalid"],
  ["a signature with characters outside base64url", `${rawToken(header, claims())}*`, "invalid"],
  ["garbage", "a.b.c", "invalid"],
  ["empty", "", "invalid"],
];

describe("rs256-jwt: the same verdicts as jose's jwtVerify", () => {
  it.each(cases)("%s", async (_, token, expected) => {
    expect(ownVerdict(token, publicKey)).toBe(expected);
    expect(await joseVerdict(token, publicKey)).toBe(expected);
  });

  it("refuses a key below 2048 bits, as jose does", async () => {
    const token = rawToken(header, claims(), weak.privateKey);
    expect(ownVerdict(token, weak.publicKey)).toBe("invalid");
    expect(await joseVerdict(token, weak.publicKey)).toBe("invalid");
  });

  it("accepts a token jose signed, and refuses an HS256 token keyed with the public key (key confusion)", async () => {
    const signed = await new SignJWT(claims()).setProtectedHeader(header).sign(privateKey);
    expect(ownVerdict(signed, publicKey)).toBe("valid");
    const pem = publicKey.export({ type: "spki", format: "pem" }).toString();
    const confused = await new SignJWT(claims())
      .setProtectedHeader({ kid: "k", alg: "HS256" })
      .sign(new TextEncoder().encode(pem));
    expect(ownVerdict(confused, publicKey)).toBe("invalid");
    expect(await joseVerdict(confused, publicKey)).toBe("invalid");
  });

  it("is stricter than jose where our tokens never go: base64 padding and crit even for b64", async () => {
    const valid = rawToken(header, claims());
    const [h, p, s] = valid.split(".");
    const padded = `${h}.${p}.${s}${"=".repeat((4 - (s!.length % 4)) % 4 || 4)}`;
    expect(ownVerdict(padded, publicKey)).toBe("invalid");
    const withB64 = rawToken({ ...header, crit: ["b64"], b64: true }, claims());
    expect(await joseVerdict(withB64, publicKey)).toBe("valid");
    expect(ownVerdict(withB64, publicKey)).toBe("invalid");
  });
});

describe("signRs256Jwt", () => {
  // What the token signer signs: Cognito's {kid, alg} header, claims with non-ASCII text and nested values,
  // then iss/iat/exp last (a claim of the same name keeps its place and takes the new value, as in jose).
  const tokenHeader = { kid: "Zk8pQ2x-_aB3", alg: "RS256" };
  const tokenClaims = {
    sub: "7d1f0a2e-1111-4c3b-9a2b-000000000001",
    "cognito:groups": ["admins", "Ünïcödé 👩‍💻"],
    iss: "overridden below",
    address: { formatted: "1 Main St\nSpringfield" },
    email_verified: true,
    token_use: "id",
  };

  it("makes, byte for byte, the token jose's SignJWT makes from the same header, claims and key", async () => {
    const ours = await signRs256Jwt(
      tokenHeader,
      { ...tokenClaims, iss: ISSUER, iat: NOW, exp: NOW + 3600 },
      privateKey,
    );
    const jose = await new SignJWT({ ...tokenClaims })
      .setProtectedHeader(tokenHeader)
      .setIssuer(ISSUER)
      .setIssuedAt(NOW)
      .setExpirationTime(NOW + 3600)
      .sign(privateKey);
    expect(ours).toBe(jose);
    const verified = await jwtVerify(ours, publicKey, {
      algorithms: ["RS256"],
      issuer: ISSUER,
      currentDate: new Date(NOW * 1000),
    });
    expect(verified.protectedHeader).toEqual(tokenHeader);
    expect(verified.payload["cognito:groups"]).toEqual(tokenClaims["cognito:groups"]);
    expect(Object.keys(verified.payload)).toEqual([...Object.keys(tokenClaims), "iat", "exp"]);
  });

  it("is refused under another key, and many signed at once are each valid", async () => {
    const tokens = await Promise.all(
      Array.from({ length: 32 }, (_, index) =>
        signRs256Jwt(
          tokenHeader,
          { ...tokenClaims, jti: `t${index}`, iss: ISSUER, iat: NOW, exp: NOW + 60 },
          privateKey,
        ),
      ),
    );
    expect(new Set(tokens).size).toBe(32);
    for (const token of tokens) expect(ownVerdict(token, publicKey)).toBe("valid");
    expect(ownVerdict(tokens[0]!, stranger.publicKey)).toBe("invalid");
  });
});
