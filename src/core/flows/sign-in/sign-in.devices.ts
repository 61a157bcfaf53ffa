import { randomAlphanumeric, randomBytesOf, randomUuid } from "../../../lib/random.js";
import { constantTimeEqual } from "../../../lib/secrets.js";
import type { ClientContext } from "../../clients/client-context.js";
import { verifySecretHash } from "../../clients/client-context.js";
import { findConfirmedDevice } from "../../devices/device.service.js";
import { DEVICE_NOT_FOUND, isConfirmed, type Device } from "../../devices/device.types.js";
import { CognitoError } from "../../errors.js";
import type { User } from "../../users/user.types.js";
import type { AttemptReservation } from "../../security/lockout.js";
import type { SignInSession } from "./challenge-session.js";
import { userAtCommit, type CommitChanges } from "./sign-in.account-state.js";
import { assertTransition, type SignInState } from "./sign-in.flow.js";
import type { SignInServiceDeps } from "./sign-in.service.js";
import {
  malformedTimestamp,
  readClaimProof,
  readClaimTimestamp,
  requireParameter,
  sessionBaseOf,
  storedExchangeOf,
} from "./sign-in.parameters.js";
import type { CallerContext, SignInStepOutcome } from "./sign-in.types.js";

const INCORRECT = "Incorrect username or password.";
const SESSION_EXPIRED = "Invalid session for the user, session is expired.";

declare const standsInForMfa: unique symbol;
/**
 * A device that may stand in for the MFA step of a sign-in. Only mfaStandInOf makes one, and only for
 * a caller whose sign-in then asks for that device's SRP proof: MFA is skipped for a proven device, never
 * for a DEVICE_KEY alone.
 */
export type MfaStandIn = { readonly deviceKey: string; readonly [standsInForMfa]: true };

/** How the sign-in ends with respect to devices: a device that proved itself, a new one to hand out, or none. */
export type DeviceOutcome =
  { kind: "authenticated"; deviceKey: string } | { kind: "new"; sourceIp: string | null } | { kind: "none" };

export interface DeviceStepHooks {
  complete(
    context: ClientContext,
    user: User,
    from: SignInState,
    authTime: Date,
    changes: CommitChanges | undefined,
    device: DeviceOutcome,
    clientMetadata: Record<string, string> | null,
  ): Promise<SignInStepOutcome>;
  recordChallenge(context: ClientContext, user: User | null, challengeName: string): Promise<void>;
  assertUserMaySignIn(context: ClientContext, user: User): void;
}

/**
 * Remembered devices in a sign-in (cognito-reference §3.3, §4.9): which device a sign-in names, whether
 * it replaces MFA, the device SRP exchange (same group and OpenSSL path as the user's SRP, with the
 * device group key as pool name and the device key as user id), and new devices for NewDeviceMetadata.
 */
export function createSignInDeviceSteps(
  { db, clock, sessions, lockout, srp, secretBox }: SignInServiceDeps,
  hooks: DeviceStepHooks,
) {
  const actorOf = (context: ClientContext) => `client:${context.client.clientId}`;
  /**
   * Admin flows do no device tracking (cognito-reference §3.1), nor do pools without a device
   * configuration, nor the managed sign-in pages (their sign-in ends without device SRP, finish()).
   */
  const tracksDevices = (context: ClientContext, caller: CallerContext): boolean =>
    context.pool.deviceConfiguration !== null && caller.admin === null && !caller.hostedUi;

  /** The user's confirmed device of that key, or null (unknown, pending, another user's). */
  const findConfirmed = (context: ClientContext, user: User, deviceKey: string) =>
    db.read((repositories) =>
      findConfirmedDevice(repositories, { poolId: context.pool.id, userId: user.id }, deviceKey),
    );

  async function fail(
    context: ClientContext,
    session: SignInSession,
    attempt: AttemptReservation,
    reason: string,
  ): Promise<never> {
    assertTransition(session.state, "FAILED");
    // A wrong device proof counts like a wrong password: it is a guess at the device's secret.
    const lockedSeconds = lockout.failed(attempt);
    await db.transaction(async (repositories) => {
      const now = clock.now();
      await repositories.events.append(
        {
          type: "SIGN_IN_FAILED",
          poolId: context.pool.id,
          actor: actorOf(context),
          detail: { userSub: session.userId, reason, deviceKey: session.deviceKey ?? null },
        },
        now,
      );
      if (lockedSeconds > 0)
        await repositories.events.append(
          {
            type: "USER_LOCKED_OUT",
            poolId: context.pool.id,
            actor: "system",
            detail: { userSub: session.userId, lockedSeconds },
          },
          now,
        );
    });
    throw new CognitoError("NotAuthorizedException", INCORRECT);
  }

  async function loadSessionUser(
    context: ClientContext,
    session: SignInSession,
    responses: Record<string, string>,
  ): Promise<User> {
    const user = session.userId
      ? await db.read((repositories) => repositories.users.findById(context.pool.id, session.userId!))
      : null;
    if (!user || !session.deviceKey) throw new CognitoError("NotAuthorizedException", SESSION_EXPIRED);
    verifySecretHash(secretBox, context.client, responses.SECRET_HASH, [responses.USERNAME ?? "", user.username]);
    hooks.assertUserMaySignIn(context, user);
    return user;
  }

  /** Runs a device step with its attempt counted first (refused during a lockout), given back unless it failed. */
  async function counted(
    context: ClientContext,
    user: User,
    caller: CallerContext,
    step: (attempt: AttemptReservation) => Promise<SignInStepOutcome>,
  ): Promise<SignInStepOutcome> {
    const attempt = await lockout.reserve(context.pool.id, user.id, caller.sourceIp);
    try {
      return await step(attempt);
    } finally {
      await lockout.release(attempt);
    }
  }

  /** DEVICE_SRP_AUTH with its attempt counted. */
  async function startDeviceSrp(
    context: ClientContext,
    session: SignInSession,
    responses: Record<string, string>,
    caller: CallerContext,
    user: User,
    attempt: AttemptReservation,
  ): Promise<SignInStepOutcome> {
    const deviceKey = requireParameter(responses, "DEVICE_KEY");
    const aHex = requireParameter(responses, "SRP_A");
    if (!constantTimeEqual(deviceKey, session.deviceKey!)) return fail(context, session, attempt, "another device key");
    // SRP_A's value (A mod N ≠ 0) was checked with the answer's shape (assertAnswerReadable).
    const device = await findConfirmed(context, user, deviceKey);
    if (!device) {
      assertTransition(session.state, "FAILED");
      throw new CognitoError("ResourceNotFoundException", DEVICE_NOT_FOUND);
    }
    const { bHex, bigBHex } = await srp.startChallenge(device.srpVerifier);
    const secretBlock = randomBytesOf(48).toString("base64");
    assertTransition(session.state, "DEVICE_PASSWORD_VERIFIER");
    const next = await sessions.open(
      {
        ...sessionBaseOf(context, user, caller, session.authTimeMs ?? clock.nowMs()),
        state: "DEVICE_PASSWORD_VERIFIER",
        deviceKey,
        srp: { aHex, bHex, bigBHex, saltHex: device.srpSalt, secretBlock },
      },
      context.client.authSessionValidityMinutes * 60,
    );
    await hooks.recordChallenge(context, user, "DEVICE_PASSWORD_VERIFIER");
    await lockout.passed(attempt);
    return {
      kind: "challenge",
      challengeName: "DEVICE_PASSWORD_VERIFIER",
      session: next,
      parameters: { SALT: device.srpSalt, SRP_B: bigBHex, SECRET_BLOCK: secretBlock, USERNAME: user.username },
    };
  }

  /** DEVICE_PASSWORD_VERIFIER with its attempt counted. */
  async function checkDeviceProof(
    context: ClientContext,
    session: SignInSession,
    responses: Record<string, string>,
    caller: CallerContext,
    user: User,
    attempt: AttemptReservation,
  ): Promise<SignInStepOutcome> {
    const timestamp = readClaimTimestamp(responses, clock.nowMs());
    if (!timestamp) throw malformedTimestamp();
    const { signature, secretBlock } = readClaimProof(responses);
    const deviceKey = requireParameter(responses, "DEVICE_KEY");
    const srpState = session.srp!;
    const fresh = timestamp.isFresh;
    if (
      !constantTimeEqual(deviceKey, session.deviceKey!) ||
      !fresh ||
      !constantTimeEqual(secretBlock, srpState.secretBlock)
    ) {
      return fail(context, session, attempt, !fresh ? "stale timestamp" : "session mismatch");
    }
    const device = await findConfirmed(context, user, deviceKey);
    if (!device) {
      assertTransition(session.state, "FAILED");
      throw new CognitoError("ResourceNotFoundException", DEVICE_NOT_FOUND);
    }
    const expected = await srp.expectedSignature({
      name: device.deviceGroupKey,
      userId: device.deviceKey,
      verifierHex: device.srpVerifier,
      ...storedExchangeOf(srpState, timestamp.text),
    });
    if (!constantTimeEqual(expected, signature)) return fail(context, session, attempt, "wrong device proof");
    await lockout.passed(attempt);
    const authTime = new Date(session.authTimeMs ?? clock.nowMs());
    return hooks.complete(
      context,
      user,
      "DEVICE_PASSWORD_VERIFIER",
      authTime,
      async (repositories, current) => {
        await repositories.devices.recordAuthentication(device.deviceKey, { ip: caller.sourceIp, now: clock.now() });
        return current;
      },
      { kind: "authenticated", deviceKey: device.deviceKey },
      caller.clientMetadata ?? null,
    );
  }

  return {
    tracksDevices,

    /**
     * The device a DEVICE_KEY names at the password step: null when none was sent or the sign-in does
     * no device tracking.
     * @throws ResourceNotFoundException "Device does not exist." (the SDKs then retry without the device)
     */
    async resolveNamed(
      context: ClientContext,
      user: User,
      caller: CallerContext,
      deviceKey: string | undefined,
    ): Promise<Device | null> {
      if (!deviceKey || !tracksDevices(context, caller)) return null;
      const device = await findConfirmed(context, user, deviceKey);
      if (!device) throw new CognitoError("ResourceNotFoundException", DEVICE_NOT_FOUND);
      return device;
    },

    /** A device named earlier in this sign-in, if it is still there (it may have been forgotten since). */
    findConfirmed,

    /**
     * The device that stands in for the MFA step, or null: only with the pool's
     * challengeRequiredOnNewDevice, only for a confirmed device the user chose (or the pool chose) to
     * remember, and only for a caller that tracks devices, whose sign-in continues with the device's SRP
     * proof (challenge). The pages and the admin API get none: they would end the sign-in without it.
     */
    mfaStandInOf(context: ClientContext, caller: CallerContext, device: Device | null): MfaStandIn | null {
      if (
        device === null ||
        !tracksDevices(context, caller) ||
        !isConfirmed(device) ||
        device.rememberedStatus !== "remembered" ||
        context.pool.deviceConfiguration?.challengeRequiredOnNewDevice !== true
      )
        return null;
      return { deviceKey: device.deviceKey } as MfaStandIn;
    },

    /**
     * Opens DEVICE_SRP_AUTH for a confirmed device. `before` commits changes that must land first.
     * Never for the pages or the admin API (tracksDevices): nothing they start names a device.
     */
    async challenge(
      context: ClientContext,
      user: User,
      caller: CallerContext,
      from: SignInState,
      authTimeMs: number,
      deviceKey: string,
      before?: CommitChanges,
    ): Promise<SignInStepOutcome> {
      if (caller.hostedUi || caller.admin) throw new Error("device SRP asked of a caller that does no device tracking");
      assertTransition(from, "DEVICE_SRP_AUTH");
      if (before)
        await db.transaction((repositories) => userAtCommit(repositories, context, user.id, clock.nowMs(), before));
      const session = await sessions.open(
        { ...sessionBaseOf(context, user, caller, authTimeMs), state: "DEVICE_SRP_AUTH", deviceKey },
        context.client.authSessionValidityMinutes * 60,
      );
      await hooks.recordChallenge(context, user, "DEVICE_SRP_AUTH");
      return {
        kind: "challenge",
        challengeName: "DEVICE_SRP_AUTH",
        session,
        parameters: { USERNAME: user.username, USER_ID_FOR_SRP: user.username },
      };
    },

    /**
     * DEVICE_SRP_AUTH: the device's SRP_A → SALT (the device's), SRP_B, SECRET_BLOCK.
     * @throws ResourceNotFoundException (device forgotten meanwhile), InvalidParameterException, NotAuthorizedException
     */
    async answerSrpAuth(
      context: ClientContext,
      session: SignInSession,
      responses: Record<string, string>,
      caller: CallerContext,
    ): Promise<SignInStepOutcome> {
      const user = await loadSessionUser(context, session, responses);
      return counted(context, user, caller, (attempt) =>
        startDeviceSrp(context, session, responses, caller, user, attempt),
      );
    },

    /**
     * DEVICE_PASSWORD_VERIFIER: checks the device's claim, HMAC(K, deviceGroupKey || deviceKey ||
     * SECRET_BLOCK || TIMESTAMP), and ends the sign-in with the device's key in the tokens.
     * @throws NotAuthorizedException (wrong proof, stale timestamp, other secret block), ResourceNotFoundException, InvalidParameterException
     */
    async answerPasswordVerifier(
      context: ClientContext,
      session: SignInSession,
      responses: Record<string, string>,
      caller: CallerContext,
    ): Promise<SignInStepOutcome> {
      const user = await loadSessionUser(context, session, responses);
      return counted(context, user, caller, (attempt) =>
        checkDeviceProof(context, session, responses, caller, user, attempt),
      );
    },

    /**
     * A new device record, pending confirmation, for NewDeviceMetadata: key `<region>_<uuid>` (the
     * region being the pool id's prefix, as in Cognito) and a random device group key.
     */
    newDevice(context: ClientContext, user: User, sourceIp: string | null): Device {
      const now = clock.now();
      const region = context.pool.id.slice(0, context.pool.id.indexOf("_"));
      return {
        deviceKey: `${region}_${randomUuid()}`,
        poolId: context.pool.id,
        userId: user.id,
        deviceGroupKey: `-${randomAlphanumeric(9)}`,
        srpSalt: null,
        srpVerifier: null,
        name: null,
        rememberedStatus: "not_remembered",
        lastIpUsed: sourceIp,
        createdAt: now,
        updatedAt: now,
        lastAuthenticatedAt: null,
      };
    },
  };
}

export type SignInDeviceSteps = ReturnType<typeof createSignInDeviceSteps>;
