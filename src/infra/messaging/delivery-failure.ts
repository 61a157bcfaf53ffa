import { CognitoError } from "../../core/errors.js";
import type { DeliveryMedium } from "../../core/ports.js";

/**
 * The public side of a failed delivery. Why the provider refused (status, SMTP reply, network error)
 * is internal detail: the adapter logs it for operators, the client only learns what to do next.
 */
export function deliveryFailure(medium: DeliveryMedium): CognitoError {
  const channel = medium === "SMS" ? "text message" : "email";
  return new CognitoError(
    "CodeDeliveryFailureException",
    `The ${channel} with the code could not be delivered. Try again later to have a new code sent.`,
  );
}
