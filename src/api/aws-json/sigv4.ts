import { Hash } from "@smithy/hash-node";
import { HttpRequest } from "@smithy/protocol-http";
import { SignatureV4 } from "@smithy/signature-v4";
import { createHash } from "node:crypto";
import type { AdminPrincipal } from "../../core/admin-keys/admin-key.types.js";
import type { SigningKey } from "../../core/admin-keys/admin-key.service.js";
import { constantTimeEqual } from "../../lib/secrets.js";
import { authErrors } from "./wire-errors.js";

/** AWS accepts a signature made up to 15 minutes before or after its own clock. */
const MAX_SKEW_MS = 15 * 60 * 1000;
const SERVICE = "cognito-idp";
const AMZ_DATE = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/;

export interface SignedRequest {
  method: string;
  /** Host header as sent (SigV4 signs it). */
  headers: Readonly<Record<string, string | string[] | undefined>>;
  /** The path the client signed, without the query. */
  path: string;
  query: Readonly<Record<string, string | string[]>>;
  body: Buffer;
}

interface ParsedAuthorization {
  accessKeyId: string;
  shortDate: string;
  region: string;
  service: string;
  signedHeaders: string[];
  signature: string;
}

function parseAuthorization(header: string): ParsedAuthorization {
  if (!header.startsWith("AWS4-HMAC-SHA256 "))
    throw authErrors.incomplete("Authorization header must use the AWS4-HMAC-SHA256 algorithm.");
  const fields = new Map<string, string>();
  for (const part of header.slice("AWS4-HMAC-SHA256 ".length).split(",")) {
    const [name, ...rest] = part.trim().split("=");
    if (name) fields.set(name, rest.join("="));
  }
  const credential = fields.get("Credential");
  const signedHeaders = fields.get("SignedHeaders");
  const signature = fields.get("Signature");
  if (!credential) throw authErrors.incomplete("Authorization header requires 'Credential' parameter.");
  if (!signedHeaders) throw authErrors.incomplete("Authorization header requires 'SignedHeaders' parameter.");
  if (!signature || !/^[0-9a-f]{64}$/.test(signature))
    throw authErrors.incomplete("Authorization header requires 'Signature' parameter.");
  const scope = credential.split("/");
  if (scope.length !== 5 || scope[4] !== "aws4_request" || !/^\d{8}$/.test(scope[1]!)) {
    throw authErrors.incomplete(
      `Credential should be scoped to a valid region, not '${scope[2] ?? ""}'. Credential must be <access key id>/<date>/<region>/${SERVICE}/aws4_request.`,
    );
  }
  return {
    accessKeyId: scope[0]!,
    shortDate: scope[1]!,
    region: scope[2]!,
    service: scope[3]!,
    signedHeaders: signedHeaders.split(";"),
    signature,
  };
}

function parseAmzDate(value: string | undefined): Date | null {
  const match = value ? AMZ_DATE.exec(value) : null;
  if (!match) return null;
  const [, year, month, day, hour, minute, second] = match.map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const date = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  return Number.isNaN(date.getTime()) ? null : date;
}

const amzDateOf = (date: Date): string =>
  date
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");

const headerValue = (value: string | string[] | undefined): string | undefined =>
  Array.isArray(value) ? value.join(",") : value;

/**
 * Verifies an AWS Signature Version 4 (Authorization header form) made with an admin key: the key id
 * is the access key id, the whole key the secret access key. The canonical request is rebuilt by
 * the AWS SDK's own signer (@smithy/signature-v4) over exactly the headers the client signed,
 * and the two signatures are compared in constant time.
 * @throws MissingAuthenticationTokenException, IncompleteSignatureException, UnrecognizedClientException, InvalidSignatureException
 */
export async function verifySigV4(
  request: SignedRequest,
  now: Date,
  findKey: (keyId: string) => Promise<SigningKey | null>,
): Promise<AdminPrincipal> {
  const authorization = headerValue(request.headers.authorization);
  if (!authorization) throw authErrors.missing();
  const parsed = parseAuthorization(authorization);
  if (parsed.service !== SERVICE)
    throw authErrors.incomplete(`Credential should be scoped to correct service: '${SERVICE}'.`);
  if (!parsed.signedHeaders.includes("host"))
    throw authErrors.incomplete("'Host' must be a 'SignedHeader' in the AWS Authorization.");

  const amzDate = headerValue(request.headers["x-amz-date"]);
  const signingDate = parseAmzDate(amzDate);
  if (!signingDate || !parsed.signedHeaders.includes("x-amz-date"))
    throw authErrors.incomplete("Authorization header requires existence of a signed 'X-Amz-Date' header.");
  // A captured request must not be replayable for long: the window is AWS's.
  if (signingDate.getTime() < now.getTime() - MAX_SKEW_MS) {
    throw authErrors.stale(
      `Signature expired: ${amzDate} is now earlier than ${amzDateOf(new Date(now.getTime() - MAX_SKEW_MS))} (${amzDateOf(now)} - 15 min.)`,
    );
  }
  if (signingDate.getTime() > now.getTime() + MAX_SKEW_MS) {
    throw authErrors.stale(
      `Signature not yet current: ${amzDate} is still later than ${amzDateOf(new Date(now.getTime() + MAX_SKEW_MS))} (${amzDateOf(now)} + 15 min.)`,
    );
  }

  const key = await findKey(parsed.accessKeyId);
  if (!key) throw authErrors.unrecognizedClient();
  if (key.secret === null) throw authErrors.cannotSign();

  const signedHeaders: Record<string, string> = {};
  for (const name of parsed.signedHeaders) {
    // Own headers only: a SignedHeaders entry such as `constructor` or `__proto__` must not read
    // Object.prototype (a function reaching the signer made it throw: a 500 for a bad signature).
    const value = Object.hasOwn(request.headers, name) ? headerValue(request.headers[name]) : undefined;
    if (value === undefined) throw authErrors.badSignature();
    signedHeaders[name] = value;
  }
  // A signed payload hash must be the body's, or the signature would cover a body that was swapped.
  const payloadHash = signedHeaders["x-amz-content-sha256"];
  if (
    payloadHash !== undefined &&
    payloadHash !== "UNSIGNED-PAYLOAD" &&
    payloadHash !== createHash("sha256").update(request.body).digest("hex")
  )
    throw authErrors.badSignature();
  if (payloadHash === "UNSIGNED-PAYLOAD") throw authErrors.badSignature();

  const signer = new SignatureV4({
    credentials: { accessKeyId: parsed.accessKeyId, secretAccessKey: key.secret },
    region: parsed.region,
    service: SERVICE,
    sha256: Hash.bind(null, "sha256"),
    applyChecksum: false,
  });
  const resigned = await signer.sign(
    new HttpRequest({
      method: request.method,
      protocol: "http:",
      hostname: "gateway",
      path: request.path,
      query: { ...request.query },
      headers: signedHeaders,
      body: request.body,
    }),
    {
      signingDate,
      signingRegion: parsed.region,
      signingService: SERVICE,
      signableHeaders: new Set(parsed.signedHeaders),
    },
  );
  const expected =
    /Signature=([0-9a-f]{64})/.exec(
      String(resigned.headers.authorization ?? resigned.headers.Authorization ?? ""),
    )?.[1] ?? "";
  const expectedHeaders =
    /SignedHeaders=([^,]+)/.exec(String(resigned.headers.authorization ?? resigned.headers.Authorization ?? ""))?.[1] ??
    "";
  if (
    parsed.shortDate !== amzDate!.slice(0, 8) ||
    expectedHeaders !== parsed.signedHeaders.join(";") ||
    !constantTimeEqual(expected, parsed.signature)
  )
    throw authErrors.badSignature();
  return key.principal;
}
