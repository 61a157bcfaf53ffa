import type { WebAuthnVerifier } from "../../core/ports.js";

/**
 * The passkey checks (webauthn-checks.ts), loaded at the first passkey ceremony: @simplewebauthn/server
 * costs ~3.5 MB of heap, which a process that serves no passkey should not carry (#18's RSS goal).
 */
export function createWebAuthnVerifier(): WebAuthnVerifier {
  let checks: Promise<WebAuthnVerifier> | undefined;
  const loaded = () => (checks ??= import("./webauthn-checks.js").then((module) => module.createWebAuthnChecks()));
  return {
    verifyRegistration: async (response, expected) => (await loaded()).verifyRegistration(response, expected),
    verifyAssertion: async (response, expected, credential) =>
      (await loaded()).verifyAssertion(response, expected, credential),
  };
}
