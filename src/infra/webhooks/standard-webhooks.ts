import { Webhook } from "standardwebhooks";

/**
 * Signs the gateway's outgoing webhooks (event deliveries and message deliveries) in the Standard
 * Webhooks format (standardwebhooks.com), with its reference library, so receivers verify with
 * `new Webhook(secret).verify(rawBody, headers)` in any language instead of hand-written HMAC code:
 * `webhook-signature: v1,<base64 HMAC-SHA-256(key, "<id>.<timestamp>.<raw body>")>`. The id and the
 * timestamp are inside the MAC: a receiver that refuses stale timestamps (the library allows 5
 * minutes) and remembers ids refuses a captured request replayed later.
 */
export const WEBHOOK_ID_HEADER = "webhook-id";
export const WEBHOOK_TIMESTAMP_HEADER = "webhook-timestamp";
export const WEBHOOK_SIGNATURE_HEADER = "webhook-signature";

const SECRET_PREFIX = "whsec_";
/**
 * Subscriptions made before the switch hold `whsec_` + unpadded base64url; the same key bytes in
 * standard base64 keep them signing (their receivers, moving to the library, translate the same way
 * or subscribe again for a new secret).
 */
function toStandardSecret(secret: string): string {
  if (!secret.startsWith(SECRET_PREFIX)) return secret;
  const encoded = secret.slice(SECRET_PREFIX.length).replace(/-/g, "+").replace(/_/g, "/").replace(/=+$/, "");
  return `${SECRET_PREFIX}${encoded}${"=".repeat((4 - (encoded.length % 4)) % 4)}`;
}

/** The three Standard Webhooks headers for one request. `id` stays the same when the message is retried. */
export function standardWebhookHeaders(
  secret: string,
  message: { id: string; timestampSeconds: number; body: string },
): Record<string, string> {
  const signature = new Webhook(toStandardSecret(secret)).sign(
    message.id,
    new Date(message.timestampSeconds * 1000),
    message.body,
  );
  return {
    [WEBHOOK_ID_HEADER]: message.id,
    [WEBHOOK_TIMESTAMP_HEADER]: String(message.timestampSeconds),
    [WEBHOOK_SIGNATURE_HEADER]: signature,
  };
}
