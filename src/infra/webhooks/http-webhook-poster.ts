import type { WebhookPoster } from "../../core/webhooks/webhook.types.js";
import { egressRefusalOf, type OutboundFetch } from "../outbound/outbound-fetch.js";
import { standardWebhookHeaders } from "./standard-webhooks.js";

/**
 * POSTs an event delivery with fetch: signed in the Standard Webhooks format (webhook-id is the
 * delivery id, the same on every retry), a 5 s timeout, no redirects
 * (following one would re-send the signed body wherever Location points). The answer's body is
 * never read or kept: only its status is recorded.
 */
export function createHttpWebhookPoster({
  fetch,
  timeoutMs = 5_000,
}: {
  /** Outbound HTTP under OUTBOUND_ALLOWED_NETWORKS (infra/outbound). */
  fetch: OutboundFetch;
  timeoutMs?: number;
}): WebhookPoster {
  return {
    async post({ url, secret, deliveryId, timestampSeconds, body }) {
      try {
        const response = await fetch(url, {
          method: "POST",
          headers: {
            "content-type": "application/json",
            "user-agent": "identity-gateway-webhooks",
            ...standardWebhookHeaders(secret, { id: deliveryId, timestampSeconds, body }),
          },
          body,
          signal: AbortSignal.timeout(timeoutMs),
          redirect: "manual",
        });
        await response.body?.cancel().catch(() => undefined);
        if (response.status >= 200 && response.status < 300) return { ok: true, status: response.status };
        return { ok: false, status: response.status, error: `HTTP ${response.status}` };
      } catch (error) {
        const refusal = egressRefusalOf(error);
        if (refusal) return { ok: false, status: null, error: `refused: ${refusal.message}` };
        const name = (error as Error | null)?.name;
        const code = (error as { cause?: { code?: unknown } } | null)?.cause?.code;
        return {
          ok: false,
          status: null,
          error:
            name === "TimeoutError"
              ? `no answer within ${timeoutMs} ms`
              : `network error${typeof code === "string" ? ` (${code})` : ""}`,
        };
      }
    },
  };
}
