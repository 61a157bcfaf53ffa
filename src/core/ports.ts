/**
 * What core needs from the outside world. Adapters live in infra/; only app.ts wires them.
 * Every method that can fail in a way a client must see throws a CognitoError (named in its TSDoc);
 * anything else is an internal failure. Storage ports are in storage-ports.ts, the short-lived store in
 * ports.short-lived-store.ts.
 */
import type { Repositories, TokenUse } from "./storage-ports.js";

export * from "./storage-ports.js";
export * from "./ports.short-lived-store.js";

/** Symmetric authenticated encryption for secrets the gateway must use again (client secrets, keys). */
export interface SecretBox {
  encrypt(plaintext: string): string;
  /** Throws when the ciphertext was tampered with or made under another key. */
  decrypt(ciphertext: string): string;
}

/** RFC 6238 TOTP as authenticator apps compute it: HMAC-SHA-1, 6 digits, 30-second steps from the Unix epoch. */
export interface TotpEngine {
  /** A new shared secret: 160 random bits, base32 without padding. */
  generateSecret(): string;
  /**
   * Checks `code` at `atMs` against the current step and one step either side (clock drift), never
   * a step at or below `afterStep` (replay). Returns the step it matched; compares in constant time.
   */
  verify(
    secret: string,
    code: string,
    atMs: number,
    options?: { afterStep?: number | null },
  ): { ok: true; step: number } | { ok: false };
  /** The otpauth:// key URI authenticator apps import (usually as a QR code). */
  keyUri(args: { issuer: string; accountName: string; secret: string }): string;
}

/** Draws QR codes for authenticator setup. */
export interface QrCodeRenderer {
  /** A PNG of the QR code for `text`, as a `data:image/png;base64,` URL an <img> can show. */
  toPngDataUrl(text: string): Promise<string>;
}

/** Password storage: a slow hash for comparing plaintext, plus Cognito's SRP verifier for sign-in. */
export interface PasswordHasher {
  /** Never truncates: passwords differing anywhere in their (up to 256) characters hash differently. */
  hash(password: string): Promise<string>;
  verify(password: string, passwordHash: string): Promise<boolean>;
  /** Same cost as a failed verify, for users that do not exist (timing must not tell). */
  spendDummyVerify(password: string): Promise<void>;
  /** SRP salt and verifier for the immutable username in the pool (cognito-reference §4.4). */
  createSrpVerifier(poolId: string, username: string, password: string): { srpSalt: string; srpVerifier: string };
  /**
   * A stored hash as another gateway can verify it (a pool export): the bcrypt hash and the pepper
   * (base64) its input was keyed with — this gateway's, or the one an imported hash came with.
   */
  toPortableHash(passwordHash: string): PortablePasswordHash;
  /** The stored form of a portable hash: `verify` accepts it under this gateway's SECRETS_KEY. */
  fromPortableHash(portable: PortablePasswordHash): string;
}

/** A password hash that travels between gateways: bcrypt over HMAC-SHA-256(pepper, password). */
export interface PortablePasswordHash {
  pepper: string;
  bcryptHash: string;
}

/** Keyed hashing for short secrets (6-digit codes) that a database dump must not let anyone brute-force. */
export interface CodeHasher {
  hashCode(scope: string, code: string): string;
}

/** MACs for values handed to a browser that must come back unchanged (the sign-in pages' tokens and texts). */
export interface MessageAuthenticator {
  /** The MAC of `message` for `scope`, base64url; scopes never share MACs. */
  sign(scope: string, message: string): string;
  /** Whether `mac` is sign(scope, message), compared in constant time. */
  verify(scope: string, message: string, mac: string): boolean;
}

export type DeliveryMedium = "EMAIL" | "SMS";

export interface OutgoingMessage {
  poolId: string;
  userId: string | null;
  medium: DeliveryMedium;
  destination: string;
  subject: string | null;
  body: string;
  /** Why it was sent, e.g. SIGN_UP, FORGOT_PASSWORD, INVITATION. */
  purpose: string;
}

/**
 * Delivers codes and invitations. @throws CodeDeliveryFailureException when the message could not be
 * handed to the provider; nothing else is thrown.
 */
export interface MessageSender {
  send(message: OutgoingMessage): Promise<void>;
  /**
   * Writes the message in the caller's transaction when its delivery is itself a database row (the
   * sent_messages outbox), so it commits together with the change that made its code, or not at all.
   * Resolves false, writing nothing, when the message must go to a provider after the commit (send).
   */
  sendWithin?(repositories: Repositories, message: OutgoingMessage): Promise<boolean>;
}

/**
 * The server half of Cognito's SRP (cognito-reference §4), modular arithmetic on OpenSSL.
 * Values cross this port as Cognito transports them: lowercase hex without padding, base64 blocks.
 */
export interface SrpServer {
  /** False when A is not a hex number or A mod N = 0 (a client trying to force S = 0). */
  isAcceptableA(aHex: string): boolean;
  /** b random, B = (k·v + g^b) mod N, never 0 mod N. Async: the modexps may run off the event loop. */
  startChallenge(verifierHex: string): Promise<{ bHex: string; bigBHex: string }>;
  /**
   * The PASSWORD_CLAIM_SIGNATURE an honest client would send, for a constant-time comparison by the caller.
   * `name` is the pool name (or the device group key) and `userId` the USER_ID_FOR_SRP (or the device key).
   */
  expectedSignature(args: {
    name: string;
    userId: string;
    verifierHex: string;
    saltHex: string;
    aHex: string;
    bHex: string;
    bigBHex: string;
    secretBlockBase64: string;
    timestamp: string;
  }): Promise<string>;
}

/** What a rotation changed: the kids it retired and the ones that sign from now on. */
export interface KeyRotation {
  retiredKids: string[];
  newKids: Record<TokenUse, string>;
}

/**
 * Signs and checks the pool's JWTs (RS256, one key for ID tokens and another for access tokens, as
 * Cognito does); private keys are sealed at rest.
 */
export interface TokenSigner {
  /**
   * Adds `iss`, `iat`, `exp` (from the injected clock) and the header `kid`/`alg`; creates the pool's
   * keys on first use. `expiresInSeconds` is at most one day (the longest Cognito token lifetime).
   * @throws ResourceNotFoundException when the pool does not exist
   */
  sign(poolId: string, tokenUse: TokenUse, claims: Record<string, unknown>, expiresInSeconds: number): Promise<string>;
  /**
   * Verifies signature (any key of the pool still published), issuer, expiry and token_use. The payload
   * is shared by later calls with the same token (frozen): read it, never change it.
   * @throws NotAuthorizedException "Invalid Access Token" / "Access Token has expired" (or Id)
   */
  verify(poolId: string, token: string, tokenUse: TokenUse): Promise<Readonly<Record<string, unknown>>>;
  /**
   * The token's payload before any check, only to pick the keys it is then verified with: the remembered
   * one of a token this process verified before, else decoded (null when it is no JWT).
   */
  unverifiedPayload(token: string): Readonly<Record<string, unknown>> | null;
  /**
   * The pool's public keys: current ones (created if the pool has none yet) and retired ones whose
   * tokens may still be alive. @throws ResourceNotFoundException when the pool does not exist
   */
  jwks(poolId: string): Promise<{ keys: Record<string, unknown>[] }>;
  /**
   * Starts signing with new keys; old public keys stay published until their last token expires.
   * `within` runs inside the rotation's transaction (to record its event atomically).
   * @throws ResourceNotFoundException when the pool does not exist
   */
  rotate(poolId: string, within?: (repositories: Repositories, rotation: KeyRotation) => Promise<void>): Promise<void>;
}

export interface Logger {
  debug(fields: Record<string, unknown>, message: string): void;
  info(fields: Record<string, unknown>, message: string): void;
  warn(fields: Record<string, unknown>, message: string): void;
  error(fields: Record<string, unknown>, message: string): void;
}

/** One trigger call: the Lambda-style event POSTed, signed with the pool's trigger secret. */
export interface TriggerInvocation {
  /** The LambdaConfig name (PreSignUp, UserMigration, …): it prefixes UserLambdaValidationException messages. */
  triggerName: string;
  url: string;
  /** The pool's trigger signing secret (plaintext, unsealed by core just for this call). */
  secret: string;
  event: Record<string, unknown>;
}

/**
 * Calls trigger endpoints in place of Cognito's Lambda functions (cognito-reference §10). Returns
 * the receiver's JSON answer unchecked: core validates each trigger's response shape.
 * @throws UserLambdaValidationException (the receiver answered non-2xx: "<Trigger> failed with error <message>."),
 *         UnexpectedLambdaException (network error, redirect, no answer within 5 s),
 *         InvalidLambdaResponseException (the answer is not a JSON object)
 */
export interface TriggerInvoker {
  invoke(invocation: TriggerInvocation): Promise<Record<string, unknown>>;
  /**
   * Seals a code for a custom sender (CustomEmailSender/CustomSMSSender) with a key derived from the
   * trigger secret, so the plaintext code never sits in a request log on the way (README "Triggers").
   */
  sealForReceiver(secret: string, plaintext: string): string;
}

/** Why a WebAuthn response was refused; the passkey service turns each into the exception Cognito names. */
export type WebAuthnFailure =
  /** Not a RegistrationResponseJSON / AuthenticationResponseJSON of the expected ceremony type. */
  | "malformed"
  | "challenge"
  | "origin"
  | "relyingParty"
  | "userVerification"
  /** Registration: a key algorithm other than ES256/RS256, or an attestation that does not verify. */
  | "unsupported"
  | "signature"
  /** Assertion: a counter not above the stored non-zero one (a cloned authenticator, or a replay). */
  | "counter";

/** What the pages' origin and the pool's RP ID require of a response. */
export interface WebAuthnExpectation {
  /** The challenge the options carried, base64url. */
  challenge: string;
  rpId: string;
  /** The origin in clientDataJSON must pass this (relying-party.ts isOriginAllowed). */
  isOriginAllowed(origin: string): boolean;
  requireUserVerification: boolean;
}

export type WebAuthnRegistrationCheck =
  | {
      ok: true;
      /** base64url */
      credentialId: string;
      /** The COSE_Key, base64url. */
      publicKey: string;
      signCount: number;
      transports: string[];
      authenticatorAttachment: "platform" | "cross-platform" | null;
      /** The authenticator model's AAGUID (all zeros for many); names it in the friendly name. */
      aaguid: string;
    }
  | { ok: false; failure: WebAuthnFailure };

export type WebAuthnAssertionCheck =
  { ok: true; newSignCount: number; userVerified: boolean } | { ok: false; failure: WebAuthnFailure };

/**
 * The WebAuthn ceremony checks (W3C WebAuthn L2 §7.1, §7.2) over a well-kept library: CBOR, COSE keys,
 * attestation formats and signatures stay out of core. Never throws for a bad response: it says why.
 */
export interface WebAuthnVerifier {
  /** A RegistrationResponseJSON: type, challenge, origin, RP ID hash, UP/UV flags, key algorithm, attestation. */
  verifyRegistration(response: unknown, expected: WebAuthnExpectation): Promise<WebAuthnRegistrationCheck>;
  /**
   * An AuthenticationResponseJSON against a stored credential: type, challenge, origin, RP ID hash, UP/UV
   * flags, the counter (refused when either is non-zero and the new one is not above the stored one) and
   * the signature over authenticatorData ‖ SHA-256(clientDataJSON).
   */
  verifyAssertion(
    response: unknown,
    expected: WebAuthnExpectation,
    credential: { credentialId: string; publicKey: string; signCount: number },
  ): Promise<WebAuthnAssertionCheck>;
}

/** Where an old Cognito user pool answers, and how to authenticate to it (README "Moving from Cognito"). */
export interface SourcePoolConnection {
  endpoint: string;
  region: string;
  /** IAM credentials: the call is SigV4-signed (service cognito-idp); null = an unsigned public action. */
  credentials: { accessKeyId: string; secretAccessKey: string } | null;
  timeoutMs: number;
}

/** An old pool's answer: its output, or the exception it named (`__type` without a namespace). */
export type SourcePoolAnswer =
  { ok: true; output: Record<string, unknown> } | { ok: false; errorType: string; message: string };

/**
 * Calls actions of Cognito's JSON protocol (POST, X-Amz-Target AWSCognitoIdentityProviderService.*)
 * on an old user pool, for the built-in migration source. Never logs a request body (it holds passwords).
 * @throws UnexpectedLambdaException when the pool cannot be reached, does not answer within the
 *         timeout, or answers something that is not the protocol's JSON
 */
export interface SourcePoolCaller {
  call(connection: SourcePoolConnection, action: string, input: Record<string, unknown>): Promise<SourcePoolAnswer>;
}

/** Sealing and integrity of a pool export (core/pool-transfer): a SecretBox and a MAC key. */
export interface ExportSealing {
  box: SecretBox;
  /** HMAC-SHA-256 under the export's MAC key, base64url. */
  mac(data: string): string;
}

/** The keys a pool export is sealed with: derived from SECRETS_KEY, or from a passphrase with scrypt. */
export interface ExportKeys {
  /** For a restore into a gateway with the same SECRETS_KEY (or its own backup). */
  fromSecretsKey(): ExportSealing;
  /** scrypt(passphrase, salt): slow on purpose, so a stolen export resists guessing. `salt` is base64url. */
  fromPassphrase(passphrase: string, salt: string): ExportSealing;
}
