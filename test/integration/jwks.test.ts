import { createPrivateKey, createPublicKey, randomBytes } from "node:crypto";
import Sqlite from "better-sqlite3";
import { JwtRsaVerifier } from "aws-jwt-verify";
import { SimpleJwksCache } from "aws-jwt-verify/jwk";
import { createRemoteJWKSet, decodeProtectedHeader, generateKeyPair, jwtVerify, SignJWT, type JWTPayload } from "jose";
import { createConnection } from "mysql2/promise";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TokenUse } from "../../src/core/ports.js";
import { createManualClock } from "../../src/lib/clock.js";
import { BACKENDS } from "../support/backends.js";
import { createPoolWithClient } from "../support/directory.js";
import {
  CreateAdminApiKeyDocument,
  ListEventsDocument,
  RotateSigningKeysDocument,
} from "../support/generated/graphql.js";
import { errorCodes, expectData } from "../support/graphql-client.js";
import { getTestApp, type TestApp } from "../support/test-app.js";

const PUBLIC_URL = "http://gateway.test";
const HOUR_SECONDS = 3600;

interface SigningKeyRow {
  kid: string;
  token_use: string;
  public_jwk: string;
  private_key_ciphertext: string;
  retired_at: unknown;
}

/** aws-jwt-verify fetches JWKS over https only; the test gateway speaks plain http on 127.0.0.1. */
const httpFetcher = {
  async fetch(uri: string): Promise<ArrayBuffer> {
    const response = await fetch(uri);
    if (response.status !== 200) throw new Error(`JWKS fetch answered ${response.status}`);
    return response.arrayBuffer();
  },
};

const encodePart = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");

/** Asserts the signer refused the token with NotAuthorizedException and exactly this message. */
async function expectNotAuthorized(verification: Promise<unknown>, message: string): Promise<void> {
  const error = await verification.then(
    () => null,
    (caught: unknown) => caught as { code?: string; message?: string },
  );
  expect(error, `expected NotAuthorizedException "${message}"`).not.toBeNull();
  expect({ code: error!.code, message: error!.message }).toEqual({ code: "NotAuthorizedException", message });
}

describe.each(BACKENDS)("token signing keys and JWKS on $name", (backend) => {
  let gateway: TestApp;
  // Starts at the real time: aws-jwt-verify checks `exp` against the wall clock.
  const clock = createManualClock(new Date());
  const secretsKey = randomBytes(32).toString("base64");

  beforeAll(async () => {
    gateway = await getTestApp(backend, { env: { PUBLIC_URL, SECRETS_KEY: secretsKey }, overrides: { clock } });
  });
  afterAll(async () => gateway?.close());

  const issuerOf = (poolId: string) => `${PUBLIC_URL}/${poolId}`;
  const jwksUrlOf = (target: TestApp, poolId: string) => `${target.baseUrl}/${poolId}/.well-known/jwks.json`;

  const signPair = async (poolId: string, target: TestApp = gateway) => ({
    id: await target.app.tokens.sign(
      poolId,
      "id",
      { sub: "user-1", aud: "client-1", token_use: "id", "cognito:username": "alice" },
      HOUR_SECONDS,
    ),
    access: await target.app.tokens.sign(
      poolId,
      "access",
      {
        sub: "user-1",
        client_id: "client-1",
        token_use: "access",
        scope: "aws.cognito.signin.user.admin",
        username: "alice",
      },
      HOUR_SECONDS,
    ),
  });

  async function fetchJwks(
    poolId: string,
    target: TestApp = gateway,
  ): Promise<{ response: Response; kids: string[]; keys: Record<string, unknown>[] }> {
    const response = await fetch(jwksUrlOf(target, poolId));
    const body = (await response.json()) as { keys: Record<string, unknown>[] };
    return { response, keys: body.keys, kids: body.keys.map((key) => String(key.kid)).sort() };
  }

  /** Verifies as a relying party would: only over HTTP, with two libraries that know nothing of the gateway. */
  async function verifyIndependently(token: string, poolId: string): Promise<JWTPayload> {
    const issuer = issuerOf(poolId);
    const { payload } = await jwtVerify(token, createRemoteJWKSet(new URL(jwksUrlOf(gateway, poolId))), {
      issuer,
      algorithms: ["RS256"],
      currentDate: clock.now(),
    });
    const awsVerifier = JwtRsaVerifier.create(
      { issuer, audience: null, jwksUri: jwksUrlOf(gateway, poolId) },
      { jwksCache: new SimpleJwksCache({ fetcher: httpFetcher }) },
    );
    const awsPayload = await awsVerifier.verify(token);
    expect(awsPayload).toEqual(payload);
    return payload;
  }

  /** The pool's signing_keys rows, read straight from the database, past the gateway. */
  async function signingKeyRows(poolId: string): Promise<SigningKeyRow[]> {
    const target = gateway.config.database;
    const sql =
      "SELECT kid, token_use, public_jwk, private_key_ciphertext, retired_at FROM signing_keys WHERE pool_id = ? ORDER BY created_at, kid";
    if (target.dialect === "sqlite") {
      const db = new Sqlite(target.path, { readonly: true, fileMustExist: true });
      try {
        return db.prepare(sql).all(poolId) as SigningKeyRow[];
      } finally {
        db.close();
      }
    }
    const connection = await createConnection({
      host: target.host,
      port: target.port,
      user: target.user,
      password: target.password,
      database: target.database,
    });
    try {
      const [rows] = await connection.query(sql, [poolId]);
      return rows as SigningKeyRow[];
    } finally {
      await connection.end();
    }
  }

  it("signs ID and access tokens with two different keys, and independent verifiers accept them through the JWKS", async () => {
    const { poolId } = await createPoolWithClient(gateway);
    const tokens = await signPair(poolId);
    const idHeader = decodeProtectedHeader(tokens.id);
    const accessHeader = decodeProtectedHeader(tokens.access);
    // Exactly Cognito's header: kid and alg, nothing else (no typ).
    expect(Object.keys(idHeader).sort()).toEqual(["alg", "kid"]);
    expect(Object.keys(accessHeader).sort()).toEqual(["alg", "kid"]);
    expect(idHeader.alg).toBe("RS256");
    expect(accessHeader.alg).toBe("RS256");
    expect(idHeader.kid).toMatch(/^[A-Za-z0-9_-]{20,}$/);
    expect(idHeader.kid).not.toBe(accessHeader.kid);

    const nowSeconds = Math.floor(clock.nowMs() / 1000);
    const idPayload = await verifyIndependently(tokens.id, poolId);
    expect(idPayload).toMatchObject({
      iss: issuerOf(poolId),
      iat: nowSeconds,
      exp: nowSeconds + HOUR_SECONDS,
      token_use: "id",
      aud: "client-1",
      "cognito:username": "alice",
    });
    const accessPayload = await verifyIndependently(tokens.access, poolId);
    expect(accessPayload).toMatchObject({
      iss: issuerOf(poolId),
      token_use: "access",
      client_id: "client-1",
      scope: "aws.cognito.signin.user.admin",
    });

    expect(await gateway.app.tokens.verify(poolId, tokens.id, "id")).toMatchObject({ sub: "user-1", token_use: "id" });
    expect(await gateway.app.tokens.verify(poolId, tokens.access, "access")).toMatchObject({
      sub: "user-1",
      token_use: "access",
    });
    // The same keys keep signing: a second pair carries the same kids.
    const again = await signPair(poolId);
    expect(decodeProtectedHeader(again.id).kid).toBe(idHeader.kid);
    expect(decodeProtectedHeader(again.access).kid).toBe(accessHeader.kid);
  });

  it("publishes public RSA keys only, with Cognito's members and a cache header", async () => {
    const { poolId } = await createPoolWithClient(gateway);
    const tokens = await signPair(poolId);
    const { response, keys, kids } = await fetchJwks(poolId);
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("public, max-age=300");
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    expect(kids).toEqual([decodeProtectedHeader(tokens.id).kid, decodeProtectedHeader(tokens.access).kid].sort());
    for (const key of keys) {
      // No private member (d, p, q, dp, dq, qi) ever leaves.
      expect(Object.keys(key).sort()).toEqual(["alg", "e", "kid", "kty", "n", "use"]);
      expect(key).toMatchObject({ alg: "RS256", kty: "RSA", use: "sig", e: "AQAB" });
      expect(Buffer.from(String(key.n), "base64url")).toHaveLength(256);
    }
  });

  it("publishes a pool's keys before its first token is signed", async () => {
    const { poolId } = await createPoolWithClient(gateway);
    const { kids } = await fetchJwks(poolId);
    expect(kids).toHaveLength(2);
    const tokens = await signPair(poolId);
    expect([decodeProtectedHeader(tokens.id).kid, decodeProtectedHeader(tokens.access).kid].sort()).toEqual(kids);
  });

  it("serves the OpenID discovery document", async () => {
    const { poolId } = await createPoolWithClient(gateway);
    const response = await fetch(`${gateway.baseUrl}/${poolId}/.well-known/openid-configuration`);
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("public, max-age=300");
    const document = (await response.json()) as Record<string, unknown>;
    // Cognito's ten keys (reference-oauth §7), now that the authorization server exists (#15); no claims_supported.
    expect(Object.keys(document)).toEqual([
      "authorization_endpoint",
      "id_token_signing_alg_values_supported",
      "issuer",
      "jwks_uri",
      "response_types_supported",
      "scopes_supported",
      "subject_types_supported",
      "token_endpoint",
      "token_endpoint_auth_methods_supported",
      "userinfo_endpoint",
    ]);
    expect(document).toMatchObject({
      issuer: issuerOf(poolId),
      jwks_uri: `${issuerOf(poolId)}/.well-known/jwks.json`,
      id_token_signing_alg_values_supported: ["RS256"],
      subject_types_supported: ["public"],
      token_endpoint: `${issuerOf(poolId)}/oauth2/token`,
    });
  });

  it("publishes a jwks_uri that verifies the pool's ID tokens with jose, found through discovery alone", async () => {
    const { poolId } = await createPoolWithClient(gateway);
    const { id } = await signPair(poolId);
    const document = (await (await fetch(`${gateway.baseUrl}/${poolId}/.well-known/openid-configuration`)).json()) as {
      issuer: string;
      jwks_uri: string;
      id_token_signing_alg_values_supported: string[];
    };
    // The test gateway publishes PUBLIC_URL as its host; the JWKS is fetched from where it listens, same path.
    const jwksUrl = new URL(new URL(document.jwks_uri).pathname, gateway.baseUrl);
    const { payload } = await jwtVerify(id, createRemoteJWKSet(jwksUrl), {
      issuer: document.issuer,
      algorithms: document.id_token_signing_alg_values_supported,
      currentDate: clock.now(),
    });
    expect(payload.token_use).toBe("id");
    // Every endpoint the document names is served (the OAuth endpoints refuse a bare GET, but answer it).
    for (const [field, value] of Object.entries(document)) {
      if (field.endsWith("_endpoint") || field.endsWith("_uri"))
        expect(
          (await fetch(new URL(new URL(value as string).pathname, gateway.baseUrl), { redirect: "manual" })).status,
          field,
        ).not.toBe(404);
    }
  });

  it("answers 404 for an unknown pool and 400 for a malformed pool id", async () => {
    const unknown = `${gateway.config.region}_nonexistent`;
    for (const document of ["jwks.json", "openid-configuration"]) {
      const missing = await fetch(`${gateway.baseUrl}/${unknown}/.well-known/${document}`);
      expect(missing.status).toBe(404);
      expect(await missing.json()).toEqual({
        __type: "ResourceNotFoundException",
        message: `User pool ${unknown} does not exist.`,
      });
      const malformed = await fetch(`${gateway.baseUrl}/not-a-pool-id/.well-known/${document}`);
      expect(malformed.status).toBe(400);
      expect(((await malformed.json()) as { __type: string }).__type).toBe("InvalidParameterException");
    }
    await expect(gateway.app.tokens.sign(unknown, "access", { token_use: "access" }, 60)).rejects.toMatchObject({
      code: "ResourceNotFoundException",
    });
    await expectNotAuthorized(
      gateway.app.tokens.verify(
        unknown,
        (await signPair((await createPoolWithClient(gateway)).poolId)).access,
        "access",
      ),
      "Invalid Access Token",
    );
  });

  it("rejects tokens of another pool, forged signatures and algorithms, and the wrong token_use", async () => {
    const { poolId } = await createPoolWithClient(gateway);
    const { poolId: otherPoolId } = await createPoolWithClient(gateway);
    const tokens = await signPair(poolId);
    const accessKid = decodeProtectedHeader(tokens.access).kid!;
    const verify = (token: string, use: TokenUse = "access") => gateway.app.tokens.verify(poolId, token, use);
    const nowSeconds = Math.floor(clock.nowMs() / 1000);
    const claims = {
      sub: "user-1",
      token_use: "access",
      client_id: "client-1",
      iss: issuerOf(poolId),
      iat: nowSeconds,
      exp: nowSeconds + HOUR_SECONDS,
    };

    // Another pool's token, even with this pool's claims inside.
    const foreign = await gateway.app.tokens.sign(otherPoolId, "access", { ...claims }, HOUR_SECONDS);
    await expectNotAuthorized(verify(foreign), "Invalid Access Token");
    await expect(verifyIndependently(foreign, poolId)).rejects.toThrow();

    // This pool's kid on a signature by some other RSA key.
    const { privateKey: strangerKey } = await generateKeyPair("RS256");
    await expectNotAuthorized(
      verify(await new SignJWT(claims).setProtectedHeader({ kid: accessKid, alg: "RS256" }).sign(strangerKey)),
      "Invalid Access Token",
    );

    // alg none, and HS256 "signed" with the public key as the HMAC secret (the classic key-confusion forgery).
    await expectNotAuthorized(
      verify(`${encodePart({ alg: "none", kid: accessKid })}.${encodePart(claims)}.`),
      "Invalid Access Token",
    );
    const publicJwk = (await fetchJwks(poolId)).keys.find((key) => key.kid === accessKid)!;
    const publicPem = createPublicKey({ key: publicJwk as never, format: "jwk" })
      .export({ type: "spki", format: "pem" })
      .toString();
    for (const secret of [publicPem, JSON.stringify(publicJwk)]) {
      const forged = await new SignJWT(claims)
        .setProtectedHeader({ kid: accessKid, alg: "HS256" })
        .sign(new TextEncoder().encode(secret));
      await expectNotAuthorized(verify(forged), "Invalid Access Token");
    }

    // A changed payload under the original signature, once the original has been verified (and remembered).
    await expect(verify(tokens.access)).resolves.toMatchObject({ token_use: "access" });
    const [header, , signature] = tokens.access.split(".");
    await expectNotAuthorized(
      verify(`${header}.${encodePart({ ...claims, sub: "admin" })}.${signature}`),
      "Invalid Access Token",
    );
    await expectNotAuthorized(verify("not-a-jwt"), "Invalid Access Token");
    await expectNotAuthorized(verify(`${header}.${"A".repeat(20_000)}.${signature}`), "Invalid Access Token");

    // token_use: an ID token is no access token, nor the other way round, whatever the claim says.
    await expectNotAuthorized(verify(tokens.id, "access"), "Invalid Access Token");
    await expectNotAuthorized(verify(tokens.access, "id"), "Invalid Id Token");
    const mislabelled = await gateway.app.tokens.sign(
      poolId,
      "access",
      { sub: "user-1", token_use: "id" },
      HOUR_SECONDS,
    );
    await expectNotAuthorized(verify(mislabelled, "access"), "Invalid Access Token");
    await expectNotAuthorized(verify(mislabelled, "id"), "Invalid Id Token");
    const unlabelled = await gateway.app.tokens.sign(poolId, "access", { sub: "user-1" }, HOUR_SECONDS);
    await expectNotAuthorized(verify(unlabelled, "access"), "Invalid Access Token");
  });

  it("never stores a private key in plain text", async () => {
    const { poolId } = await createPoolWithClient(gateway);
    await signPair(poolId);
    const rows = await signingKeyRows(poolId);
    expect(rows.map((row) => row.token_use).sort()).toEqual(["access", "id"]);
    for (const row of rows) {
      expect(row.private_key_ciphertext).not.toMatch(/PRIVATE KEY|BEGIN/);
      expect(row.private_key_ciphertext).toMatch(/^v1\./);
      expect(() => createPrivateKey(row.private_key_ciphertext)).toThrow();
      expect(Object.keys(JSON.parse(row.public_jwk) as object).sort()).toEqual(["alg", "e", "kid", "kty", "n", "use"]);
    }
  });

  it("lets only keys with access to the pool rotate its keys", async () => {
    const { poolId } = await createPoolWithClient(gateway);
    const { poolId: otherPoolId } = await createPoolWithClient(gateway);
    const scoped = expectData(
      await gateway.gql(CreateAdminApiKeyDocument, { input: { name: "other-pool-only", poolScope: [otherPoolId] } }),
    ).createAdminApiKey.secret;
    expect(errorCodes(await gateway.gql(RotateSigningKeysDocument, { userPoolId: poolId }, scoped))).toEqual([
      "NotAuthorizedException",
    ]);
    expect(errorCodes(await gateway.gql(RotateSigningKeysDocument, { userPoolId: poolId }, null))).toEqual([
      "NotAuthorizedException",
    ]);
    expect(
      errorCodes(await gateway.gql(RotateSigningKeysDocument, { userPoolId: `${gateway.config.region}_nonexistent` })),
    ).toEqual(["ResourceNotFoundException"]);
    expect(await signingKeyRows(poolId)).toEqual([]);
    expect(
      expectData(await gateway.gql(RotateSigningKeysDocument, { userPoolId: otherPoolId }, scoped)).rotateSigningKeys,
    ).toBe(true);
  });

  it("ends with one ID key and one access key when two gateway processes sign a new pool's first tokens at once", async () => {
    const second = await getTestApp(backend, {
      env: { PUBLIC_URL, SECRETS_KEY: secretsKey },
      overrides: { clock },
      ...(backend.name === "embedded" ? { dataDir: gateway.config.dataDir } : {}),
    });
    try {
      for (let round = 0; round < 3; round++) {
        const { poolId } = await createPoolWithClient(gateway);
        const signed = await Promise.all(
          [gateway, second, gateway, second].flatMap((target) =>
            (["id", "access"] as const).map(async (use) => ({
              use,
              token: await target.app.tokens.sign(poolId, use, { sub: "user-1", token_use: use }, HOUR_SECONDS),
            })),
          ),
        );
        const rows = await signingKeyRows(poolId);
        expect(rows.map((row) => row.token_use).sort()).toEqual(["access", "id"]);
        expect(rows.every((row) => row.retired_at === null)).toBe(true);
        for (const { use, token } of signed) {
          expect(decodeProtectedHeader(token).kid).toBe(rows.find((row) => row.token_use === use)!.kid);
          await expect(gateway.app.tokens.verify(poolId, token, use)).resolves.toMatchObject({ token_use: use });
          await expect(second.app.tokens.verify(poolId, token, use)).resolves.toMatchObject({ token_use: use });
        }
        const published = [(await fetchJwks(poolId, gateway)).kids, (await fetchJwks(poolId, second)).kids];
        expect(published[0]).toEqual(rows.map((row) => row.kid).sort());
        expect(published[1]).toEqual(published[0]);
      }
    } finally {
      await second.close();
    }
  });

  it("reports an expired token as expired", async () => {
    const { poolId } = await createPoolWithClient(gateway);
    const access = await gateway.app.tokens.sign(poolId, "access", { sub: "user-1", token_use: "access" }, 60);
    const id = await gateway.app.tokens.sign(poolId, "id", { sub: "user-1", token_use: "id" }, 60);
    await expect(gateway.app.tokens.verify(poolId, access, "access")).resolves.toBeDefined();
    clock.advanceSeconds(61);
    await expectNotAuthorized(gateway.app.tokens.verify(poolId, access, "access"), "Access Token has expired");
    await expectNotAuthorized(gateway.app.tokens.verify(poolId, id, "id"), "Id Token has expired");
    await expect(gateway.app.tokens.sign(poolId, "access", {}, 86_401)).rejects.toThrow(/lifetime/);
  });

  // Last: it moves the shared clock a day ahead.
  it("rotates: new kids sign, old keys stay published while their tokens live, then disappear", async () => {
    const { poolId } = await createPoolWithClient(gateway);
    const before = await signPair(poolId);
    const oldKids = [decodeProtectedHeader(before.id).kid!, decodeProtectedHeader(before.access).kid!];

    expect(expectData(await gateway.gql(RotateSigningKeysDocument, { userPoolId: poolId })).rotateSigningKeys).toBe(
      true,
    );
    const after = await signPair(poolId);
    const newKids = [decodeProtectedHeader(after.id).kid!, decodeProtectedHeader(after.access).kid!];
    expect(newKids[0]).not.toBe(newKids[1]);
    expect(newKids.filter((kid) => oldKids.includes(kid))).toEqual([]);
    expect((await fetchJwks(poolId)).kids).toEqual([...oldKids, ...newKids].sort());

    // Tokens issued before the rotation stay valid, for the gateway and for relying parties.
    for (const token of [before.id, before.access, after.id, after.access]) await verifyIndependently(token, poolId);
    await expect(gateway.app.tokens.verify(poolId, before.access, "access")).resolves.toMatchObject({
      token_use: "access",
    });
    await expect(gateway.app.tokens.verify(poolId, before.id, "id")).resolves.toMatchObject({ token_use: "id" });

    const events = expectData(await gateway.gql(ListEventsDocument, { userPoolId: poolId })).events.items.filter(
      (event) => event.type === "SIGNING_KEYS_ROTATED",
    );
    expect(events).toHaveLength(1);
    expect(events[0]!.detail).toEqual({
      retiredKids: expect.arrayContaining(oldKids),
      newKids: { id: newKids[0], access: newKids[1] },
    });
    expect(events[0]!.actor).toMatch(/^admin-key:/);

    // No token signed before the rotation outlives a day, so after 25 hours the old keys are gone.
    clock.advanceSeconds(25 * HOUR_SECONDS);
    expect((await fetchJwks(poolId)).kids).toEqual([...newKids].sort());
    const fresh = await signPair(poolId);
    expect([decodeProtectedHeader(fresh.id).kid, decodeProtectedHeader(fresh.access).kid]).toEqual(newKids);
    await expectNotAuthorized(gateway.app.tokens.verify(poolId, before.access, "access"), "Invalid Access Token");

    // A second rotation deletes keys whose publication has ended.
    expect(expectData(await gateway.gql(RotateSigningKeysDocument, { userPoolId: poolId })).rotateSigningKeys).toBe(
      true,
    );
    const rows = await signingKeyRows(poolId);
    expect(rows.map((row) => row.kid).filter((kid) => oldKids.includes(kid))).toEqual([]);
    expect(rows.filter((row) => row.retired_at === null)).toHaveLength(2);
    expect(rows).toHaveLength(4);
  });
});
