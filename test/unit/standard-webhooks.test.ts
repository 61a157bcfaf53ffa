import { randomBytes } from "node:crypto";
import { Webhook } from "standardwebhooks";
import { describe, expect, it, vi } from "vitest";
import { standardWebhookHeaders } from "../../src/infra/webhooks/standard-webhooks.js";

describe("Standard Webhooks signing", () => {
  const body = JSON.stringify({ id: "d1", attempt: 1 });
  const timestampSeconds = 1_900_000_000;
  const verifyAt = (secret: string, headers: Record<string, string>) => {
    vi.useFakeTimers({ toFake: ["Date"], now: timestampSeconds * 1000 });
    try {
      return new Webhook(secret).verify(body, headers);
    } finally {
      vi.useRealTimers();
    }
  };

  it("signs so that the reference library verifies with the whsec_ secret", () => {
    const secret = `whsec_${randomBytes(32).toString("base64")}`;
    const headers = standardWebhookHeaders(secret, { id: "d1", timestampSeconds, body });
    expect(headers).toEqual({
      "webhook-id": "d1",
      "webhook-timestamp": String(timestampSeconds),
      "webhook-signature": expect.stringMatching(/^v1,[A-Za-z0-9+/]{43}=$/),
    });
    expect(verifyAt(secret, headers)).toEqual({ id: "d1", attempt: 1 });
  });

  it("keeps signing with a subscription's older whsec_ + base64url secret, under the same key bytes", () => {
    // Find a key whose base64url form uses - or _, so the translation matters.
    let key = randomBytes(32);
    while (!/[-_]/.test(key.toString("base64url"))) key = randomBytes(32);
    const legacy = `whsec_${key.toString("base64url")}`;
    const headers = standardWebhookHeaders(legacy, { id: "d1", timestampSeconds, body });
    expect(verifyAt(`whsec_${key.toString("base64")}`, headers)).toEqual({ id: "d1", attempt: 1 });
  });
});
