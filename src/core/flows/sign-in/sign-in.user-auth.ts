import type { Clock } from "../../../lib/clock.js";
import type { ClientContext } from "../../clients/client-context.js";
import { verifySecretHash } from "../../clients/client-context.js";
import { CognitoError, invalidParameter } from "../../errors.js";
import type { Database, SecretBox } from "../../ports.js";
import { runPreAuthentication } from "../../triggers/auth.triggers.js";
import type { TriggerRunner } from "../../triggers/trigger-runner.js";
import { findUserByIdentifier } from "../../users/identity.js";
import type { User } from "../../users/user.types.js";
import type { ChallengeSessions, SignInSession } from "./challenge-session.js";
import { assertTransition, type SignInState } from "./sign-in.flow.js";
import type { SignInStepHooks } from "./sign-in.mfa.js";
import type { OtpFirstFactor, SimulatedIdentities } from "./sign-in.otp.js";
import { requireParameter } from "./sign-in.parameters.js";
import type { PasskeyFirstFactor } from "./sign-in.passkey.js";
import type { CallerContext, SignInStepOutcome } from "./sign-in.types.js";
import type { SignUpSessions } from "./sign-up-session.js";
import { isUserAuthChallenge, type UserAuthChallenge, type UserAuthFactorService } from "./user-auth-factors.js";

export interface UserAuthDeps {
  db: Database;
  clock: Clock;
  sessions: ChallengeSessions;
  secretBox: SecretBox;
  /** PreAuthentication before a sign-up session's tokens. */
  triggers: TriggerRunner;
  factors: UserAuthFactorService;
  signUpSessions: SignUpSessions;
}

/** The other sign-in steps USER_AUTH hands its first factors to. */
export interface UserAuthHooks {
  /** USER_PASSWORD_AUTH's check (USERNAME, PASSWORD), then what follows a proven password. */
  passwordFlow(
    context: ClientContext,
    parameters: Record<string, string>,
    caller: CallerContext,
    from: SignInState,
  ): Promise<SignInStepOutcome>;
  /** USER_SRP_AUTH's first step (USERNAME, SRP_A): PASSWORD_VERIFIER. */
  startSrp(
    context: ClientContext,
    parameters: Record<string, string>,
    caller: CallerContext,
    from: SignInState,
  ): Promise<SignInStepOutcome>;
  otp: OtpFirstFactor;
  passkey: PasskeyFirstFactor;
  finish: SignInStepHooks["finish"];
  recordChallenge: SignInStepHooks["recordChallenge"];
  simulated: SimulatedIdentities;
}

const SESSION_EXPIRED = "Invalid session for the user, session is expired.";
const NOT_ELIGIBLE =
  "This user cannot be signed in with the sign-up session: sign in with USER_AUTH and the user's own sign-in factors.";

/**
 * USER_AUTH, Cognito's choice-based sign-in (reference-oauth §13.2; cognito-reference §3.3): the user's
 * AvailableChallenges (SELECT_CHALLENGE), PREFERRED_CHALLENGE straight to a factor when the user has it
 * (else the choice, never an error), and a sign-up's Session turned into tokens (§13.6). The factors
 * themselves are the password flows, sign-in.otp.ts and sign-in.passkey.ts.
 */
export function createUserAuthSteps(deps: UserAuthDeps, hooks: UserAuthHooks) {
  const { db, clock, sessions, secretBox } = deps;

  /** Begins one first factor for the user (null: a name with no user, PreventUserExistenceErrors ENABLED). */
  function begin(
    context: ClientContext,
    user: User | null,
    typedName: string,
    challenge: UserAuthChallenge,
    parameters: Record<string, string>,
    caller: CallerContext,
    from: SignInState,
    offered?: string[],
  ): Promise<SignInStepOutcome> {
    switch (challenge) {
      case "PASSWORD":
        return hooks.passwordFlow(context, { ...parameters, USERNAME: typedName }, caller, from);
      case "PASSWORD_SRP":
        return hooks.startSrp(context, { ...parameters, USERNAME: typedName }, caller, from);
      case "EMAIL_OTP":
      case "SMS_OTP":
        return hooks.otp.start(context, user, typedName, challenge, caller, from, offered);
      case "WEB_AUTHN":
        return hooks.passkey.start(context, user, typedName, caller, from, offered);
    }
  }

  /** SELECT_CHALLENGE: the choices, kept in the session so that only they are accepted as ANSWER. */
  async function offer(
    context: ClientContext,
    user: User | null,
    typedName: string,
    challenges: UserAuthChallenge[],
    caller: CallerContext,
  ): Promise<SignInStepOutcome> {
    assertTransition("START", "SELECT_CHALLENGE");
    const session = await sessions.open(
      {
        state: "SELECT_CHALLENGE",
        poolId: context.pool.id,
        clientId: context.client.clientId,
        userId: user?.id ?? null,
        username: user?.username ?? hooks.simulated.usernameOf(context.pool, typedName),
        typedUsername: typedName,
        viaAdmin: caller.admin !== null,
        ...(caller.hostedUi ? { hostedUi: true as const } : {}),
        authTimeMs: null,
        availableChallenges: challenges,
      },
      context.client.authSessionValidityMinutes * 60,
    );
    await hooks.recordChallenge(context, user, "SELECT_CHALLENGE");
    return {
      kind: "challenge",
      challengeName: "SELECT_CHALLENGE",
      session,
      parameters: {},
      availableChallenges: challenges,
    };
  }

  /**
   * InitiateAuth with a Session from SignUp / ConfirmSignUp: tokens at once, for that user, once
   * (consumed atomically), within the session's lifetime. AuthParameters are not needed (§13.6).
   * The confirmation code stands in for a passwordless first factor, so the session signs in only a
   * user who may sign in with one now (§13.6 "eligible for that OTP factor"): the pool allows EMAIL_OTP
   * or SMS_OTP and the user has that address, and no MFA is due (§13.2: passwordless is incompatible
   * with MFA ON, and not for users whose MFA is active). Anyone else signs in with their own factors.
   * @throws NotAuthorizedException (unknown, used or expired session; disabled user; not eligible), UserNotConfirmedException
   */
  async function redeemSignUpSession(
    context: ClientContext,
    token: string,
    parameters: Record<string, string>,
    caller: CallerContext,
  ): Promise<SignInStepOutcome> {
    const record = await deps.signUpSessions.redeem(token);
    if (!record || record.poolId !== context.pool.id || record.clientId !== context.client.clientId)
      throw new CognitoError("NotAuthorizedException", SESSION_EXPIRED);
    const user = await db.read((repositories) => repositories.users.findByIdWithGroups(context.pool.id, record.userId));
    if (!user) throw new CognitoError("NotAuthorizedException", SESSION_EXPIRED);
    verifySecretHash(secretBox, context.client, parameters.SECRET_HASH, [parameters.USERNAME ?? "", user.username]);
    if (!user.enabled) throw new CognitoError("NotAuthorizedException", "User is disabled.");
    if (user.status !== "CONFIRMED") throw new CognitoError("UserNotConfirmedException", "User is not confirmed.");
    // Without this a sign-up would be a way round the pool's MFA and its AllowedFirstAuthFactors.
    const challenges = await deps.factors.challengesFor(context.pool, user, user.id);
    if (!challenges.some((challenge) => challenge === "EMAIL_OTP" || challenge === "SMS_OTP"))
      throw new CognitoError("NotAuthorizedException", NOT_ELIGIBLE);
    await runPreAuthentication(deps.triggers, context.pool, {
      user,
      userName: parameters.USERNAME ?? user.username,
      clientId: context.client.clientId,
      validationData: caller.clientMetadata ?? null,
    });
    return hooks.finish(context, user, caller, "START", clock.now(), null);
  }

  /** Whether an answer's USERNAME names the session's user: as typed at InitiateAuth, the username itself, or another of the user's names. */
  async function namesSessionUser(context: ClientContext, session: SignInSession, username: string): Promise<boolean> {
    if (username === session.typedUsername || username === session.username) return true;
    if (!session.userId) return false;
    const named = await db.read((repositories) => findUserByIdentifier(repositories, context.pool, username));
    return named?.id === session.userId;
  }

  return {
    /**
     * InitiateAuth / AdminInitiateAuth with AuthFlow USER_AUTH.
     * @throws InvalidParameterException, NotAuthorizedException, UserNotFoundException (LEGACY clients), and those of the factor begun
     */
    async start(
      context: ClientContext,
      parameters: Record<string, string>,
      sessionToken: string | null | undefined,
      caller: CallerContext,
    ): Promise<SignInStepOutcome> {
      if (sessionToken) return redeemSignUpSession(context, sessionToken, parameters, caller);
      const typedName = requireParameter(parameters, "USERNAME");
      const user = await db.read((repositories) => findUserByIdentifier(repositories, context.pool, typedName));
      verifySecretHash(secretBox, context.client, parameters.SECRET_HASH, [
        typedName,
        ...(user ? [user.username] : []),
      ]);
      if (!user && context.client.preventUserExistenceErrors !== "ENABLED")
        throw new CognitoError("UserNotFoundException", "User does not exist.");
      const challenges = await deps.factors.challengesFor(
        context.pool,
        user,
        hooks.simulated.userIdOf(hooks.simulated.usernameOf(context.pool, typedName)),
      );
      const preferred = parameters.PREFERRED_CHALLENGE;
      // A preferred challenge the user does not have is not an error: the choice comes instead (§13.2).
      if (isUserAuthChallenge(preferred) && challenges.includes(preferred))
        return begin(context, user, typedName, preferred, parameters, caller, "START", [preferred]);
      if (challenges.length === 0)
        throw new CognitoError("NotAuthorizedException", "The user has no sign-in method this client can use.");
      return offer(context, user, typedName, challenges, caller);
    },

    /**
     * SELECT_CHALLENGE: ANSWER is one of the AvailableChallenges offered; PASSWORD comes with PASSWORD,
     * PASSWORD_SRP with SRP_A. An answer not offered keeps the session for another.
     * @throws InvalidParameterException, NotAuthorizedException, and those of the factor begun
     */
    async answerSelection(
      context: ClientContext,
      session: SignInSession,
      sessionToken: string,
      responses: Record<string, string>,
      caller: CallerContext,
    ): Promise<SignInStepOutcome> {
      const answer = responses.ANSWER;
      const offered = session.availableChallenges ?? [];
      const typedName = session.typedUsername ?? session.username;
      const refuseInput = async (message: string): Promise<never> => {
        assertTransition("SELECT_CHALLENGE", "SELECT_CHALLENGE");
        await sessions.giveBack(sessionToken, session);
        throw invalidParameter(message);
      };
      if (!isUserAuthChallenge(answer) || !offered.includes(answer))
        return refuseInput(`ANSWER must be one of ${JSON.stringify(offered)}.`);
      if (answer === "PASSWORD" && !responses.PASSWORD) return refuseInput("Missing required parameter PASSWORD");
      if (answer === "PASSWORD_SRP" && !responses.SRP_A) return refuseInput("Missing required parameter SRP_A");
      // The session is bound to one user: an answer naming another is refused, never a sign-in of that other user.
      if (responses.USERNAME !== undefined && !(await namesSessionUser(context, session, responses.USERNAME)))
        throw new CognitoError("NotAuthorizedException", SESSION_EXPIRED);
      // The password flows check SECRET_HASH themselves (against the name as typed); the others here.
      if (answer !== "PASSWORD" && answer !== "PASSWORD_SRP")
        verifySecretHash(secretBox, context.client, responses.SECRET_HASH, [
          responses.USERNAME ?? typedName,
          typedName,
          session.username,
        ]);
      // A name with no user is read too (by an id no user has), so both answers cost the same reads.
      const user = await db.read((repositories) =>
        repositories.users.findById(context.pool.id, session.userId ?? hooks.simulated.userIdOf(session.username)),
      );
      if (session.userId && !user) throw new CognitoError("NotAuthorizedException", SESSION_EXPIRED);
      const { ANSWER: _answer, USERNAME: _username, ...parameters } = responses;
      return begin(context, user, typedName, answer, parameters, caller, "SELECT_CHALLENGE");
    },

    answerOtp: hooks.otp.answer,
    answerPasskey: hooks.passkey.answer,
  };
}

export type UserAuthSteps = ReturnType<typeof createUserAuthSteps>;
