import { CognitoError, invalidParameter } from "../../errors.js";
import type { ClientContext } from "../../clients/client-context.js";
import { verifySecretHash } from "../../clients/client-context.js";
import {
  checkAttributeWrites,
  checkRequiredAttributes,
  readableAttributeNames,
  type AttributeInput,
} from "../../users/attribute-rules.js";
import { voidCodesForOldAddresses } from "../../users/address-codes.js";
import { applyAttributeChanges } from "../../users/attribute-changes.js";
import { prepareCredentials, retireCurrentPassword } from "../../users/credentials.js";
import { saveUser } from "../../users/user-store.js";
import type { User } from "../../users/user.types.js";
import type { SignInServiceDeps } from "./sign-in.service.js";
import type { Device } from "../../devices/device.types.js";
import type { SignInSession } from "./challenge-session.js";
import { createSignInDeviceSteps, type DeviceOutcome } from "./sign-in.devices.js";
import { createSignInMfaSteps } from "./sign-in.mfa.js";
import { completeHostedUiSignIn } from "./sign-in.hosted-ui.js";
import { runPostAuthentication } from "../../triggers/auth.triggers.js";
import { assertTransition, type SignInState } from "./sign-in.flow.js";
import {
  assertUserMaySignIn as assertMaySignInAt,
  callsOutDuringSignIn,
  userAtCommit,
  type CommitChanges,
} from "./sign-in.account-state.js";
import { respondMetadataOf, type CallerContext, type SignInStepOutcome } from "./sign-in.types.js";

const ATTRIBUTE_PREFIX = "userAttributes.";
const SESSION_EXPIRED = "Invalid session for the user, session is expired.";

/** The steps after a password has been proven, shared by every password flow. */
export function createSignInSteps(deps: SignInServiceDeps) {
  const { db, clock, sessions, lockout, hasher, tokens, secretBox } = deps;
  const actorOf = (context: ClientContext) => `client:${context.client.clientId}`;

  async function recordChallenge(context: ClientContext, user: User | null, challengeName: string): Promise<void> {
    // The event is the only write: one INSERT commits atomically by itself, and a transaction around it
    // would cost two more round trips on every sign-in.
    await db.read((repositories) =>
      repositories.events.append(
        {
          type: "CHALLENGE_ISSUED",
          poolId: context.pool.id,
          actor: actorOf(context),
          detail: { userSub: user?.id ?? null, challengeName },
        },
        clock.now(),
      ),
    );
  }

  /** Account states that stop a sign-in even with the right password (sign-in.account-state.ts), now. */
  const assertUserMaySignIn = (context: ClientContext, user: User): void =>
    assertMaySignInAt(context, user, clock.nowMs());

  /**
   * NEW_PASSWORD_REQUIRED's answer is for a user that may still sign in and still must set a password.
   * @throws NotAuthorizedException (disabled; or no longer FORCE_CHANGE_PASSWORD: the session is stale), and as assertUserMaySignIn
   */
  function assertStillAwaitingNewPassword(context: ClientContext, user: User): void {
    assertUserMaySignIn(context, user);
    if (user.status !== "FORCE_CHANGE_PASSWORD") throw new CognitoError("NotAuthorizedException", SESSION_EXPIRED);
  }

  /**
   * Tokens. A device that proved itself puts its key in the access token and the refresh token; with
   * device tracking on, any other sign-in hands out a new (pending) device as NewDeviceMetadata.
   * The transaction that commits them reads the user again and refuses the tokens unless it may
   * still sign in (userAtCommit), with one exception, to keep a plain sign-in's commit one request:
   * when nothing outside the gateway ran since the step read the user (no sign-in trigger in the
   * pool: PostAuthentication and PreTokenGeneration run right here) and there is nothing else to
   * write, the row the step just read and checked is the row at the commit but for the gateway's own
   * few milliseconds (the password or SRP check, the signing).
   */
  async function complete(
    context: ClientContext,
    user: User,
    from: SignInState,
    authTime: Date,
    changes?: CommitChanges,
    device: DeviceOutcome = { kind: "none" },
    clientMetadata: Record<string, string> | null = null,
  ): Promise<SignInStepOutcome> {
    assertTransition(from, "AUTHENTICATED");
    // Before tokens exist: a refusing PostAuthentication fails the sign-in with nothing issued.
    await runPostAuthentication(deps.triggers, context.pool, {
      user,
      clientId: context.client.clientId,
      newDeviceUsed: device.kind === "new",
      clientMetadata,
    });
    await lockout.recordSuccess(context.pool.id, user.id);
    const created = device.kind === "new" ? devices.newDevice(context, user, device.sourceIp) : null;
    const deviceKey = device.kind === "authenticated" ? device.deviceKey : (created?.deviceKey ?? null);
    const source =
      from === "NEW_PASSWORD_REQUIRED"
        ? ("TokenGeneration_NewPasswordChallenge" as const)
        : from === "DEVICE_PASSWORD_VERIFIER"
          ? ("TokenGeneration_AuthenticateDevice" as const)
          : ("TokenGeneration_Authentication" as const);
    const tokenGeneration = { source, clientMetadata };
    const issued = await tokens.issue({
      pool: context.pool,
      client: context.client,
      user,
      authTime,
      deviceKey,
      withRefreshToken: true,
      tokenGeneration,
    });
    const isRecheckDue = changes !== undefined || created !== null || callsOutDuringSignIn(deps.triggers, context.pool);
    // Without a check or other changes it only inserts (the refresh token, the event): one round trip on MariaDB.
    await db.transaction(
      async (repositories) => {
        if (isRecheckDue) await userAtCommit(repositories, context, user.id, clock.nowMs(), changes);
        if (created) await repositories.devices.insert(created);
        if (issued.refreshRecord) await repositories.refreshTokens.insert(issued.refreshRecord);
        await repositories.events.append(
          {
            type: "SIGN_IN_SUCCEEDED",
            poolId: context.pool.id,
            actor: actorOf(context),
            detail: {
              userSub: user.id,
              clientId: context.client.clientId,
              ...(deviceKey ? { deviceKey, viaDevice: device.kind === "authenticated" } : {}),
            },
          },
          clock.now(),
        );
      },
      { writesOnly: !isRecheckDue },
    );
    const result = created
      ? {
          ...issued.result,
          newDeviceMetadata: { deviceKey: created.deviceKey, deviceGroupKey: created.deviceGroupKey },
        }
      : issued.result;
    return { kind: "authenticated", result };
  }

  function newPasswordParameters(context: ClientContext, user: User): Record<string, string> {
    const readable = readableAttributeNames(context.pool, context.client);
    const visible = Object.fromEntries(
      Object.entries(user.attributes).filter(
        ([name]) => readable.has(name) && name !== "sub" && !name.endsWith("_verified"),
      ),
    );
    const missing = context.pool.schemaAttributes
      .filter((attribute) => attribute.required && attribute.name !== "sub" && !user.attributes[attribute.name])
      .map((attribute) => ATTRIBUTE_PREFIX + attribute.name);
    return {
      USER_ID_FOR_SRP: user.username,
      userAttributes: JSON.stringify(visible),
      requiredAttributes: JSON.stringify(missing),
    };
  }

  const devices = createSignInDeviceSteps(deps, { complete, recordChallenge, assertUserMaySignIn });

  /** After the last factor: the named device proves itself (DEVICE_SRP_AUTH), or tokens. */
  function finish(
    context: ClientContext,
    user: User,
    caller: CallerContext,
    from: SignInState,
    authTime: Date,
    deviceKey: string | null,
    changes?: CommitChanges,
  ): Promise<SignInStepOutcome> {
    // The managed sign-in pages end without tokens (and without devices): the authorization code does the rest.
    if (caller.hostedUi)
      return completeHostedUiSignIn(deps, context, user, from, authTime, changes, respondMetadataOf(caller, from));
    if (deviceKey) return devices.challenge(context, user, caller, from, authTime.getTime(), deviceKey, changes);
    return complete(
      context,
      user,
      from,
      authTime,
      changes,
      devices.tracksDevices(context, caller) ? { kind: "new", sourceIp: caller.sourceIp } : { kind: "none" },
      respondMetadataOf(caller, from),
    );
  }

  const mfa = createSignInMfaSteps(deps, { finish, recordChallenge, assertUserMaySignIn });

  /**
   * After the first factor (and NEW_PASSWORD_REQUIRED): MFA unless a remembered device stands in for
   * it, then finish. A device stands in only by proving itself next: a skipped MFA step leads to the
   * device's SRP (DEVICE_SRP_AUTH) whoever the caller, never to finish(), which ends the pages' sign-in
   * without that proof; and only callers whose sign-in ends with the proof get a stand-in at all.
   */
  async function proceed(
    context: ClientContext,
    user: User,
    caller: CallerContext,
    from: SignInState,
    authTime: Date,
    device: Device | null,
    changes?: CommitChanges,
  ): Promise<SignInStepOutcome> {
    const deviceKey = device?.deviceKey ?? null;
    const standIn = devices.mfaStandInOf(context, caller, device);
    const challenge = await mfa.challengeIfDue(context, user, caller, from, authTime, changes, { deviceKey, standIn });
    if (challenge) return challenge;
    if (standIn) return devices.challenge(context, user, caller, from, authTime.getTime(), standIn.deviceKey, changes);
    return finish(context, user, caller, from, authTime, deviceKey, changes);
  }

  return {
    recordChallenge,
    finish,
    /** The MFA steps' code machinery, for USER_AUTH's first-factor codes (sign-in.otp.ts). */
    codes: mfa.codes,
    answerMfa: mfa.answer,
    answerDeviceSrpAuth: devices.answerSrpAuth,
    answerDevicePasswordVerifier: devices.answerPasswordVerifier,
    /**
     * The confirmed device a DEVICE_KEY names at the password step (null: none sent, or no tracking).
     * @throws ResourceNotFoundException "Device does not exist."
     */
    resolveDevice: devices.resolveNamed,

    /** Next step once the password is proven: NEW_PASSWORD_REQUIRED, an MFA challenge, the device's proof, or tokens. */
    async afterPassword(
      context: ClientContext,
      user: User,
      caller: CallerContext,
      from: SignInState,
      device: Device | null = null,
    ): Promise<SignInStepOutcome> {
      assertUserMaySignIn(context, user);
      const authTime = clock.now();
      if (user.status === "FORCE_CHANGE_PASSWORD") {
        assertTransition(from, "NEW_PASSWORD_REQUIRED");
        const session = await sessions.open(
          {
            state: "NEW_PASSWORD_REQUIRED",
            poolId: context.pool.id,
            clientId: context.client.clientId,
            userId: user.id,
            username: user.username,
            viaAdmin: caller.admin !== null,
            ...(caller.hostedUi ? { hostedUi: true as const } : {}),
            authTimeMs: authTime.getTime(),
            ...(device ? { deviceKey: device.deviceKey } : {}),
          },
          context.client.authSessionValidityMinutes * 60,
        );
        await lockout.recordSuccess(context.pool.id, user.id);
        await recordChallenge(context, user, "NEW_PASSWORD_REQUIRED");
        return {
          kind: "challenge",
          challengeName: "NEW_PASSWORD_REQUIRED",
          session,
          parameters: newPasswordParameters(context, user),
        };
      }
      return proceed(context, user, caller, from, authTime, device);
    },

    /**
     * NEW_PASSWORD_REQUIRED: sets the permanent password and any missing required attributes. A
     * password the policy refuses keeps the session open for another try.
     */
    async answerNewPassword(
      context: ClientContext,
      session: SignInSession,
      sessionToken: string,
      responses: Record<string, string>,
      _caller: CallerContext,
    ): Promise<SignInStepOutcome> {
      const user = session.userId
        ? await db.read((repositories) => repositories.users.findById(context.pool.id, session.userId!))
        : null;
      if (!user) throw new CognitoError("NotAuthorizedException", SESSION_EXPIRED);
      verifySecretHash(secretBox, context.client, responses.SECRET_HASH, [responses.USERNAME ?? "", user.username]);
      // The user as it is now, not as it was at the password step: disabled since (AdminDisableUser), or
      // no longer waiting for a new password (an admin set one, or reset it), it gets no tokens from this
      // session, as an MFA or device answer would not.
      assertStillAwaitingNewPassword(context, user);
      const newPassword = responses.NEW_PASSWORD;
      const attributeWrites: AttributeInput[] = Object.entries(responses)
        .filter(([name]) => name.startsWith(ATTRIBUTE_PREFIX))
        .map(([name, value]) => ({ name: name.slice(ATTRIBUTE_PREFIX.length), value }));
      let credentials;
      let attributes;
      try {
        if (!newPassword) throw invalidParameter("Missing required parameter NEW_PASSWORD");
        checkAttributeWrites(
          context.pool,
          attributeWrites,
          { kind: "client", client: context.client },
          { isCreate: false },
        );
        for (const write of attributeWrites) {
          const attribute = context.pool.schemaAttributes.find((candidate) => candidate.name === write.name);
          if (attribute?.required && user.attributes[write.name])
            throw invalidParameter(`Cannot modify the required attribute ${write.name}: it already has a value.`);
        }
        // As any other write: a changed email/phone is unverified unless the call may and does vouch for it.
        attributes = applyAttributeChanges(user.attributes, attributeWrites, []).attributes;
        checkRequiredAttributes(context.pool, attributes);
        credentials = await db.read((repositories) =>
          prepareCredentials(hasher, repositories, context.pool, user, newPassword, "NEW_PASSWORD"),
        );
      } catch (error) {
        assertTransition("NEW_PASSWORD_REQUIRED", "NEW_PASSWORD_REQUIRED");
        await sessions.giveBack(sessionToken, session);
        throw error;
      }
      const now = clock.now();
      const updated: User = {
        ...user,
        status: "CONFIRMED",
        credentials,
        attributes,
        passwordChangedAt: now,
        updatedAt: now,
      };
      const changes: CommitChanges = async (repositories, current) => {
        // Again where the new password is written (userAtCommit hands over the row as it is there): an
        // AdminDisableUser that landed since the check above (the password's hashing, the triggers, an
        // MFA step) must not be overwritten by this save.
        assertStillAwaitingNewPassword(context, current);
        // The row as it is now, with this answer's changes: an admin's attribute change that landed
        // meanwhile stays (the row read before the hashing would overwrite it).
        const saved: User = {
          ...current,
          status: "CONFIRMED",
          credentials,
          attributes: applyAttributeChanges(current.attributes, attributeWrites, []).attributes,
          passwordChangedAt: now,
          updatedAt: now,
        };
        await retireCurrentPassword(repositories, context.pool, current, now);
        // A code sent to an email/phone this answer replaced must not verify the new one.
        await voidCodesForOldAddresses(repositories, context.pool, current, saved);
        await saveUser(repositories, context.pool, saved, { isNew: false });
        await repositories.events.append(
          {
            type: "PASSWORD_CHANGED",
            poolId: context.pool.id,
            actor: actorOf(context),
            detail: { userSub: user.id, via: "NEW_PASSWORD_REQUIRED" },
          },
          now,
        );
        return saved;
      };
      const authTime = new Date(session.authTimeMs ?? now.getTime());
      // MFA comes after the new password (§3.3): the password is saved before the MFA challenge goes out.
      // A device forgotten since the password step is simply no longer there to replace MFA.
      const device = session.deviceKey ? await devices.findConfirmed(context, updated, session.deviceKey) : null;
      return proceed(context, updated, _caller, "NEW_PASSWORD_REQUIRED", authTime, device, changes);
    },

    /**
     * REFRESH_TOKEN_AUTH: new ID and access tokens. Refused for clients that rotate refresh tokens:
     * rotation is completed with GetTokensFromRefreshToken only (RefreshTokenRotationType, reference-oauth §12.2).
     * @throws NotAuthorizedException
     */
    async refresh(context: ClientContext, parameters: Record<string, string>): Promise<SignInStepOutcome> {
      const refreshToken = parameters.REFRESH_TOKEN;
      if (!refreshToken) throw invalidParameter("Missing required parameter REFRESH_TOKEN");
      if (context.client.refreshTokenRotation.enabled) {
        throw new CognitoError(
          "NotAuthorizedException",
          "Refresh token rotation is enabled for this app client: refresh with GetTokensFromRefreshToken, not REFRESH_TOKEN_AUTH.",
        );
      }
      const result = await deps.refresh.refresh(context, {
        refreshToken,
        deviceKey: parameters.DEVICE_KEY,
        // InitiateAuth's ClientMetadata reaches only PreSignUp, PreAuthentication and UserMigration (§10.1).
        clientMetadata: null,
        verifyClient: (user) =>
          verifySecretHash(secretBox, context.client, parameters.SECRET_HASH, [
            user.username,
            user.id,
            ...(parameters.USERNAME ? [parameters.USERNAME] : []),
          ]),
      });
      return { kind: "authenticated", result };
    },
  };
}
