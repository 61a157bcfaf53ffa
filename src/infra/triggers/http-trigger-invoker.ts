import { createCipheriv, createHmac, randomBytes } from "node:crypto";
import { CognitoError } from "../../core/errors.js";
import type { Logger, TriggerInvoker } from "../../core/ports.js";
import type { Clock } from "../../lib/clock.js";
import { egressRefusalOf, readBodyLimited, type OutboundFetch } from "../outbound/outbound-fetch.js";

export const TRIGGER_TIMESTAMP_HEADER = "x-gateway-timestamp";
export const TRIGGER_SIGNATURE_HEADER = "x-gateway-signature";
/** Cognito gives a synchronous trigger 5 seconds (cognito-reference §10.1). */
export const TRIGGER_TIMEOUT_MS = 5_000;
/** Longest receiver error message echoed back to the client (Cognito's own messages are short). */
const MAX_ERROR_MESSAGE_LENGTH = 500;
/** Largest answer read: a trigger answers a small JSON object, never megabytes. */
const MAX_RESPONSE_BYTES = 256 * 1024;

/**
 * Hex HMAC-SHA-256 of `${timestamp}.${body}` under the pool's trigger secret. The timestamp is inside
 * the MAC so a receiver that refuses stale timestamps also refuses a captured request replayed later.
 * Not the Standard Webhooks format the event and message webhooks use (#14): a trigger is a synchronous
 * call standing in for a Lambda invocation, whose answer the gateway acts on, not a notification; and
 * its secret also derives the key that seals custom-sender codes (codeSealingKey, which receivers
 * compute from the secret string). Moving triggers means new secrets, a new sealing derivation and
 * every trigger receiver changed at once, so it is a change of its own, not a side effect of this one.
 */
export function signTriggerRequest(secret: string, timestampSeconds: string, body: string): string {
  return createHmac("sha256", secret).update(`${timestampSeconds}.${body}`, "utf8").digest("hex");
}

/** AES-256-GCM key for custom-sender codes: derived, so the signing key itself never encrypts. */
export const codeSealingKey = (secret: string): Buffer =>
  createHmac("sha256", secret).update("identity-gateway trigger code v1").digest();

/** base64(nonce ‖ ciphertext ‖ tag), AES-256-GCM with a 96-bit random nonce; README shows the receiver's decrypt. */
export function sealCodeForReceiver(secret: string, plaintext: string): string {
  const nonce = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", codeSealingKey(secret), nonce);
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return Buffer.concat([nonce, body, cipher.getAuthTag()]).toString("base64");
}

function errorMessageOf(text: string): string {
  let message = text;
  try {
    const parsed = JSON.parse(text) as unknown;
    if (parsed && typeof parsed === "object") {
      const candidate = (parsed as Record<string, unknown>).errorMessage ?? (parsed as Record<string, unknown>).message;
      if (typeof candidate === "string") message = candidate;
    }
  } catch {
    // Not JSON: the body text itself is the message, as a Lambda's thrown Error would be.
  }
  message = message.trim();
  return message.length > MAX_ERROR_MESSAGE_LENGTH ? `${message.slice(0, MAX_ERROR_MESSAGE_LENGTH)}…` : message;
}

/**
 * Triggers as HTTP endpoints: POSTs the Lambda event as JSON with X-Gateway-Timestamp and
 * X-Gateway-Signature, and maps every failure to the exception Cognito raises for a Lambda.
 */
export function createHttpTriggerInvoker({
  clock,
  logger,
  fetch,
  timeoutMs = TRIGGER_TIMEOUT_MS,
}: {
  clock: Clock;
  logger: Logger;
  /** Outbound HTTP under OUTBOUND_ALLOWED_NETWORKS (infra/outbound). */
  fetch: OutboundFetch;
  timeoutMs?: number;
}): TriggerInvoker {
  return {
    async invoke({ triggerName, url, secret, event }) {
      const body = JSON.stringify(event);
      const timestamp = String(Math.floor(clock.nowMs() / 1000));
      const logFields = { trigger: triggerName, triggerSource: event.triggerSource, poolId: event.userPoolId };
      let response: Response;
      try {
        response = await fetch(url, {
          method: "POST",
          headers: {
            "content-type": "application/json",
            [TRIGGER_TIMESTAMP_HEADER]: timestamp,
            [TRIGGER_SIGNATURE_HEADER]: signTriggerRequest(secret, timestamp, body),
          },
          body,
          signal: AbortSignal.timeout(timeoutMs),
          // A redirect would re-send the event (passwords of UserMigration included) wherever Location points.
          redirect: "manual",
        });
      } catch (error) {
        const refusal = egressRefusalOf(error);
        if (refusal) {
          logger.warn({ ...logFields, reason: refusal.message }, "trigger call refused");
          throw new CognitoError(
            "UnexpectedLambdaException",
            `${triggerName} failed: the trigger's address is not public, and the gateway's OUTBOUND_ALLOWED_NETWORKS does not allow it.`,
          );
        }
        const timedOut = (error as Error | null)?.name === "TimeoutError";
        logger.warn(
          {
            ...logFields,
            reason: timedOut ? `no answer within ${timeoutMs} ms` : "network error",
            errorCode: (error as { cause?: { code?: unknown } }).cause?.code,
          },
          "trigger call failed",
        );
        throw new CognitoError(
          "UnexpectedLambdaException",
          timedOut
            ? `${triggerName} failed: the trigger did not answer within ${timeoutMs / 1000} s.`
            : `${triggerName} failed: the trigger could not be reached.`,
        );
      }
      let text: string;
      try {
        text = await readBodyLimited(response, MAX_RESPONSE_BYTES);
      } catch (error) {
        const timedOut = (error as Error | null)?.name === "TimeoutError";
        logger.warn(
          {
            ...logFields,
            reason: timedOut ? `answer not complete within ${timeoutMs} ms` : "unreadable answer",
            httpStatus: response.status,
          },
          "trigger call failed",
        );
        throw new CognitoError(
          "UnexpectedLambdaException",
          timedOut
            ? `${triggerName} failed: the trigger did not answer within ${timeoutMs / 1000} s.`
            : `${triggerName} failed: the trigger's answer could not be read.`,
        );
      }
      if (response.status >= 300 && response.status < 400) {
        logger.warn({ ...logFields, reason: "redirect refused", httpStatus: response.status }, "trigger call failed");
        throw new CognitoError(
          "UnexpectedLambdaException",
          `${triggerName} failed: the trigger answered with a redirect.`,
        );
      }
      if (!response.ok) {
        // The receiver refused the operation, as a Lambda throwing an Error does.
        logger.info({ ...logFields, httpStatus: response.status }, "trigger refused the operation");
        throw new CognitoError(
          "UserLambdaValidationException",
          `${triggerName} failed with error ${errorMessageOf(text)}.`,
        );
      }
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch {
        parsed = undefined;
      }
      if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) {
        logger.warn({ ...logFields, reason: "answer is not a JSON object" }, "trigger call failed");
        throw new CognitoError(
          "InvalidLambdaResponseException",
          `Invalid ${triggerName} response: the trigger must answer with the event as a JSON object.`,
        );
      }
      return parsed as Record<string, unknown>;
    },

    sealForReceiver: sealCodeForReceiver,
  };
}
