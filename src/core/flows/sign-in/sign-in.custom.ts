import { verifySecretHash, type ClientContext } from "../../clients/client-context.js";
import { CognitoError, invalidParameter } from "../../errors.js";
import {
  runDefineAuthChallenge,
  runCreateAuthChallenge,
  runPreAuthentication,
  runVerifyAuthChallengeResponse,
  type ChallengeResult,
} from "../../triggers/auth.triggers.js";
import { findUserByIdentifier } from "../../users/identity.js";
import type { User } from "../../users/user.types.js";
import type { AttemptReservation } from "../../security/lockout.js";
import type { SignInSession } from "./challenge-session.js";
import { assertTransition, type SignInState } from "./sign-in.flow.js";
import type { SignInServiceDeps } from "./sign-in.service.js";
import type { CallerContext, SignInStepOutcome } from "./sign-in.types.js";

/**
 * Steps one CUSTOM_AUTH sign-in may take: a DefineAuthChallenge that never decides would otherwise
 * keep a session alive (and the trigger busy) until it expires.
 */
const MAX_CUSTOM_STEPS = 10;

/** What the custom flow needs from the other sign-in steps. */
export interface CustomAuthHooks {
  /** NEW_PASSWORD_REQUIRED, MFA, device steps or tokens, as after a password. */
  afterPassword(
    context: ClientContext,
    user: User,
    caller: CallerContext,
    from: SignInState,
  ): Promise<SignInStepOutcome>;
  /** Starts the built-in PASSWORD_VERIFIER (SRP) challenge with this custom state in its session. */
  startSrp(
    context: ClientContext,
    parameters: Record<string, string>,
    caller: CallerContext,
    extra: Pick<SignInSession, "custom">,
  ): Promise<SignInStepOutcome>;
  recordChallenge(context: ClientContext, user: User | null, challengeName: string): Promise<void>;
  /** Whose failures count towards lockout: the user, or the simulated identity of an unknown name. */
  lockoutSubjectOf(context: ClientContext, user: User | null, userName: string): string;
  /** The simulated immutable username of a name with no user (simulated-identity.ts). */
  simulatedUsernameOf(context: ClientContext, typedName: string): string;
  /** Settles the attempt as failed, records it (events, lockout) and throws NotAuthorizedException. */
  fail(context: ClientContext, user: User | null, reason: string, attempt: AttemptReservation): Promise<never>;
}

/**
 * CUSTOM_AUTH (cognito-reference §3.3): DefineAuthChallenge decides each step from the history,
 * CreateAuthChallenge makes a CUSTOM_CHALLENGE, VerifyAuthChallengeResponse judges the ANSWER. The
 * SRP-first variant (CHALLENGE_NAME=SRP_A) runs the built-in PASSWORD_VERIFIER first.
 */
export function createCustomAuthSteps(deps: SignInServiceDeps, hooks: CustomAuthHooks) {
  const { db, sessions, secretBox, triggers, lockout } = deps;

  /**
   * The username a CUSTOM_CHALLENGE session keeps: the user's immutable username, and for a name with no
   * user (PreventUserExistenceErrors ENABLED) the simulated identity's where usernames are generated
   * UUIDs (email or phone as username), else the name as typed.
   */
  const sessionUsernameOf = (context: ClientContext, user: User | null, typedName: string): string => {
    if (user) return user.username;
    return context.pool.usernameAttributes.length > 0 ? hooks.simulatedUsernameOf(context, typedName) : typedName;
  };
  /**
   * The USERNAME the challenge shows the client. Where usernames are generated UUIDs, the session's (a
   * real user's UUID or the simulated one: the same shape). Elsewhere the name as typed, for real users
   * too: Cognito shows the stored username, but a user found by an alias or by another letter case
   * would then come back under another name than the one typed, while an unknown name cannot, which
   * tells anyone which names and emails have an account. The typed name finds the same user when the
   * client answers with it.
   */
  const challengeUsernameOf = (context: ClientContext, user: User | null, typedName: string): string =>
    context.pool.usernameAttributes.length > 0 ? sessionUsernameOf(context, user, typedName) : typedName;

  /**
   * Asks DefineAuthChallenge for the next step and takes it. `attempt` was counted before the triggers
   * judged anything: a failed authentication keeps it, any other step gives it back.
   */
  async function next(
    context: ClientContext,
    user: User | null,
    userName: string,
    history: ChallengeResult[],
    caller: CallerContext,
    from: SignInState,
    attempt: AttemptReservation,
  ): Promise<SignInStepOutcome> {
    if (history.length > MAX_CUSTOM_STEPS) return hooks.fail(context, user, "too many custom challenges", attempt);
    // InitiateAuth's ClientMetadata reaches only PreSignUp, PreAuthentication and UserMigration (§10.1).
    const base = {
      user,
      userName,
      clientId: context.client.clientId,
      session: history,
      clientMetadata: from === "START" || from === "SRP_A" ? null : (caller.clientMetadata ?? null),
    };
    const decision = await runDefineAuthChallenge(triggers, context.pool, base);
    if (decision.failAuthentication) return hooks.fail(context, user, "failAuthentication", attempt);
    if (decision.issueTokens) {
      // A user that does not exist never gets tokens, whatever the trigger says.
      if (!user) return hooks.fail(context, null, "unknown user", attempt);
      await lockout.passed(attempt);
      return hooks.afterPassword(context, user, caller, from);
    }
    await lockout.passed(attempt);
    if (decision.challengeName === "PASSWORD_VERIFIER")
      throw new CognitoError(
        "InvalidLambdaResponseException",
        "Invalid DefineAuthChallenge response: PASSWORD_VERIFIER is only possible right after SRP_A.",
      );
    const created = await runCreateAuthChallenge(triggers, context.pool, base);
    assertTransition(from, "CUSTOM_CHALLENGE");
    const session = await sessions.open(
      {
        state: "CUSTOM_CHALLENGE",
        poolId: context.pool.id,
        clientId: context.client.clientId,
        userId: user?.id ?? null,
        username: sessionUsernameOf(context, user, userName),
        // The name as typed: an unknown name's lockout subject and triggers' userName go by it.
        ...(user ? {} : { typedUsername: userName }),
        viaAdmin: caller.admin !== null,
        authTimeMs: null,
        // The private parameters (the expected answer) stay here, server-side; the client sees only the public ones.
        custom: {
          history,
          privateChallengeParameters: created.privateChallengeParameters,
          challengeMetadata: created.challengeMetadata,
        },
      },
      context.client.authSessionValidityMinutes * 60,
    );
    await hooks.recordChallenge(context, user, "CUSTOM_CHALLENGE");
    return {
      kind: "challenge",
      challengeName: "CUSTOM_CHALLENGE",
      session,
      parameters: { ...created.publicChallengeParameters, USERNAME: challengeUsernameOf(context, user, userName) },
    };
  }

  const api = {
    /**
     * InitiateAuth with CUSTOM_AUTH.
     * @throws InvalidParameterException, NotAuthorizedException, UserNotFoundException (LEGACY clients), trigger exceptions
     */
    async start(
      context: ClientContext,
      parameters: Record<string, string>,
      caller: CallerContext,
    ): Promise<SignInStepOutcome> {
      const userName = parameters.USERNAME;
      if (!userName) throw invalidParameter("Missing required parameter USERNAME");
      const user = await db.read((repositories) => findUserByIdentifier(repositories, context.pool, userName));
      verifySecretHash(secretBox, context.client, parameters.SECRET_HASH, [userName, ...(user ? [user.username] : [])]);
      // Counted before any trigger judges the attempt, so a burst meets the lockout its first failures set.
      const attempt = await lockout.reserve(
        context.pool.id,
        hooks.lockoutSubjectOf(context, user, userName),
        caller.sourceIp,
      );
      try {
        return await startCounted(context, user, userName, parameters, caller, attempt);
      } finally {
        await lockout.release(attempt);
      }
    },

    /** The SRP password of the SRP-first variant was proven: DefineAuthChallenge decides what follows. */
    async afterPasswordVerifier(
      context: ClientContext,
      user: User,
      session: SignInSession,
      caller: CallerContext,
    ): Promise<SignInStepOutcome> {
      const history: ChallengeResult[] = [
        ...(session.custom?.history ?? []),
        { challengeName: "PASSWORD_VERIFIER", challengeResult: true },
      ];
      const attempt = await lockout.reserve(context.pool.id, user.id, caller.sourceIp);
      try {
        return await next(context, user, user.username, history, caller, "PASSWORD_VERIFIER", attempt);
      } finally {
        await lockout.release(attempt);
      }
    },

    /**
     * RespondToAuthChallenge for CUSTOM_CHALLENGE: the ANSWER goes to VerifyAuthChallengeResponse,
     * the result to DefineAuthChallenge.
     * @throws InvalidParameterException, NotAuthorizedException, trigger exceptions
     */
    async answer(
      context: ClientContext,
      session: SignInSession,
      responses: Record<string, string>,
      caller: CallerContext,
    ): Promise<SignInStepOutcome> {
      const answer = responses.ANSWER;
      if (answer === undefined) throw invalidParameter("Missing required parameter ANSWER");
      const user = session.userId
        ? await db.read((repositories) => repositories.users.findById(context.pool.id, session.userId!))
        : null;
      verifySecretHash(secretBox, context.client, responses.SECRET_HASH, [responses.USERNAME ?? "", session.username]);
      const custom = session.custom ?? { history: [], privateChallengeParameters: {}, challengeMetadata: null };
      // An unknown name's session keeps the name as typed (its USERNAME is simulated): the triggers and
      // the lockout go by the typed name, as at InitiateAuth.
      const userName = session.typedUsername ?? session.username;
      const base = {
        user,
        userName,
        clientId: context.client.clientId,
        session: custom.history,
        clientMetadata: caller.clientMetadata ?? null,
      };
      // The answer is a guess at a secret the trigger holds: counted before the trigger judges it.
      const attempt = await lockout.reserve(
        context.pool.id,
        hooks.lockoutSubjectOf(context, user, userName),
        caller.sourceIp,
      );
      try {
        const correct = await runVerifyAuthChallengeResponse(triggers, context.pool, {
          ...base,
          privateChallengeParameters: custom.privateChallengeParameters,
          challengeAnswer: answer,
        });
        // A wrong answer is a failed guess whatever DefineAuthChallenge does next: a trigger that offers
        // three tries per session would otherwise buy three guesses per counted failure.
        if (!correct) lockout.failed(attempt);
        const history: ChallengeResult[] = [
          ...custom.history,
          {
            challengeName: "CUSTOM_CHALLENGE",
            challengeResult: correct,
            ...(custom.challengeMetadata ? { challengeMetadata: custom.challengeMetadata } : {}),
          },
        ];
        return await next(context, user, userName, history, caller, "CUSTOM_CHALLENGE", attempt);
      } finally {
        await lockout.release(attempt);
      }
    },
  };

  /** CUSTOM_AUTH's first step, with its attempt counted. */
  async function startCounted(
    context: ClientContext,
    user: User | null,
    userName: string,
    parameters: Record<string, string>,
    caller: CallerContext,
    attempt: AttemptReservation,
  ): Promise<SignInStepOutcome> {
    if (!user && context.client.preventUserExistenceErrors !== "ENABLED")
      throw new CognitoError("UserNotFoundException", "User does not exist.");
    // A disabled user is not refused here, before any answer: as after a password, an OTP or a passkey,
    // only a sign-in the challenges pass learns the account's state (afterPassword refuses it then).
    // An unknown name gets here only with PreventUserExistenceErrors ENABLED: the trigger sees userNotFound.
    await runPreAuthentication(triggers, context.pool, {
      user,
      userName,
      clientId: context.client.clientId,
      validationData: caller.clientMetadata ?? null,
    });
    if (parameters.CHALLENGE_NAME === "SRP_A") {
      const history: ChallengeResult[] = [{ challengeName: "SRP_A", challengeResult: true }];
      const decision = await runDefineAuthChallenge(triggers, context.pool, {
        user,
        userName,
        clientId: context.client.clientId,
        session: history,
        clientMetadata: null,
      });
      if (decision.failAuthentication) return hooks.fail(context, user, "failAuthentication", attempt);
      if (decision.challengeName !== "PASSWORD_VERIFIER")
        throw new CognitoError(
          "InvalidLambdaResponseException",
          "Invalid DefineAuthChallenge response: after SRP_A the next challenge must be PASSWORD_VERIFIER.",
        );
      assertTransition("START", "SRP_A");
      assertTransition("SRP_A", "PASSWORD_VERIFIER");
      // The proof comes in PASSWORD_VERIFIER, counted there.
      await lockout.passed(attempt);
      return hooks.startSrp(context, parameters, caller, {
        custom: { history, privateChallengeParameters: {}, challengeMetadata: null },
      });
    }
    if (parameters.CHALLENGE_NAME !== undefined) throw invalidParameter("CHALLENGE_NAME must be SRP_A when given.");
    return next(context, user, userName, [], caller, "START", attempt);
  }

  return api;
}
