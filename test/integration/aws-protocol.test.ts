import { createHash, randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Sqlite from "better-sqlite3";
import { createConnection } from "mysql2/promise";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WIRE_ACTIONS } from "../../src/api/aws-json/router.js";
import { ADMIN_KEY_CHANNEL } from "../../src/core/admin-keys/admin-key-cache.js";
import { createManualClock } from "../../src/lib/clock.js";
import {
  createAwsCredentials,
  rawCall,
  signedCall,
  type AwsCredentials,
  type RawResponse,
} from "../support/aws-clients.js";
import { BACKENDS } from "../support/backends.js";
import { createPoolWithClient } from "../support/directory.js";
import { RevokeAdminApiKeyDocument } from "../support/generated/graphql.js";
import { expectData } from "../support/graphql-client.js";
import { signInEnv } from "../support/sign-in.js";
import { getTestApp, type TestApp } from "../support/test-app.js";

const BAD_SIGNATURE =
  "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.";
const UNRECOGNIZED = "The security token included in the request is invalid.";
const MINUTE_MS = 60_000;

/** AWS's X-Amz-Date form: 20260101T120000Z. */
const amzDate = (date: Date) =>
  date
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");

function expectWireError(response: RawResponse, type: string, message?: string | RegExp): void {
  expect({ status: response.status, type: response.body.__type }).toEqual({ status: 400, type });
  expect(response.headers.get("content-type")).toMatch(/^application\/x-amz-json-1\.1/);
  expect(response.headers.get("x-amzn-requestid")).toMatch(/^[0-9a-f-]{36}$/);
  if (typeof message === "string") expect(response.body.message).toBe(message);
  else if (message) expect(response.body.message).toMatch(message);
}

describe.each(BACKENDS)("Cognito JSON protocol on $name", (backend) => {
  // The gateway checks X-Amz-Date against this clock, so the window edges can be tested exactly.
  const clock = createManualClock(new Date());
  let gateway: TestApp;
  let credentials: AwsCredentials;
  let poolId: string;
  let clientId: string;

  beforeAll(async () => {
    gateway = await getTestApp(backend, { env: signInEnv(backend), overrides: { clock } });
    credentials = await createAwsCredentials(gateway);
    ({ poolId, clientId } = await createPoolWithClient(gateway));
  });
  afterAll(async () => gateway?.close());

  const describePool = (id = poolId, creds = credentials, options: Parameters<typeof signedCall>[4] = {}) =>
    signedCall(gateway, "DescribeUserPool", { UserPoolId: id }, creds, { signingDate: clock.now(), ...options });

  describe("dispatch and serialisation", () => {
    it("answers an unknown action, a foreign target and a missing target with UnknownOperationException", async () => {
      expectWireError(await rawCall(gateway, "FlyToTheMoon", {}), "UnknownOperationException", /FlyToTheMoon/);
      expectWireError(
        await rawCall(gateway, null, {}, { "x-amz-target": "DynamoDB_20120810.ListTables" }),
        "UnknownOperationException",
      );
      expectWireError(await rawCall(gateway, null, {}), "UnknownOperationException");
      // Not an action either: a name inherited by every object.
      expectWireError(await rawCall(gateway, "constructor", {}), "UnknownOperationException");
    });

    it("answers a body that is not a JSON object, or a member of the wrong type, with SerializationException", async () => {
      expectWireError(await rawCall(gateway, "SignUp", "{not json"), "SerializationException");
      expectWireError(await rawCall(gateway, "SignUp", "[1,2]"), "SerializationException");
      expectWireError(
        await rawCall(gateway, "SignUp", { ClientId: clientId, Username: 42, Password: "x" }),
        "SerializationException",
        /'username'/,
      );
      expectWireError(
        await rawCall(gateway, "SignUp", {
          ClientId: clientId,
          Username: "bob",
          UserAttributes: [{ Name: "email", Value: 7 }],
        }),
        "SerializationException",
        /userAttributes\.1\.member\.value/,
      );
      const oversized = await rawCall(gateway, "SignUp", {
        ClientId: clientId,
        Username: "bob",
        Password: "x".repeat(300 * 1024),
      });
      expect({ status: oversized.status, type: oversized.body.__type }).toEqual({
        status: 413,
        type: "RequestEntityTooLargeException",
      });
    });

    it("reports missing and broken members in Cognito's validation wording, without echoing sensitive values", async () => {
      expectWireError(
        await rawCall(gateway, "SignUp", {}),
        "InvalidParameterException",
        "2 validation errors detected: Value null at 'clientId' failed to satisfy constraint: Member must not be null; Value null at 'username' failed to satisfy constraint: Member must not be null",
      );
      expectWireError(
        await rawCall(gateway, "ConfirmSignUp", { ClientId: clientId, Username: "has space", ConfirmationCode: "" }),
        "InvalidParameterException",
        "2 validation errors detected: Value at 'username' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+; Value '' at 'confirmationCode' failed to satisfy constraint: Member must have length greater than or equal to 1",
      );
      expectWireError(
        await rawCall(gateway, "InitiateAuth", { ClientId: clientId, AuthFlow: "MAGIC_LINK" }),
        "InvalidParameterException",
        /^1 validation error detected: Value 'MAGIC_LINK' at 'authFlow' failed to satisfy constraint: Member must satisfy enum value set: \[USER_SRP_AUTH, /,
      );
      const longId = `${"x".repeat(50)}_abcdef`;
      expectWireError(
        await describePool(longId),
        "InvalidParameterException",
        `1 validation error detected: Value '${longId}' at 'userPoolId' failed to satisfy constraint: Member must have length less than or equal to 55`,
      );
      expectWireError(
        await signedCall(gateway, "ListUsers", { UserPoolId: poolId, Limit: 61 }, credentials, {
          signingDate: clock.now(),
        }),
        "InvalidParameterException",
        "1 validation error detected: Value '61' at 'limit' failed to satisfy constraint: Member must have value less than or equal to 60",
      );
    });

    it("serves the path of AWS_JSON_PATH and leaves the other endpoints alone", async () => {
      const other = await getTestApp(backend, {
        env: { ...signInEnv(backend), AWS_JSON_PATH: "/cognito" },
        overrides: { clock },
      });
      try {
        const otherCredentials = await createAwsCredentials(other);
        const pool = await createPoolWithClient(other);
        const served = await signedCall(other, "DescribeUserPool", { UserPoolId: pool.poolId }, otherCredentials, {
          signingDate: clock.now(),
          path: "/cognito",
        });
        expect(served.status).toBe(200);
        expect((served.body.UserPool as { Id: string }).Id).toBe(pool.poolId);
        expect((await rawCall(other, "DescribeUserPool", {})).status).toBe(404);
      } finally {
        await other.close();
      }
      expect((await fetch(`${gateway.baseUrl}/healthz`)).status).toBe(200);
      const graphql = await fetch(`${gateway.url}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query: "{ __typename }" }),
      });
      expect(graphql.status).toBe(200);
    });
  });

  describe("admin actions need an AWS SigV4 signature by an admin key", () => {
    it("accepts a signature made with the key id and the whole key as secret, and epoch-second timestamps come back", async () => {
      const response = await describePool();
      expect(response.status).toBe(200);
      const pool = response.body.UserPool as { Id: string; CreationDate: number; Arn: string };
      expect(pool.Id).toBe(poolId);
      expect(typeof pool.CreationDate).toBe("number");
      expect(Math.abs(pool.CreationDate * 1000 - Date.now())).toBeLessThan(10 * MINUTE_MS);
      expect(pool.Arn).toBe(`arn:aws:cognito-idp:${poolId.split("_")[0]}:000000000000:userpool/${poolId}`);
    });

    it("refuses a missing signature, and public actions need none", async () => {
      expectWireError(
        await rawCall(gateway, "DescribeUserPool", { UserPoolId: poolId }),
        "MissingAuthenticationTokenException",
        "Missing Authentication Token",
      );
      // Authentication comes before the body is read: an unsigned caller learns nothing of the request's shape.
      expectWireError(await rawCall(gateway, "DescribeUserPool", "{broken"), "MissingAuthenticationTokenException");
      expectWireError(
        await rawCall(
          gateway,
          "DescribeUserPool",
          { UserPoolId: poolId },
          { authorization: "AWS4-HMAC-SHA256 Signature=abc" },
        ),
        "IncompleteSignatureException",
      );
      const signUp = await rawCall(gateway, "SignUp", {
        ClientId: clientId,
        Username: `nosig${Date.now()}`,
        Password: "Corr3ct-Horse!",
      });
      expect(signUp.status).toBe(200);
      expect(signUp.body.UserSub).toMatch(/^[0-9a-f-]{36}$/);
    });

    it("refuses a wrong secret, a tampered body and a tampered signed header with InvalidSignatureException", async () => {
      expectWireError(
        await describePool(poolId, { ...credentials, secretAccessKey: `${credentials.secretAccessKey}x` }),
        "InvalidSignatureException",
        BAD_SIGNATURE,
      );
      const tamperedBody = await describePool(poolId, credentials, {
        tamper: (headers) => ({ headers, body: JSON.stringify({ UserPoolId: `${poolId}0` }) }),
      });
      expectWireError(tamperedBody, "InvalidSignatureException", BAD_SIGNATURE);
      const otherAction = await describePool(poolId, credentials, {
        tamper: (headers, body) => ({
          headers: { ...headers, "x-amz-target": "AWSCognitoIdentityProviderService.DeleteUserPool" },
          body,
        }),
      });
      expectWireError(otherAction, "InvalidSignatureException", BAD_SIGNATURE);
      expect((await describePool()).status).toBe(200);
    });

    it("refuses SignedHeaders named like Object.prototype properties with InvalidSignatureException, not a 500", async () => {
      const date = amzDate(clock.now());
      for (const names of ["constructor;host;x-amz-date", "__proto__;host;x-amz-date", "host;valueOf;x-amz-date"]) {
        const answer = await rawCall(
          gateway,
          "ListUserPools",
          { MaxResults: 1 },
          {
            "x-amz-date": date,
            authorization: `AWS4-HMAC-SHA256 Credential=${credentials.accessKeyId}/${date.slice(0, 8)}/us-east-1/cognito-idp/aws4_request, SignedHeaders=${names}, Signature=${"0".repeat(64)}`,
          },
        );
        expectWireError(answer, "InvalidSignatureException", BAD_SIGNATURE);
      }
      expect((await describePool()).status).toBe(200);
    });

    it("refuses signatures older or newer than 15 minutes with AWS's messages, and accepts them just inside", async () => {
      const now = clock.now();
      expect(
        (await describePool(poolId, credentials, { signingDate: new Date(now.getTime() - 14 * MINUTE_MS) })).status,
      ).toBe(200);
      expect(
        (await describePool(poolId, credentials, { signingDate: new Date(now.getTime() + 14 * MINUTE_MS) })).status,
      ).toBe(200);
      const stale = new Date(now.getTime() - 16 * MINUTE_MS);
      expectWireError(
        await describePool(poolId, credentials, { signingDate: stale }),
        "InvalidSignatureException",
        `Signature expired: ${amzDate(stale)} is now earlier than ${amzDate(new Date(now.getTime() - 15 * MINUTE_MS))} (${amzDate(now)} - 15 min.)`,
      );
      const future = new Date(now.getTime() + 16 * MINUTE_MS);
      expectWireError(
        await describePool(poolId, credentials, { signingDate: future }),
        "InvalidSignatureException",
        `Signature not yet current: ${amzDate(future)} is still later than ${amzDate(new Date(now.getTime() + 15 * MINUTE_MS))} (${amzDate(now)} + 15 min.)`,
      );
      // A replay of a request captured 16 minutes ago fails although it was valid then.
      const captured = await describePool();
      expect(captured.status).toBe(200);
      clock.advanceSeconds(16 * 60);
      try {
        expectWireError(
          await describePool(poolId, credentials, { signingDate: now }),
          "InvalidSignatureException",
          /^Signature expired: /,
        );
      } finally {
        clock.set(now);
      }
    });

    it("refuses an unknown or revoked key id with UnrecognizedClientException", async () => {
      expectWireError(
        await describePool(poolId, {
          accessKeyId: "nosuchkey0000000000",
          secretAccessKey: credentials.secretAccessKey,
        }),
        "UnrecognizedClientException",
        UNRECOGNIZED,
      );
      const revoked = await createAwsCredentials(gateway);
      expect((await describePool(poolId, revoked)).status).toBe(200);
      expectData(await gateway.gql(RevokeAdminApiKeyDocument, { keyId: revoked.accessKeyId }));
      expectWireError(await describePool(poolId, revoked), "UnrecognizedClientException", UNRECOGNIZED);
    });

    it("refuses to verify with a key stored before keys were sealed, saying why", async () => {
      const legacy = await createAwsCredentials(gateway);
      await clearSealedSecret(gateway, legacy.accessKeyId);
      expectWireError(
        await describePool(poolId, legacy),
        "UnrecognizedClientException",
        /created before keys could sign requests/,
      );
      // The same key still works as a bearer key.
      const bearer = await rawCall(
        gateway,
        "DescribeUserPool",
        { UserPoolId: poolId },
        { authorization: `Bearer ${legacy.secretAccessKey}` },
      );
      expect(bearer.status).toBe(200);
    });

    it("seals a configured ADMIN_API_KEY that was registered before keys were sealed at the next start", async () => {
      const dataDir = mkdtempSync(path.join(tmpdir(), "gw-wire-"));
      const configuredKey = `configured-${randomBytes(24).toString("hex")}`;
      const env = {
        ...signInEnv(backend),
        ADMIN_API_KEY: configuredKey,
        SECRETS_KEY: gateway.config.secretsKey!.toString("base64"),
      };
      const listPools = (target: TestApp, keyId: string) =>
        signedCall(
          target,
          "ListUserPools",
          { MaxResults: 1 },
          { accessKeyId: keyId, secretAccessKey: configuredKey },
          { signingDate: clock.now() },
        );
      try {
        const first = await getTestApp(backend, { env, dataDir, overrides: { clock } });
        const [row] = await runSql(first, "SELECT id FROM admin_api_keys WHERE key_hash = ?", [
          createHash("sha256").update(configuredKey).digest("hex"),
        ]);
        const keyId = String(row!.id);
        try {
          expect((await listPools(first, keyId)).status).toBe(200);
          await clearSealedSecret(first, keyId);
          expectWireError(
            await listPools(first, keyId),
            "UnrecognizedClientException",
            /created before keys could sign requests/,
          );
        } finally {
          await first.close();
        }
        const second = await getTestApp(backend, { env, dataDir, overrides: { clock } });
        try {
          expect((await listPools(second, keyId)).status).toBe(200);
        } finally {
          await second.close();
        }
      } finally {
        rmSync(dataDir, { recursive: true, force: true });
      }
    });

    it("keeps a scoped key to its own pools", async () => {
      const other = await createPoolWithClient(gateway);
      const scoped = await createAwsCredentials(gateway, [other.poolId]);
      expect((await describePool(other.poolId, scoped)).status).toBe(200);
      expectWireError(
        await describePool(poolId, scoped),
        "NotAuthorizedException",
        `This admin API key is not allowed to access user pool ${poolId}.`,
      );
      expectWireError(
        await signedCall(gateway, "CreateUserPool", { PoolName: "widen" }, scoped, { signingDate: clock.now() }),
        "NotAuthorizedException",
        /scoped/,
      );
    });
  });
});

describe("the README's compatibility table", () => {
  it("lists as served exactly the actions the gateway serves", () => {
    const readme = readFileSync(path.resolve(__dirname, "../../README.md"), "utf8");
    const section = readme.slice(
      readme.indexOf("### Which Cognito actions are served"),
      readme.indexOf("### Where the wire API still differs"),
    );
    const served = [...section.matchAll(/^\| ([A-Za-z]+) \| [^|]+ \| served \|$/gm)].map((match) => match[1]);
    expect(served.sort()).toEqual(Object.keys(WIRE_ACTIONS).sort());
  });
});

/** Runs one statement straight on the gateway's database, past the gateway (to stage rows of an older version). */
async function runSql(gateway: TestApp, sql: string, parameters: string[]): Promise<Record<string, unknown>[]> {
  const target = gateway.config.database;
  if (target.dialect === "sqlite") {
    const db = new Sqlite(target.path, { fileMustExist: true });
    try {
      const statement = db.prepare(sql);
      return statement.reader
        ? (statement.all(...parameters) as Record<string, unknown>[])
        : (statement.run(...parameters), []);
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
    const [rows] = await connection.query(sql, parameters);
    return Array.isArray(rows) ? (rows as Record<string, unknown>[]) : [];
  } finally {
    await connection.end();
  }
}

/** Empties a key's sealed secret, as a row written before the column existed. */
/**
 * Makes the key one stored before keys were sealed. Gateways keep active keys in memory, so a change
 * behind their back is announced as the CLI does: on the embedded file they would notice another
 * connection's commit by themselves; on MariaDB only the message tells them.
 */
async function clearSealedSecret(gateway: TestApp, keyId: string): Promise<void> {
  await runSql(gateway, "UPDATE admin_api_keys SET secret_ciphertext = NULL WHERE id = ?", [keyId]);
  await gateway.app.store.publish(ADMIN_KEY_CHANNEL, JSON.stringify({ kind: "key", id: keyId }));
}
