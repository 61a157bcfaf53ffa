import type { Clock } from "../../../lib/clock.js";
import type { ClientContext } from "../../clients/client-context.js";
import { verifySecretHash } from "../../clients/client-context.js";
import { CognitoError, invalidParameter, isCognitoError } from "../../errors.js";
import type { Database, SecretBox } from "../../ports.js";
import type { AttemptReservation, Lockout } from "../../security/lockout.js";
import { runPreAuthentication } from "../../triggers/auth.triggers.js";
import type { TriggerRunner } from "../../triggers/trigger-runner.js";
import type { User } from "../../users/user.types.js";
import type { PasskeySignIn } from "../../webauthn/passkey-sign-in.js";
import type { ChallengeSessions, SignInSession } from "./challenge-session.js";
import { assertTransition, type SignInState } from "./sign-in.flow.js";
import type { SignInStepHooks } from "./sign-in.mfa.js";
import type { SimulatedIdentities } from "./sign-in.otp.js";
import type { CallerContext, SignInChallengeOutcome, SignInStepOutcome } from "./sign-in.types.js";

export interface PasskeyFirstFactorDeps {
  db: Database;
  clock: Clock;
  sessions: ChallengeSessions;
  lockout: Lockout;
  secretBox: SecretBox;
  triggers: TriggerRunner;
  /** The passkey half of the ceremony (options, assertion check); null: passkeys are not served. */
  passkeys: PasskeySignIn | null;
}

export interface PasskeyFirstFactorHooks {
  finish: SignInStepHooks["finish"];
  recordChallenge: SignInStepHooks["recordChallenge"];
  simulated: SimulatedIdentities;
  /** Settles the attempt as failed, records SIGN_IN_FAILED and throws NotAuthorizedException (the password flows' failure). */
  fail(context: ClientContext, user: User | null, reason: string, attempt: AttemptReservation): Promise<never>;
}

/**
 * WEB_AUTHN as USER_AUTH's first factor (reference-oauth §13.4): the passkey service makes the
 * CREDENTIAL_REQUEST_OPTIONS and checks the CREDENTIAL; this module owns the session (which keeps the
 * assertion state), the lockout, events and triggers. One assertion per session: a refused one voids it,
 * as Amplify never answers a WEB_AUTHN challenge twice. No MFA follows a passkey.
 */
export function createPasskeyFirstFactor(deps: PasskeyFirstFactorDeps, hooks: PasskeyFirstFactorHooks) {
  const { db, clock, sessions, lockout, secretBox } = deps;

  return {
    /**
     * The WEB_AUTHN challenge. A name with no user (and a disabled user) get options that look real
     * and never verify (PasskeySignIn.startAssertion with null).
     * @throws WebAuthnConfigurationMissingException, NotAuthorizedException ("Password attempts exceeded"), trigger errors
     */
    async start(
      context: ClientContext,
      user: User | null,
      typedName: string,
      caller: CallerContext,
      from: SignInState,
      offered?: string[],
    ): Promise<SignInChallengeOutcome> {
      const passkeys = deps.passkeys;
      // Never offered without the service (user-auth-factors.ts), so reaching here without it is a bug.
      if (!passkeys) throw new Error("WEB_AUTHN started without a passkey service");
      const simulatedUsername = hooks.simulated.usernameOf(context.pool, typedName);
      await lockout.assertMayAttempt(
        context.pool.id,
        user ? user.id : hooks.simulated.lockoutSubjectOf(simulatedUsername),
        caller.sourceIp,
      );
      await runPreAuthentication(deps.triggers, context.pool, {
        user,
        userName: typedName,
        clientId: context.client.clientId,
        validationData: caller.clientMetadata ?? null,
      });
      assertTransition(from, "WEB_AUTHN");
      const lifetimeSeconds = context.client.authSessionValidityMinutes * 60;
      const { requestOptionsJson, state } = await passkeys.startAssertion(
        context.pool,
        user?.enabled ? user : null,
        lifetimeSeconds,
        typedName,
      );
      const session = await sessions.open(
        {
          state: "WEB_AUTHN",
          poolId: context.pool.id,
          clientId: context.client.clientId,
          userId: user?.id ?? null,
          username: user?.username ?? simulatedUsername,
          typedUsername: typedName,
          viaAdmin: caller.admin !== null,
          ...(caller.hostedUi ? { hostedUi: true as const } : {}),
          authTimeMs: null,
          passkey: state,
        },
        lifetimeSeconds,
      );
      await hooks.recordChallenge(context, user, "WEB_AUTHN");
      return {
        kind: "challenge",
        challengeName: "WEB_AUTHN",
        session,
        parameters: { CREDENTIAL_REQUEST_OPTIONS: requestOptionsJson },
        ...(offered ? { availableChallenges: offered } : {}),
      };
    },

    /**
     * CREDENTIAL (AuthenticationResponseJSON as a string): counted by the lockout before it is checked.
     * @throws NotAuthorizedException (refused assertion, session, lockout, user state), InvalidParameterException (no CREDENTIAL: the session stays)
     */
    async answer(
      context: ClientContext,
      session: SignInSession,
      sessionToken: string,
      responses: Record<string, string>,
      caller: CallerContext,
    ): Promise<SignInStepOutcome> {
      const credential = responses.CREDENTIAL;
      if (typeof credential !== "string" || credential.length === 0) {
        assertTransition("WEB_AUTHN", "WEB_AUTHN");
        // A malformed answer tries nothing: the session stays for a corrected one.
        await sessions.giveBack(sessionToken, session);
        throw invalidParameter("Missing required parameter CREDENTIAL");
      }
      const user = await db.read((repositories) =>
        repositories.users.findByIdWithGroups(
          context.pool.id,
          session.userId ?? hooks.simulated.userIdOf(session.username),
        ),
      );
      verifySecretHash(secretBox, context.client, responses.SECRET_HASH, [
        responses.USERNAME ?? "",
        session.username,
        ...(session.typedUsername ? [session.typedUsername] : []),
      ]);
      const attempt = await lockout.reserve(
        context.pool.id,
        session.userId ?? hooks.simulated.lockoutSubjectOf(session.username),
        caller.sourceIp,
      );
      try {
        if (!user || !session.userId || !session.passkey || !deps.passkeys)
          return await hooks.fail(context, user, "unknown user", attempt);
        try {
          await deps.passkeys.verifyAssertion(context.pool, user, session.passkey, credential);
        } catch (error) {
          if (isCognitoError(error) && error.code === "NotAuthorizedException")
            return await hooks.fail(context, user, "passkey refused", attempt);
          throw error;
        }
        await lockout.passed(attempt);
      } finally {
        await lockout.release(attempt);
      }
      // Checked after the proof, as for passwords: only a verified passkey learns the account's state.
      if (!user.enabled) throw new CognitoError("NotAuthorizedException", "User is disabled.");
      return hooks.finish(context, user, caller, "WEB_AUTHN", clock.now(), null);
    },
  };
}

export type PasskeyFirstFactor = ReturnType<typeof createPasskeyFirstFactor>;
