import { Hash } from "@smithy/hash-node";
import { HttpRequest } from "@smithy/protocol-http";
import { SignatureV4 } from "@smithy/signature-v4";
import { CognitoError } from "../../core/errors.js";
import type { Logger, SourcePoolAnswer, SourcePoolCaller, SourcePoolConnection } from "../../core/ports.js";
import {
  AnswerTooLargeError,
  egressRefusalOf,
  readBodyLimited,
  type OutboundFetch,
} from "../outbound/outbound-fetch.js";

const TARGET_PREFIX = "AWSCognitoIdentityProviderService.";
const CONTENT_TYPE = "application/x-amz-json-1.1";
/** An answer larger than this is not one of the few small outputs the migration reads. */
const MAX_ANSWER_BYTES = 1024 * 1024;

const unreachable = (detail: string) =>
  new CognitoError("UnexpectedLambdaException", `UserMigration failed: the migration source ${detail}.`);

/**
 * Cognito's JSON protocol over fetch, SigV4-signed with the same signer the AWS SDK uses when the
 * connection has credentials. A minimal client rather than the AWS SDK: the SDK is only a test
 * dependency, and the migration needs exactly one thing it hides — a hard per-call deadline with no
 * retries (a sign-in waits on it).
 */
export function createSourcePoolCaller({ logger, fetch }: { logger: Logger; fetch: OutboundFetch }): SourcePoolCaller {
  return {
    async call(
      connection: SourcePoolConnection,
      action: string,
      input: Record<string, unknown>,
    ): Promise<SourcePoolAnswer> {
      const url = new URL(connection.endpoint);
      const body = JSON.stringify(input);
      let headers: Record<string, string> = {
        host: url.host,
        "content-type": CONTENT_TYPE,
        "x-amz-target": `${TARGET_PREFIX}${action}`,
      };
      if (connection.credentials) {
        const signer = new SignatureV4({
          credentials: connection.credentials,
          region: connection.region,
          service: "cognito-idp",
          sha256: Hash.bind(null, "sha256"),
        });
        const request = new HttpRequest({
          method: "POST",
          protocol: url.protocol,
          hostname: url.hostname,
          port: url.port ? Number(url.port) : undefined,
          path: url.pathname || "/",
          headers,
          body,
        });
        headers = (await signer.sign(request)).headers as Record<string, string>;
      }
      const { host: _host, ...sent } = headers;
      let response: Response;
      let text: string;
      try {
        response = await fetch(url, {
          method: "POST",
          headers: sent,
          body,
          redirect: "manual",
          signal: AbortSignal.timeout(connection.timeoutMs),
        });
        text = await readBodyLimited(response, MAX_ANSWER_BYTES);
      } catch (error) {
        if (error instanceof AnswerTooLargeError) throw unreachable("answered with an oversized body");
        const refusal = egressRefusalOf(error);
        if (refusal) {
          logger.warn({ action, endpoint: url.origin, reason: refusal.message }, "migration source call refused");
          throw unreachable("is not at a public address, and OUTBOUND_ALLOWED_NETWORKS does not allow its address");
        }
        const timedOut = error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError");
        // The endpoint and action only: the body holds the password.
        logger.warn(
          { action, endpoint: url.origin, err: error instanceof Error ? error.message : String(error) },
          "migration source call failed",
        );
        throw unreachable(timedOut ? `did not answer within ${connection.timeoutMs} ms` : "could not be reached");
      }
      let parsed: unknown;
      try {
        parsed = text === "" ? {} : JSON.parse(text);
      } catch {
        parsed = null;
      }
      if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) {
        logger.warn(
          { action, endpoint: url.origin, status: response.status },
          "migration source answered something other than JSON",
        );
        throw unreachable(`answered HTTP ${response.status} without the Cognito protocol's JSON`);
      }
      const answer = parsed as Record<string, unknown>;
      if (response.ok) return { ok: true, output: answer };
      const rawType = String(answer.__type ?? answer.code ?? response.headers.get("x-amzn-errortype") ?? "");
      const errorType = rawType.split("#").pop()!.split(":")[0]!;
      if (response.status >= 500 || !errorType) {
        logger.warn({ action, endpoint: url.origin, status: response.status, errorType }, "migration source failed");
        throw unreachable(`failed (HTTP ${response.status}${errorType ? `, ${errorType}` : ""})`);
      }
      return { ok: false, errorType, message: String(answer.message ?? answer.Message ?? "") };
    },
  };
}
