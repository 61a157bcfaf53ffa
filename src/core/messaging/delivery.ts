import type { DeliveryMedium } from "../ports.js";
import type { UserPool } from "../pools/user-pool.types.js";
import type { UserAttributes } from "../users/user.types.js";

export interface CodeDeliveryDetails {
  destination: string;
  deliveryMedium: DeliveryMedium;
  attributeName: "email" | "phone_number";
}

export interface DeliveryTarget {
  medium: DeliveryMedium;
  attributeName: "email" | "phone_number";
  address: string;
}

/** Cognito's masking: `j***@e***` for email, `+*******1212` for phone. */
export function maskDestination(attributeName: "email" | "phone_number", address: string): string {
  if (attributeName === "phone_number") return `+${"*".repeat(Math.max(address.length - 5, 1))}${address.slice(-4)}`;
  const [local = "", domain = ""] = address.split("@");
  return `${local.slice(0, 1)}***@${domain.slice(0, 1)}***`;
}

export const toDeliveryDetails = (target: DeliveryTarget): CodeDeliveryDetails => ({
  destination: maskDestination(target.attributeName, target.address),
  deliveryMedium: target.medium,
  attributeName: target.attributeName,
});

/** Where a sign-up code goes: by SMS when phone is auto-verified and present, else by email (§9.2). */
export function signUpTarget(pool: UserPool, attributes: UserAttributes): DeliveryTarget | null {
  if (pool.autoVerifiedAttributes.includes("phone_number") && attributes.phone_number) {
    return { medium: "SMS", attributeName: "phone_number", address: attributes.phone_number };
  }
  if (pool.autoVerifiedAttributes.includes("email") && attributes.email) {
    return { medium: "EMAIL", attributeName: "email", address: attributes.email };
  }
  return null;
}

/** Where a password-reset code goes: the first verified channel in the pool's recovery order (§8.3). */
export function recoveryTarget(pool: UserPool, attributes: UserAttributes): DeliveryTarget | "admin_only" | null {
  const mechanisms = [...pool.accountRecoverySetting].sort((left, right) => left.priority - right.priority);
  if (mechanisms.length === 1 && mechanisms[0]!.name === "admin_only") return "admin_only";
  for (const mechanism of mechanisms) {
    if (mechanism.name === "verified_email" && attributes.email && attributes.email_verified === "true") {
      return { medium: "EMAIL", attributeName: "email", address: attributes.email };
    }
    if (
      mechanism.name === "verified_phone_number" &&
      attributes.phone_number &&
      attributes.phone_number_verified === "true"
    ) {
      return { medium: "SMS", attributeName: "phone_number", address: attributes.phone_number };
    }
  }
  return null;
}

/**
 * Fills a pool template: `{####}` is the code or temporary password, `{username}` the user name. Each is
 * inserted as it is: a replacement string would read `$&`, `$$` or `$'` in it as patterns, and generated
 * temporary passwords contain `$` and `&`.
 */
export function renderTemplate(template: string, values: { code: string; username?: string }): string {
  const username = values.username ?? "";
  return template.replaceAll("{####}", () => values.code).replaceAll("{username}", () => username);
}

/** The pool's verification message for a medium: the SMS text, or the email subject and body (§9.2). */
export function verificationTemplate(pool: UserPool, medium: DeliveryMedium): { subject: string | null; body: string } {
  const template = pool.verificationMessageTemplate;
  return medium === "SMS"
    ? { subject: null, body: template.smsMessage }
    : { subject: template.emailSubject, body: template.emailMessage };
}
