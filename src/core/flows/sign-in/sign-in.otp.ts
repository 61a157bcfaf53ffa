import type { Clock } from "../../../lib/clock.js";
import { randomTokenBase64Url } from "../../../lib/random.js";
import { withMinimumDuration } from "../../../lib/timing.js";
import type { ClientContext } from "../../clients/client-context.js";
import { verifySecretHash } from "../../clients/client-context.js";
import { CognitoError } from "../../errors.js";
import { simulatedSignInCodeDetails } from "../../messaging/simulated-delivery.js";
import type { CodeHasher, Database, SecretBox } from "../../ports.js";
import type { Lockout } from "../../security/lockout.js";
import { runPreAuthentication } from "../../triggers/auth.triggers.js";
import type { TriggerRunner } from "../../triggers/trigger-runner.js";
import type { UserPool } from "../../pools/user-pool.types.js";
import { normalizeTypedName } from "../../users/typed-name.js";
import { saveUser } from "../../users/user-store.js";
import type { User } from "../../users/user.types.js";
import type { ChallengeSessions, SignInSession } from "./challenge-session.js";
import type { CommitChanges } from "./sign-in.account-state.js";
import { assertTransition, type SignInState } from "./sign-in.flow.js";
import type { SignInCodeSteps } from "./sign-in.codes.js";
import type { SignInStepHooks } from "./sign-in.mfa.js";
import { sessionBaseOf } from "./sign-in.parameters.js";
import type { CallerContext, SignInChallengeOutcome, SignInStepOutcome } from "./sign-in.types.js";

/** USER_AUTH's email and SMS codes are 8 digits, not configurable (reference-oauth §13.3). */
export const OTP_CODE_DIGITS = 8;

export type OtpFactor = "EMAIL_OTP" | "SMS_OTP";

/** The stand-ins of a name with no user (sign-in.service.ts): the same subject for lockout and the same reads as SRP's simulation. */
export interface SimulatedIdentities {
  /** The simulated immutable username of a typed name (normalised as the pool's lookups compare it). */
  usernameOf(pool: UserPool, typedName: string): string;
  lockoutSubjectOf(simulatedUsername: string): string;
  /** An id no user has, read in place of the user's. */
  userIdOf(simulatedUsername: string): string;
}

export interface OtpFirstFactorDeps {
  db: Database;
  clock: Clock;
  sessions: ChallengeSessions;
  lockout: Lockout;
  secretBox: SecretBox;
  codeHasher: CodeHasher;
  /** PreAuthentication before a code goes out. */
  triggers: TriggerRunner;
  /** Floor on a code step's response time when the client hides users: a code not sent takes as long as one sent. */
  enumerationSafeMs: number;
}

export interface OtpFirstFactorHooks {
  /** The MFA steps' code machinery: sending, comparing and refusing codes is theirs, not duplicated here. */
  codes: SignInCodeSteps;
  finish: SignInStepHooks["finish"];
  recordChallenge: SignInStepHooks["recordChallenge"];
  simulated: SimulatedIdentities;
}

const attributeOf = (factor: OtpFactor): "email" | "phone_number" =>
  factor === "EMAIL_OTP" ? "email" : "phone_number";

/**
 * EMAIL_OTP and SMS_OTP as USER_AUTH's first factor (reference-oauth §13.2, §13.3): an 8-digit code by
 * the pool's MFA templates, its keyed hash in the session, wrong codes counted by the lockout. A right code
 * proves the address (verified) and confirms an UNCONFIRMED user; no MFA follows a first-factor code.
 */
export function createOtpFirstFactor(deps: OtpFirstFactorDeps, hooks: OtpFirstFactorHooks) {
  const { db, clock, sessions, lockout, secretBox, codeHasher } = deps;
  const actorOf = (context: ClientContext) => `client:${context.client.clientId}`;

  /**
   * A challenge for a code that is not sent: a name with no user, a disabled user, a user without the
   * address. Its hash is of a random value, so no answer matches; everything the client sees looks real.
   */
  async function openWithoutCode(
    context: ClientContext,
    user: User | null,
    typedName: string,
    factor: OtpFactor,
    caller: CallerContext,
  ): Promise<{ session: string; parameters: Record<string, string> }> {
    const lifetimeSeconds = context.client.authSessionValidityMinutes * 60;
    const username = user?.username ?? hooks.simulated.usernameOf(context.pool, typedName);
    const session = await sessions.open(
      {
        state: factor,
        poolId: context.pool.id,
        clientId: context.client.clientId,
        userId: user?.id ?? null,
        username,
        typedUsername: typedName,
        viaAdmin: caller.admin !== null,
        ...(caller.hostedUi ? { hostedUi: true as const } : {}),
        authTimeMs: null,
        codeHash: codeHasher.hashCode("signin-unsent", randomTokenBase64Url(16)),
        codeExpiresAtMs: clock.nowMs() + lifetimeSeconds * 1000,
        failedAttempts: 0,
        firstFactor: true,
      },
      lifetimeSeconds,
    );
    const kind = attributeOf(factor);
    // Keyed by the name as the lookup compares it: one destination per would-be user, case included.
    const digest = codeHasher.hashCode(
      "simulated-delivery",
      `${context.pool.id}\u0000${normalizeTypedName(context.pool, typedName)}`,
    );
    const details = simulatedSignInCodeDetails(context.pool, typedName, kind, digest, user?.attributes[kind] ?? null);
    return {
      session,
      parameters: {
        CODE_DELIVERY_DELIVERY_MEDIUM: details.deliveryMedium,
        CODE_DELIVERY_DESTINATION: details.destination,
      },
    };
  }

  /**
   * What a right code changes: the address becomes verified, an UNCONFIRMED user CONFIRMED (§13.2), in
   * the tokens' transaction. That runs after PostAuthentication and the token signing, so it works on
   * the row as it is then (userAtCommit): an admin's change made meanwhile (a disable, a password,
   * attributes) stays, a user disabled meanwhile gets no tokens, and an address changed meanwhile is
   * not the one proven. A code that proves nothing new changes nothing: the tokens' transaction still
   * checks the user then (sign-in.steps.ts complete()).
   */
  function provenBy(
    context: ClientContext,
    session: SignInSession,
    user: User,
    factor: OtpFactor,
  ): { user: User; changes?: CommitChanges } {
    const flag = `${attributeOf(factor)}_verified`;
    const provesSomething = (candidate: User) =>
      candidate.attributes[flag] !== "true" || candidate.status === "UNCONFIRMED";
    if (!provesSomething(user)) return { user };
    const proven = (candidate: User): User => ({
      ...candidate,
      status: candidate.status === "UNCONFIRMED" ? "CONFIRMED" : candidate.status,
      attributes: { ...candidate.attributes, [flag]: "true" },
    });
    return {
      user: proven(user),
      async changes(repositories, current) {
        hooks.codes.assertSentToCurrentAddress(session, current);
        if (!provesSomething(current)) return current;
        const now = clock.now();
        const confirms = current.status === "UNCONFIRMED";
        const saved: User = { ...proven(current), updatedAt: now };
        await saveUser(repositories, context.pool, saved, { isNew: false });
        if (current.attributes[flag] !== "true") {
          await repositories.events.append(
            {
              type: "USER_ATTRIBUTES_CHANGED",
              poolId: context.pool.id,
              actor: actorOf(context),
              detail: { userSub: user.id, attributes: [flag], via: factor },
            },
            now,
          );
        }
        if (confirms) {
          // The sign-up code has nothing left to confirm.
          await repositories.codes.deleteForUser(user.id, "SIGN_UP");
          await repositories.events.append(
            {
              type: "USER_CONFIRMED",
              poolId: context.pool.id,
              actor: actorOf(context),
              detail: { userSub: user.id, username: user.username, via: factor },
            },
            now,
          );
        }
        return saved;
      },
    };
  }

  return {
    /**
     * Sends the code (or, for a name with no user, opens a challenge that looks the same without sending
     * anything) and returns the EMAIL_OTP / SMS_OTP challenge. PreAuthentication runs first; a user locked
     * out gets no code.
     * @throws NotAuthorizedException ("Password attempts exceeded"), TooManyRequestsException, LimitExceededException (SIGN_IN_CODES_PER_HOUR, sign-in.codes.ts), CodeDeliveryFailureException, trigger errors
     */
    async start(
      context: ClientContext,
      user: User | null,
      typedName: string,
      factor: OtpFactor,
      caller: CallerContext,
      from: SignInState,
      offered?: string[],
    ): Promise<SignInChallengeOutcome> {
      const run = async (): Promise<SignInChallengeOutcome> => {
        const subject = user
          ? user.id
          : hooks.simulated.lockoutSubjectOf(hooks.simulated.usernameOf(context.pool, typedName));
        await lockout.assertMayAttempt(context.pool.id, subject, caller.sourceIp);
        // Counted sent or not: an unknown name, a disabled user or one without the address are counted
        // and refused exactly as a user whose code goes out, so the limit tells nobody which names have a user.
        await hooks.codes.countCode("first-factor", context.pool.id, subject);
        await runPreAuthentication(deps.triggers, context.pool, {
          user,
          userName: typedName,
          clientId: context.client.clientId,
          validationData: caller.clientMetadata ?? null,
        });
        assertTransition(from, factor);
        const opened =
          user && user.enabled && user.attributes[attributeOf(factor)]
            ? await hooks.codes.sendCode(
                context,
                user,
                caller,
                from,
                factor,
                { ...sessionBaseOf(context, user, caller, clock.nowMs()), typedUsername: typedName, firstFactor: true },
                { digits: OTP_CODE_DIGITS },
              )
            : await openWithoutCode(context, user, typedName, factor, caller);
        await hooks.recordChallenge(context, user, factor);
        return {
          kind: "challenge",
          challengeName: factor,
          session: opened.session,
          parameters: opened.parameters,
          ...(offered ? { availableChallenges: offered } : {}),
        };
      };
      // An unknown name must not answer faster than a real user whose code went out (trigger, outbox, event).
      return context.client.preventUserExistenceErrors === "ENABLED"
        ? withMinimumDuration(deps.enumerationSafeMs, run)
        : run();
    },

    /**
     * EMAIL_OTP_CODE / SMS_OTP_CODE. Counted by the lockout before the compare (a wrong code stays
     * counted); a wrong code keeps the session for another try until the MFA steps' limit.
     * @throws CodeMismatchException, ExpiredCodeException, NotAuthorizedException (session, lockout, disabled user)
     */
    async answer(
      context: ClientContext,
      session: SignInSession,
      sessionToken: string,
      responses: Record<string, string>,
      caller: CallerContext,
    ): Promise<SignInStepOutcome> {
      const factor = session.state as OtpFactor;
      const standInId = hooks.simulated.userIdOf(session.username);
      // A name with no user is read too (by an id no user has): both answers cost the same reads.
      const user = await db.read((repositories) =>
        repositories.users.findByIdWithGroups(context.pool.id, session.userId ?? standInId),
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
        const code =
          factor === "SMS_OTP" ? responses.SMS_OTP_CODE : responses.EMAIL_OTP_CODE || responses.EMAIL_MFA_CODE;
        const isRight = hooks.codes.codeMatches(session, session.userId ?? standInId, code);
        if (!user || !session.userId || !isRight)
          return await hooks.codes.refuse(
            context,
            session,
            sessionToken,
            attempt,
            user ? "wrong code" : "unknown user",
            "SIGN_IN_FAILED",
          );
        await lockout.passed(attempt);
      } finally {
        await lockout.release(attempt);
      }
      // Checked after the proof, as for passwords: only the right code learns the account's state.
      if (!user.enabled) throw new CognitoError("NotAuthorizedException", "User is disabled.");
      // The code verifies the address and may confirm the user: only while the address is the one it went to.
      hooks.codes.assertSentToCurrentAddress(session, user);
      const proven = provenBy(context, session, user, factor);
      return hooks.finish(context, proven.user, caller, factor, clock.now(), null, proven.changes);
    },
  };
}

export type OtpFirstFactor = ReturnType<typeof createOtpFirstFactor>;
