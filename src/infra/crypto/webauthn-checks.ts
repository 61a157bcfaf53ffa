import { createHash } from "node:crypto";
import {
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type AuthenticationResponseJSON,
  type RegistrationResponseJSON,
} from "@simplewebauthn/server";
import {
  decodeAttestationObject,
  decodeClientDataJSON,
  isoBase64URL,
  parseAuthenticatorData,
} from "@simplewebauthn/server/helpers";
import type {
  WebAuthnAssertionCheck,
  WebAuthnExpectation,
  WebAuthnFailure,
  WebAuthnRegistrationCheck,
  WebAuthnVerifier,
} from "../../core/ports.js";
import { constantTimeEqual } from "../../lib/secrets.js";

/** ES256 and RS256, the two algorithms Cognito accepts (reference-oauth §13.4). */
const SUPPORTED_ALGORITHMS = [-7, -257];
const ATTACHMENTS = new Set(["platform", "cross-platform"]);

const isString = (value: unknown): value is string => typeof value === "string" && value.length > 0;
const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

type ClientData = ReturnType<typeof decodeClientDataJSON>;

/** The parts every response has: id === rawId (base64url), type public-key, and a readable clientDataJSON. */
function readEnvelope(
  response: unknown,
  binaryFields: readonly string[],
): { body: Record<string, unknown>; inner: Record<string, unknown>; clientData: ClientData } | null {
  if (!isObject(response) || !isObject(response.response)) return null;
  const inner = response.response;
  if (
    !isString(response.id) ||
    response.id !== response.rawId ||
    response.type !== "public-key" ||
    !isoBase64URL.isBase64URL(response.id)
  )
    return null;
  if (!binaryFields.every((field) => isString(inner[field]) && isoBase64URL.isBase64URL(inner[field]))) return null;
  try {
    const clientData = decodeClientDataJSON(inner.clientDataJSON as string);
    return isObject(clientData) && typeof clientData.origin === "string" && typeof clientData.challenge === "string"
      ? { body: response, inner, clientData }
      : null;
  } catch {
    return null;
  }
}

/** The checks made before the library's, so that each refusal has its own reason (the library only throws). */
function checkClientData(
  clientData: ClientData,
  ceremony: "webauthn.create" | "webauthn.get",
  expected: WebAuthnExpectation,
): WebAuthnFailure | null {
  if (clientData.type !== ceremony) return "malformed";
  if (!constantTimeEqual(clientData.challenge, expected.challenge)) return "challenge";
  // A frame of another origin inside an allowed page is not that page.
  if (clientData.crossOrigin === true || !expected.isOriginAllowed(clientData.origin)) return "origin";
  return null;
}

function checkAuthenticatorData(
  authData: Uint8Array<ArrayBuffer>,
  expected: WebAuthnExpectation,
): { failure: WebAuthnFailure } | { parsed: ReturnType<typeof parseAuthenticatorData> } {
  let parsed: ReturnType<typeof parseAuthenticatorData>;
  try {
    parsed = parseAuthenticatorData(authData);
  } catch {
    return { failure: "malformed" };
  }
  const rpIdHash = createHash("sha256").update(expected.rpId).digest();
  if (!constantTimeEqual(Buffer.from(parsed.rpIdHash), rpIdHash)) return { failure: "relyingParty" };
  if (expected.requireUserVerification && !parsed.flags.uv) return { failure: "userVerification" };
  return { parsed };
}

/** The passkey checks over @simplewebauthn/server, each refusal named (core maps them to Cognito's exceptions). */
export function createWebAuthnChecks(): WebAuthnVerifier {
  return {
    async verifyRegistration(response, expected): Promise<WebAuthnRegistrationCheck> {
      const envelope = readEnvelope(response, ["clientDataJSON", "attestationObject"]);
      if (!envelope) return { ok: false, failure: "malformed" };
      const clientFailure = checkClientData(envelope.clientData, "webauthn.create", expected);
      if (clientFailure) return { ok: false, failure: clientFailure };
      let authData: Uint8Array<ArrayBuffer>;
      try {
        authData = decodeAttestationObject(isoBase64URL.toBuffer(envelope.inner.attestationObject as string)).get(
          "authData",
        );
      } catch {
        return { ok: false, failure: "malformed" };
      }
      const checked = checkAuthenticatorData(authData, expected);
      if ("failure" in checked) return { ok: false, failure: checked.failure };
      try {
        const result = await verifyRegistrationResponse({
          response: envelope.body as unknown as RegistrationResponseJSON,
          expectedChallenge: expected.challenge,
          expectedOrigin: envelope.clientData.origin,
          expectedRPID: expected.rpId,
          requireUserVerification: expected.requireUserVerification,
          supportedAlgorithmIDs: SUPPORTED_ALGORITHMS,
        });
        if (!result.verified) return { ok: false, failure: "unsupported" };
        const { credential, aaguid } = result.registrationInfo;
        const transports = Array.isArray(envelope.inner.transports)
          ? envelope.inner.transports.filter(isString).slice(0, 8)
          : [];
        const attachment = envelope.body.authenticatorAttachment;
        return {
          ok: true,
          credentialId: credential.id,
          publicKey: isoBase64URL.fromBuffer(credential.publicKey),
          signCount: credential.counter,
          transports,
          authenticatorAttachment:
            typeof attachment === "string" && ATTACHMENTS.has(attachment)
              ? (attachment as "platform" | "cross-platform")
              : null,
          aaguid,
        };
      } catch {
        // What is left after the checks above: no user presence, another key algorithm, an attestation
        // format or statement that does not verify.
        return { ok: false, failure: "unsupported" };
      }
    },

    async verifyAssertion(response, expected, credential): Promise<WebAuthnAssertionCheck> {
      const envelope = readEnvelope(response, ["clientDataJSON", "authenticatorData", "signature"]);
      if (!envelope) return { ok: false, failure: "malformed" };
      if (envelope.body.id !== credential.credentialId) return { ok: false, failure: "malformed" };
      const clientFailure = checkClientData(envelope.clientData, "webauthn.get", expected);
      if (clientFailure) return { ok: false, failure: clientFailure };
      const checked = checkAuthenticatorData(
        isoBase64URL.toBuffer(envelope.inner.authenticatorData as string),
        expected,
      );
      if ("failure" in checked) return { ok: false, failure: checked.failure };
      const { counter } = checked.parsed;
      // As the library decides, named here: a counter that did not move past a non-zero one is a clone's.
      if ((counter > 0 || credential.signCount > 0) && counter <= credential.signCount)
        return { ok: false, failure: "counter" };
      try {
        const result = await verifyAuthenticationResponse({
          response: envelope.body as unknown as AuthenticationResponseJSON,
          expectedChallenge: expected.challenge,
          expectedOrigin: envelope.clientData.origin,
          expectedRPID: expected.rpId,
          requireUserVerification: expected.requireUserVerification,
          credential: {
            id: credential.credentialId,
            publicKey: isoBase64URL.toBuffer(credential.publicKey),
            counter: credential.signCount,
          },
        });
        return result.verified
          ? {
              ok: true,
              newSignCount: result.authenticationInfo.newCounter,
              userVerified: result.authenticationInfo.userVerified,
            }
          : { ok: false, failure: "signature" };
      } catch {
        return { ok: false, failure: "signature" };
      }
    },
  };
}
