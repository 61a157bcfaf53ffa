import type { MessageAuthenticator } from "../../../core/ports.js";

/** Where a code went, as core reported it (a masked address, real or simulated alike). */
export interface Delivery {
  destination: string;
  deliveryMedium: string;
}

const SCOPE = "page-delivery";
const MEDIUMS = new Set(["EMAIL", "SMS"]);
const signedText = (poolId: string, username: string, medium: string, destination: string) =>
  `${poolId}\u0000${username}\u0000${medium}\u0000${destination}`;

/**
 * The `delivery` page parameter: the masked destination core gave, signed for this pool and name.
 * The confirmation pages show a destination only from such a value, so a crafted link can never make
 * the gateway's own page say "we sent a code to <whatever the attacker wrote>".
 */
export function signDelivery(
  authenticator: MessageAuthenticator,
  poolId: string,
  username: string,
  delivery: Delivery,
): string {
  const { destination, deliveryMedium } = delivery;
  return `${deliveryMedium}.${Buffer.from(destination, "utf8").toString("base64url")}.${authenticator.sign(SCOPE, signedText(poolId, username, deliveryMedium, destination))}`;
}

/** The delivery a `delivery` parameter carries, when it was signed for this pool and name; else null. */
export function readDelivery(
  authenticator: MessageAuthenticator,
  poolId: string,
  username: string | null,
  value: string | null,
): Delivery | null {
  if (!value || username === null) return null;
  const [medium, encoded, mac, ...rest] = value.split(".");
  if (rest.length > 0 || !medium || !MEDIUMS.has(medium) || encoded === undefined || !mac) return null;
  const destination = Buffer.from(encoded, "base64url").toString("utf8");
  return authenticator.verify(SCOPE, signedText(poolId, username, medium, destination), mac)
    ? { destination, deliveryMedium: medium }
    : null;
}
