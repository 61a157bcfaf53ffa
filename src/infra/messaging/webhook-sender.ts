import type { DeliveryMedium, Logger, MessageSender } from "../../core/ports.js";
import type { Clock } from "../../lib/clock.js";
import { timeOrderedId } from "../../lib/random.js";
import { standardWebhookHeaders } from "../webhooks/standard-webhooks.js";
import { deliveryFailure } from "./delivery-failure.js";

export interface WebhookSenderOptions {
  url: string;
  /** Signing secret shared with the receiver, `whsec_` + base64 (config enforces the form). */
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

/**
 * Delivers EMAIL and SMS messages by POSTing them, signed in the Standard Webhooks format (webhook-id
 * is the message id), to an HTTP endpoint of the operator's choosing, which hands them to any
 * provider. Success is a 2xx answer within the timeout.
 * @throws CodeDeliveryFailureException on a non-2xx answer, a timeout or a network error.
 */
export function createWebhookSender({
  url,
  secret,
  clock,
  logger,
  timeoutMs = 5_000,
}: WebhookSenderOptions): MessageSender {
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
      const timestampSeconds = Math.floor(now.getTime() / 1000);
      const logFields = {
        poolId: message.poolId,
        messageId: payload.id,
        medium: message.medium,
        purpose: message.purpose,
        transport: "webhook",
      };
      let response: Response;
      try {
        response = await fetch(url, {
          method: "POST",
          headers: {
            "content-type": "application/json",
            ...standardWebhookHeaders(secret, { id: payload.id, timestampSeconds, body: rawBody }),
          },
          body: rawBody,
          signal: AbortSignal.timeout(timeoutMs),
          // Following a redirect would re-send the body, code included, wherever Location points.
          redirect: "manual",
        });
      } catch (error) {
        const cause = (error as { cause?: { code?: unknown } } | null)?.cause;
        const reason =
          (error as Error | null)?.name === "TimeoutError" ? `no answer within ${timeoutMs} ms` : "network error";
        logger.warn({ ...logFields, reason, errorCode: cause?.code }, "message webhook delivery failed");
        throw deliveryFailure(message.medium);
      }
      // The answer's body is not read (it is not ours to log); cancelling frees the connection.
      await response.body?.cancel().catch(() => undefined);
      if (!response.ok) {
        logger.warn(
          { ...logFields, reason: `webhook answered HTTP ${response.status}`, httpStatus: response.status },
          "message webhook delivery failed",
        );
        throw deliveryFailure(message.medium);
      }
    },
  };
}
