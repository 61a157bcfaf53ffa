/**
 * What core needs from the outside world. Adapters live in infra/; only app.ts wires them.
 * Every method that can fail in a way a client must see throws a CognitoError (named in its TSDoc);
 * anything else is an internal failure.
 */
import type { AdminApiKey } from "./admin-keys/admin-key.types.js";
import type { AppClient } from "./clients/app-client.types.js";
import type { AppEvent, StoredEvent } from "./events/event.types.js";
import type { Group } from "./groups/group.types.js";
import type { MfaFactorSettings, UserMfa } from "./mfa/mfa.types.js";
import type { SentMessage } from "./messaging/message.types.js";
import type { UserPool } from "./pools/user-pool.types.js";
import type { AliasKind, User } from "./users/user.types.js";

export interface PageRequest {
  /** Exclusive lower bound on the sort key (the id), from a decoded cursor. */
  afterId?: string;
  limit: number;
}

export interface UserPoolRepository {
  insert(pool: UserPool): Promise<void>;
  update(pool: UserPool): Promise<void>;
  /** Deletes the pool and, by cascade, everything in it (clients, users, groups, keys, tokens, devices). */
  delete(poolId: string): Promise<void>;
  findById(poolId: string): Promise<UserPool | null>;
  /** Pools ordered by id; `onlyIds` restricts to a scoped admin key's pools (null = all). */
  list(page: PageRequest, onlyIds: readonly string[] | null): Promise<UserPool[]>;
  count(): Promise<number>;
  countUsers(poolId: string): Promise<number>;
}

export interface AppClientRepository {
  insert(client: AppClient): Promise<void>;
  update(client: AppClient): Promise<void>;
  delete(clientId: string): Promise<void>;
  findById(clientId: string): Promise<AppClient | null>;
  listByPool(poolId: string, page: PageRequest): Promise<AppClient[]>;
  countByPool(poolId: string): Promise<number>;
}

export interface AdminApiKeyRepository {
  insert(key: AdminApiKey): Promise<void>;
  findById(keyId: string): Promise<AdminApiKey | null>;
  findByHash(keyHash: string): Promise<AdminApiKey | null>;
  list(page: PageRequest): Promise<AdminApiKey[]>;
  markRevoked(keyId: string, revokedAt: Date): Promise<void>;
  countAll(): Promise<number>;
}

export interface EventRepository {
  /** Appends to the outbox; called inside the transaction of the change it records. */
  append(event: AppEvent, occurredAt: Date): Promise<void>;
  /** Events in insertion order; `poolIds` null = every pool and pool-less events. */
  list(filter: { poolId?: string; poolIds: readonly string[] | null }, page: { afterSeq?: number; limit: number }): Promise<StoredEvent[]>;
}

/** One searchable value of a user, already folded by core's rules (see users/user-search.ts). */
export interface SearchEntry {
  name: string;
  value: string;
}

/** A position in a listUsers result: results are ordered by (value, userId). */
export interface SearchPosition {
  value: string;
  userId: string;
}

export interface UserSearchQuery {
  /** null = every user of the pool, ordered by user id. */
  attribute: string | null;
  operator: "=" | "^=";
  value: string;
  after?: SearchPosition;
  limit: number;
}

export interface UserRepository {
  /** @throws UsernameExistsException when the pool already has the normalised username. */
  insert(user: User): Promise<void>;
  update(user: User): Promise<void>;
  delete(userId: string): Promise<void>;
  findById(poolId: string, userId: string): Promise<User | null>;
  findByUsername(poolId: string, usernameNormalized: string): Promise<User | null>;
  findByAlias(poolId: string, kind: AliasKind, valueNormalized: string): Promise<User | null>;
  /** Replaces the user's alias rows. @throws AliasExistsException when another user holds one of them. */
  replaceAliases(poolId: string, userId: string, aliases: { kind: AliasKind; valueNormalized: string }[], options?: { isNewUser?: boolean }): Promise<void>;
  /** Removes one alias value from whoever holds it (ForceAliasCreation); returns that user's id. */
  releaseAlias(poolId: string, kind: AliasKind, valueNormalized: string): Promise<string | null>;
  /** `isNewUser` skips the delete: on MariaDB a delete of absent rows takes gap locks that deadlock parallel sign-ups. */
  replaceSearchEntries(poolId: string, userId: string, entries: SearchEntry[], options?: { isNewUser?: boolean }): Promise<void>;
  /** Users matching a ListUsers filter, ordered by (matched value, user id), `limit` at most. */
  search(poolId: string, query: UserSearchQuery): Promise<{ user: User; position: SearchPosition }[]>;
  /** Remembers a retired password hash, keeping only the newest `keep`. */
  addPasswordHistory(userId: string, passwordHash: string, createdAt: Date, keep: number): Promise<void>;
  listPasswordHistory(userId: string, limit: number): Promise<string[]>;
}

export type CodePurpose = "SIGN_UP" | "FORGOT_PASSWORD" | "VERIFY_EMAIL" | "VERIFY_PHONE_NUMBER";

export interface VerificationCode {
  userId: string;
  purpose: CodePurpose;
  /** Keyed hash of the code; the code itself is only ever in the message sent. */
  codeHash: string;
  expiresAt: Date;
  failedAttempts: number;
  createdAt: Date;
  consumedAt: Date | null;
  /**
   * The new email/phone this code proves, when the pool holds changes until they are verified
   * (AttributesRequireVerificationBeforeUpdate); null when the code verifies the current value.
   * Kept with the code so the value swapped in is exactly the one the code was sent to.
   */
  pendingValue: string | null;
}

export interface VerificationCodeRepository {
  /** Stores the newest code for the purpose, replacing the previous one: only the latest is valid. */
  replace(code: VerificationCode): Promise<void>;
  find(userId: string, purpose: CodePurpose): Promise<VerificationCode | null>;
  /** Atomically adds one failed attempt; returns the new count. */
  recordFailure(userId: string, purpose: CodePurpose): Promise<number>;
  /** Marks the code used if it is still unused, unexpired and matches; true for exactly one caller. */
  consume(userId: string, purpose: CodePurpose, codeHash: string, now: Date): Promise<boolean>;
  deleteForUser(userId: string, purpose: CodePurpose): Promise<void>;
}

export interface GroupRepository {
  /** @throws GroupExistsException */
  insert(group: Group): Promise<void>;
  update(group: Group): Promise<void>;
  delete(groupId: string): Promise<void>;
  findByName(poolId: string, name: string): Promise<Group | null>;
  list(poolId: string, page: PageRequest): Promise<Group[]>;
  countInPool(poolId: string): Promise<number>;
  addMember(groupId: string, userId: string, at: Date): Promise<void>;
  removeMember(groupId: string, userId: string): Promise<void>;
  isMember(groupId: string, userId: string): Promise<boolean>;
  countGroupsOfUser(userId: string): Promise<number>;
  /** The user's groups ordered by name (then id). */
  listGroupsOfUser(userId: string, page: PageRequest): Promise<Group[]>;
  /** Members ordered by user id. */
  listMembers(groupId: string, page: PageRequest): Promise<User[]>;
}

export interface RefreshTokenRecord {
  id: string;
  poolId: string;
  clientId: string;
  userId: string;
  /** SHA-256 of the opaque token. */
  tokenHash: string;
  /** The sign-in this token descends from: its `origin_jti`. */
  familyId: string;
  deviceKey: string | null;
  /** The original authentication time, kept across refreshes (the tokens' `auth_time`). */
  authTime: Date;
  createdAt: Date;
  expiresAt: Date;
  rotatedAt: Date | null;
  revokedAt: Date | null;
}

export interface RefreshTokenRepository {
  insert(record: RefreshTokenRecord): Promise<void>;
  findByHash(tokenHash: string): Promise<RefreshTokenRecord | null>;
  /** Marks the token rotated if it was not yet; true for exactly one caller. */
  markRotated(id: string, at: Date): Promise<boolean>;
  revokeFamily(familyId: string, at: Date): Promise<void>;
  revokeAllOfUser(userId: string, at: Date): Promise<void>;
  /** True when the family's tokens were revoked (RevokeToken, GlobalSignOut, reuse detection). */
  isFamilyRevoked(familyId: string): Promise<boolean>;
}

export interface SentMessageRepository {
  insert(message: SentMessage): Promise<void>;
  list(poolId: string, filter: { userId?: string; destination?: string }, page: PageRequest): Promise<SentMessage[]>;
}

/** One RS256 key pair of a pool; the private half only ever stored sealed with the SecretBox. */
export interface SigningKeyRecord {
  kid: string;
  poolId: string;
  tokenUse: TokenUse;
  algorithm: "RS256";
  /** The public JWK (kty, n, e, kid, alg, use) as JSON. */
  publicJwk: string;
  /** PKCS#8 PEM sealed with the SecretBox. */
  privateKeyCiphertext: string;
  createdAt: Date;
  /** Set when rotated out: signs no more, stays published until its last token has expired. */
  retiredAt: Date | null;
}

export interface SigningKeyRepository {
  /**
   * Locks the pool until the transaction ends, so key creation and rotation (in any process) run one
   * after another; call it first in the transaction. False when the pool does not exist.
   */
  lockPoolForKeyChange(poolId: string): Promise<boolean>;
  insert(key: SigningKeyRecord): Promise<void>;
  /** Keys that sign (not retired), oldest first. */
  listActive(poolId: string): Promise<SigningKeyRecord[]>;
  /** Active keys and keys retired after `retiredAfter`, oldest first. */
  listPublished(poolId: string, retiredAfter: Date): Promise<SigningKeyRecord[]>;
  /** Retires every active key of the pool; returns their kids. */
  retireActive(poolId: string, at: Date): Promise<string[]>;
  deleteRetiredBefore(poolId: string, before: Date): Promise<void>;
}

/**
 * A user's MFA record. Every write touches only its own columns, and the TOTP writes are conditional
 * UPDATEs: a whole-row save could put back a stale `totpLastUsedStep` and reopen a replay window.
 */
export interface UserMfaRepository {
  find(userId: string): Promise<UserMfa | null>;
  /** Creates the user's (empty) record if missing and locks it until the transaction ends (read-modify-write of the factor settings). */
  findForUpdate(userId: string, now: Date): Promise<UserMfa>;
  /** Stores a newly associated, unverified secret; the one in force (if any) stays until the new one is verified. */
  setPendingTotp(userId: string, pendingCiphertext: string, now: Date): Promise<void>;
  /**
   * Moves the pending secret into force if it is still `pendingCiphertext`, recording `step` as used.
   * True for exactly one of many parallel callers.
   */
  promotePendingTotp(userId: string, pendingCiphertext: string, args: { friendlyName: string | null; step: number; now: Date }): Promise<boolean>;
  /**
   * Records `step` as the last accepted one if the secret in force is still `secretCiphertext` and
   * no step at or after it was accepted before. True for exactly one of many parallel callers.
   */
  recordTotpStep(userId: string, secretCiphertext: string, step: number, now: Date): Promise<boolean>;
  /** Writes which factors are on and which is preferred (call after findForUpdate). */
  setFactors(userId: string, settings: MfaFactorSettings, now: Date): Promise<void>;
}

export interface Repositories {
  pools: UserPoolRepository;
  clients: AppClientRepository;
  adminKeys: AdminApiKeyRepository;
  events: EventRepository;
  users: UserRepository;
  codes: VerificationCodeRepository;
  groups: GroupRepository;
  sentMessages: SentMessageRepository;
  refreshTokens: RefreshTokenRepository;
  signingKeys: SigningKeyRepository;
  mfa: UserMfaRepository;
}

export interface Database {
  /** Runs `work` in one transaction: all of its writes (and their events) commit together or not at all. */
  transaction<T>(work: (repositories: Repositories) => Promise<T>): Promise<T>;
  /** Runs read-only `work` outside a transaction. */
  read<T>(work: (repositories: Repositories) => Promise<T>): Promise<T>;
  /** Resolves when the database answers a trivial query; rejects otherwise. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Short-lived shared state: challenge sessions, codes, attempt counters, rate-limit buckets, pub/sub.
 * Expiry follows the injected clock on every adapter, so tests move time instead of sleeping.
 */
export interface ShortLivedStore {
  set(key: string, value: string, ttlSeconds: number): Promise<void>;
  /** Sets only when no live value exists; true when this call created it. */
  setIfAbsent(key: string, value: string, ttlSeconds: number): Promise<boolean>;
  get(key: string): Promise<string | null>;
  /** Atomically reads and deletes: of many parallel callers exactly one receives the value. */
  consume(key: string): Promise<string | null>;
  delete(key: string): Promise<void>;
  /**
   * Atomically adds 1 within a window that starts at the first increment; returns the new count.
   * With `sliding`, every increment restarts the window (the count resets only after a quiet window).
   */
  increment(key: string, windowSeconds: number, options?: { sliding?: boolean }): Promise<number>;
  /** Token bucket: takes one token if available. `retryAfterSeconds` is 0 when allowed. */
  takeToken(key: string, capacity: number, refillPerSecond: number): Promise<{ allowed: boolean; retryAfterSeconds: number }>;
  publish(channel: string, message: string): Promise<void>;
  /** Returns an unsubscribe function. Messages published after the promise resolves are delivered. */
  subscribe(channel: string, onMessage: (message: string) => void): Promise<() => Promise<void>>;
  ping(): Promise<void>;
  close(): Promise<void>;
}

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
  verify(secret: string, code: string, atMs: number, options?: { afterStep?: number | null }): { ok: true; step: number } | { ok: false };
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
}

/** Keyed hashing for short secrets (6-digit codes) that a database dump must not let anyone brute-force. */
export interface CodeHasher {
  hashCode(scope: string, code: string): string;
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
}

/**
 * The server half of Cognito's SRP (cognito-reference §4), modular arithmetic on OpenSSL.
 * Values cross this port as Cognito transports them: lowercase hex without padding, base64 blocks.
 */
export interface SrpServer {
  /** False when A is not a hex number or A mod N = 0 (a client trying to force S = 0). */
  isAcceptableA(aHex: string): boolean;
  /** b random, B = (k·v + g^b) mod N, never 0 mod N. */
  startChallenge(verifierHex: string): { bHex: string; bigBHex: string };
  /**
   * The PASSWORD_CLAIM_SIGNATURE an honest client would send, for a constant-time comparison by the caller.
   * `name` is the pool name (or the device group key) and `userId` the USER_ID_FOR_SRP (or the device key).
   */
  expectedSignature(args: { name: string; userId: string; verifierHex: string; saltHex: string; aHex: string; bHex: string; bigBHex: string; secretBlockBase64: string; timestamp: string }): string;
}

export type TokenUse = "id" | "access";

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
   * Verifies signature (any key of the pool still published), issuer, expiry and token_use.
   * @throws NotAuthorizedException "Invalid Access Token" / "Access Token has expired" (or Id)
   */
  verify(poolId: string, token: string, tokenUse: TokenUse): Promise<Record<string, unknown>>;
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
