import { CognitoIdentityProviderClient } from "@aws-sdk/client-cognito-identity-provider";
import { Hash } from "@smithy/hash-node";
import { HttpRequest } from "@smithy/protocol-http";
import { SignatureV4 } from "@smithy/signature-v4";
import { CreateAdminApiKeyDocument } from "./generated/graphql.js";
import { expectData } from "./graphql-client.js";
import type { TestApp } from "./test-app.js";

/** Any region works: the gateway checks the signature over whatever scope the client signed. */
export const AWS_REGION = "us-east-1";
export const TARGET_PREFIX = "AWSCognitoIdentityProviderService.";

export interface AwsCredentials {
  accessKeyId: string;
  secretAccessKey: string;
}

/** A fresh admin key (over GraphQL), as AWS credentials: key id → access key id, the key → secret. */
export async function createAwsCredentials(gateway: TestApp, poolScope?: string[]): Promise<AwsCredentials> {
  const { key, secret } = expectData(
    await gateway.gql(CreateAdminApiKeyDocument, { input: { name: `aws-${Date.now().toString(36)}`, poolScope } }),
  ).createAdminApiKey;
  return { accessKeyId: key.id, secretAccessKey: secret };
}

/** The AWS SDK v3 client pointed at the gateway, unmodified but for the endpoint (and no retries, so errors surface at once). */
export function cognitoClient(gateway: TestApp, credentials?: AwsCredentials): CognitoIdentityProviderClient {
  return new CognitoIdentityProviderClient({
    endpoint: `${gateway.baseUrl}/`,
    region: AWS_REGION,
    maxAttempts: 1,
    // Public actions (SignUp, InitiateAuth…) are unsigned in the SDK, so a client may have no credentials at all.
    credentials:
      credentials ?? (async () => Promise.reject(new Error("no credentials: this client is for public actions only"))),
  });
}

export interface RawResponse {
  status: number;
  body: Record<string, unknown>;
  headers: Headers;
}

/** POSTs one action by hand, as the protocol tests need (malformed bodies, forged signatures). */
export async function rawCall(
  gateway: TestApp,
  target: string | null,
  body: string | object,
  headers: Record<string, string> = {},
  path = "/",
): Promise<RawResponse> {
  const response = await fetch(`${gateway.baseUrl}${path}`, {
    method: "POST",
    headers: {
      "content-type": "application/x-amz-json-1.1",
      ...(target === null ? {} : { "x-amz-target": `${TARGET_PREFIX}${target}` }),
      ...headers,
    },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  const text = await response.text();
  const isJson = /json/.test(response.headers.get("content-type") ?? "");
  return {
    status: response.status,
    headers: response.headers,
    body: text && isJson ? (JSON.parse(text) as Record<string, unknown>) : {},
  };
}

/** Signs an action with SigV4 exactly as the SDK does (the same signer), at a chosen time. */
export async function signedHeaders(
  gateway: TestApp,
  action: string,
  body: string,
  credentials: AwsCredentials,
  signingDate: Date,
  path = "/",
): Promise<Record<string, string>> {
  const url = new URL(gateway.baseUrl);
  const signer = new SignatureV4({
    credentials,
    region: AWS_REGION,
    service: "cognito-idp",
    sha256: Hash.bind(null, "sha256"),
  });
  const request = new HttpRequest({
    method: "POST",
    protocol: "http:",
    hostname: url.hostname,
    port: Number(url.port),
    path,
    headers: {
      host: url.host,
      "content-type": "application/x-amz-json-1.1",
      "x-amz-target": `${TARGET_PREFIX}${action}`,
    },
    body,
  });
  const signed = await signer.sign(request, { signingDate });
  return signed.headers as Record<string, string>;
}

/** Sends a signed action by hand; `tamper` may change the signed request before it leaves. */
export async function signedCall(
  gateway: TestApp,
  action: string,
  input: object,
  credentials: AwsCredentials,
  options: {
    signingDate?: Date;
    tamper?: (headers: Record<string, string>, body: string) => { headers: Record<string, string>; body: string };
    path?: string;
  } = {},
): Promise<RawResponse> {
  const path = options.path ?? "/";
  const body = JSON.stringify(input);
  const headers = await signedHeaders(gateway, action, body, credentials, options.signingDate ?? new Date(), path);
  const sent = options.tamper ? options.tamper({ ...headers }, body) : { headers, body };
  const { host: _host, ...forwarded } = sent.headers;
  return rawCall(gateway, null, sent.body, forwarded, path);
}
