import { createHmac } from "node:crypto";
import type { DeliveryMedium, Logger, MessageSender } from "../../core/ports.js";
import type { Clock } from "../../lib/clock.js";
import { timeOrderedId } from "../../lib/random.js";
import { deliveryFailure } from "./delivery-failure.js";

export interface WebhookSenderOptions {
  url: string;
  /** HMAC key shared with the receiver (at least 16 characters; config enforces it). */
  secret: string;
  clock: Clock;
  logger: Logger;
  timeoutMs?: number;
}

/** What the receiver gets, as JSON; README "Message delivery" documents it. */
export interface WebhookPayload {
  id: string;
  poolId: string;
  userSub: string | null;
  medium: DeliveryMedium;
  destination: string;
  subject: string | null;
  body: string;
  purpose: string;
  sentAt: string;
}

export const SIGNATURE_HEADER = "x-gateway-signature";
export const TIMESTAMP_HEADER = "x-gateway-timestamp";

/**
 * `v1=<hex HMAC-SHA256(secret, "<timestamp>.<raw body>")>`. The timestamp is inside the MAC so a
 * receiver that rejects stale timestamps also rejects a captured request replayed later.
 */
export function signWebhookBody(secret: string, timestampSeconds: string, rawBody: string): string {
  return `v1=${createHmac("sha256", secret).update(`${timestampSeconds}.${rawBody}`).digest("hex")}`;
}

/**
 * Delivers EMAIL and SMS messages by POSTing them, signed, to an HTTP endpoint of the operator's
 * choosing, which hands them to any provider. Success is a 2xx answer within the timeout.
 * @throws CodeDeliveryFailureException on a non-2xx answer, a timeout or a network error.
 */
export function createWebhookSender({ url, secret, clock, logger, timeoutMs = 5_000 }: WebhookSenderOptions): MessageSender {
  return {
    async send(message) {
      const now = clock.now();
      const payload: WebhookPayload = {
        id: timeOrderedId(now.getTime()),
        poolId: message.poolId,
        userSub: message.userId,
        medium: message.medium,
        destination: message.destination,
        subject: message.subject,
        body: message.body,
        purpose: message.purpose,
        sentAt: now.toISOString(),
      };
      const rawBody = JSON.stringify(payload);
      const timestamp = String(Math.floor(now.getTime() / 1000));
      const logFields = { poolId: message.poolId, messageId: payload.id, medium: message.medium, purpose: message.purpose, transport: "webhook" };
      let response: Response;
      try {
        response = await fetch(url, {
          method: "POST",
          headers: { "content-type": "application/json", [TIMESTAMP_HEADER]: timestamp, [SIGNATURE_HEADER]: signWebhookBody(secret, timestamp, rawBody) },
          body: rawBody,
          signal: AbortSignal.timeout(timeoutMs),
          // Following a redirect would re-send the body, code included, wherever Location points.
          redirect: "manual",
        });
      } catch (error) {
        const cause = (error as { cause?: { code?: unknown } } | null)?.cause;
        const reason = (error as Error | null)?.name === "TimeoutError" ? `no answer within ${timeoutMs} ms` : "network error";
        logger.warn({ ...logFields, reason, errorCode: cause?.code }, "message webhook delivery failed");
        throw deliveryFailure(message.medium);
      }
      // The answer's body is not read (it is not ours to log); cancelling frees the connection.
      await response.body?.cancel().catch(() => undefined);
      if (!response.ok) {
        logger.warn({ ...logFields, reason: `webhook answered HTTP ${response.status}`, httpStatus: response.status }, "message webhook delivery failed");
        throw deliveryFailure(message.medium);
      }
    },
  };
}
