import type { Clock } from "../../../lib/clock.js";
import { randomBytesOf } from "../../../lib/random.js";
import { constantTimeEqual } from "../../../lib/secrets.js";
import { assertPoolAccess } from "../../admin-keys/access.js";
import type { AppClient, ExplicitAuthFlow } from "../../clients/app-client.types.js";
import { verifySecretHash, type ClientContext } from "../../clients/client-context.js";
import type { ClientContextCache } from "../../clients/client-context-cache.js";
import { CognitoError, invalidParameter } from "../../errors.js";
import { checkInput } from "../../input-constraints.js";
import type {
  CodeHasher,
  Database,
  MessageSender,
  PasswordHasher,
  SecretBox,
  ShortLivedStore,
  SrpServer,
  TotpEngine,
} from "../../ports.js";
import type { AttemptReservation, Lockout } from "../../security/lockout.js";
import type { RefreshService } from "../../tokens/refresh.service.js";
import type { TokenService } from "../../tokens/token.service.js";
import { findUserByIdentifier } from "../../users/identity.js";
import type { User } from "../../users/user.types.js";
import type { ChallengeSessions, SignInSession } from "./challenge-session.js";
import { assertTransition } from "./sign-in.flow.js";
import { createSignInSteps } from "./sign-in.steps.js";
import { createCustomAuthSteps } from "./sign-in.custom.js";
import { runPreAuthentication } from "../../triggers/auth.triggers.js";
import type { TriggerRunner } from "../../triggers/trigger-runner.js";
import { migrateUser, type BuiltInMigrationSource } from "../../triggers/user-migration.js";
import {
  assertSrpAnswerReadable,
  malformedTimestamp,
  readClaimProof,
  readClaimTimestamp,
  requireParameter,
  storedExchangeOf,
} from "./sign-in.parameters.js";
import type {
  CallerContext,
  InitiateAuthInput,
  RespondToAuthChallengeInput,
  SignInOutcome,
  SignInStepOutcome,
} from "./sign-in.types.js";
import { createHostedUiSignIn, hostedUiContextOf } from "./sign-in.hosted-ui.js";
import type { PasskeySignIn } from "../../webauthn/passkey-sign-in.js";
import type { SignInState } from "./sign-in.flow.js";
import { createOtpFirstFactor, type SimulatedIdentities } from "./sign-in.otp.js";
import { createPasskeyFirstFactor } from "./sign-in.passkey.js";
import { createUserAuthSteps } from "./sign-in.user-auth.js";
import type { SignUpSessions } from "./sign-up-session.js";
import { createSrpAnswerAttempts } from "./srp-answer-attempt.js";
import { createSimulatedIdentities } from "./simulated-identity.js";
import { createUserAuthFactors } from "./user-auth-factors.js";

export interface SignInServiceDeps {
  db: Database;
  /** The app client and pool of each call, kept in memory until an admin changes them. */
  contexts: ClientContextCache;
  clock: Clock;
  sessions: ChallengeSessions;
  lockout: Lockout;
  srp: SrpServer;
  hasher: PasswordHasher;
  tokens: TokenService;
  /** REFRESH_TOKEN_AUTH: the refresh checks GetTokensFromRefreshToken makes too. */
  refresh: RefreshService;
  secretBox: SecretBox;
  codeHasher: CodeHasher;
  /** Checks SOFTWARE_TOKEN_MFA codes. */
  totp: TotpEngine;
  /** Sends SMS_MFA and EMAIL_OTP codes. */
  sender: MessageSender;
  /** Pre/PostAuthentication, UserMigration and the CUSTOM_AUTH challenge triggers. */
  triggers: TriggerRunner;
  /** The pools' built-in migration sources (old Cognito pools), asked where no UserMigration trigger is set. */
  migrationSource?: BuiltInMigrationSource | null;
  /** The managed sign-in pages' sign-up hand-offs (sign-in.hosted-ui.ts). */
  store: ShortLivedStore;
  /** USER_AUTH's WEB_AUTHN (reference-oauth §13.4); null: passkeys are not served and WEB_AUTHN is never available. */
  passkeys: PasskeySignIn | null;
  /** The Sessions SignUp and ConfirmSignUp return, redeemed by InitiateAuth USER_AUTH (§13.6). */
  signUpSessions: SignUpSessions;
  /** Floor on a USER_AUTH code step's response time when the client hides users (as the sign-up flows' floor). */
  enumerationSafeMs: number;
}

export type SignInService = ReturnType<typeof createSignInService>;

const INCORRECT = "Incorrect username or password.";

const REQUIRED_FLOW: Record<string, ExplicitAuthFlow> = {
  USER_SRP_AUTH: "ALLOW_USER_SRP_AUTH",
  USER_PASSWORD_AUTH: "ALLOW_USER_PASSWORD_AUTH",
  ADMIN_USER_PASSWORD_AUTH: "ALLOW_ADMIN_USER_PASSWORD_AUTH",
  REFRESH_TOKEN_AUTH: "ALLOW_REFRESH_TOKEN_AUTH",
  CUSTOM_AUTH: "ALLOW_CUSTOM_AUTH",
  USER_AUTH: "ALLOW_USER_AUTH",
};

export function createSignInService(deps: SignInServiceDeps) {
  const { db, clock, sessions, lockout, srp, hasher, secretBox, codeHasher } = deps;
  const steps = createSignInSteps(deps);
  const srpAnswers = createSrpAnswerAttempts({ sessions, lockout, secretBox, clock });

  async function loadCaller(clientId: string, caller: CallerContext): Promise<ClientContext> {
    const context = await deps.contexts.get(clientId);
    if (caller.hostedUi) return hostedUiContextOf(context);
    if (caller.admin) {
      assertPoolAccess(caller.admin.principal, caller.admin.poolId);
      if (context.pool.id !== caller.admin.poolId)
        throw new CognitoError(
          "ResourceNotFoundException",
          `User pool client ${clientId} does not exist in user pool ${caller.admin.poolId}.`,
        );
    }
    return context;
  }

  function assertFlowAllowed(client: AppClient, flow: string, caller: CallerContext): void {
    const adminOnly = flow === "ADMIN_USER_PASSWORD_AUTH";
    const publicOnly = flow === "USER_PASSWORD_AUTH";
    if ((adminOnly && !caller.admin) || (publicOnly && caller.admin))
      throw invalidParameter(`${flow} is not a valid flow for this operation.`);
    const required = REQUIRED_FLOW[flow];
    if (!required) throw invalidParameter(`Auth flow ${flow} is not supported by this gateway yet.`);
    if (!client.explicitAuthFlows.includes(required))
      throw invalidParameter(`${flow} flow not enabled for this client`);
  }

  // Who stands in for a name with no password behind it (simulated-identity.ts).
  const {
    identityOf: simulatedIdentity,
    lockoutSubjectOf: simulatedLockoutSubject,
    verifierHexOf: simulatedVerifierHex,
    userIdOf: simulatedUserIdOf,
  } = createSimulatedIdentities(codeHasher);

  /**
   * A CSV-imported user has no password until it resets one (RESET_REQUIRED): Cognito answers
   * PasswordResetRequiredException whatever was typed, or NotAuthorized when the client hides users
   * (the developer guide's "Requiring imported users to reset their passwords").
   */
  const isAwaitingFirstPassword = (context: ClientContext, user: User | null): boolean =>
    user !== null &&
    !user.credentials &&
    user.status === "RESET_REQUIRED" &&
    context.client.preventUserExistenceErrors !== "ENABLED";
  const passwordResetRequired = () =>
    new CognitoError("PasswordResetRequiredException", "Password reset required for the user");

  /** Settles the reserved attempt as a failure, records it and throws. */
  async function failPassword(
    context: ClientContext,
    user: User | null,
    reason: string,
    attempt: AttemptReservation,
  ): Promise<never> {
    const lockedSeconds = lockout.failed(attempt);
    const now = clock.now();
    await db.transaction(
      async (repositories) => {
        await repositories.events.append(
          {
            type: "SIGN_IN_FAILED",
            poolId: context.pool.id,
            actor: `client:${context.client.clientId}`,
            detail: { userSub: user?.id ?? null, reason },
          },
          now,
        );
        if (user && lockedSeconds > 0)
          await repositories.events.append(
            {
              type: "USER_LOCKED_OUT",
              poolId: context.pool.id,
              actor: "system",
              detail: { userSub: user.id, lockedSeconds },
            },
            now,
          );
      },
      { writesOnly: true },
    );
    throw new CognitoError("NotAuthorizedException", INCORRECT);
  }

  async function startSrp(
    context: ClientContext,
    parameters: Record<string, string>,
    caller: CallerContext,
    extra: Pick<SignInSession, "custom"> = {},
    from: SignInState = "START",
  ): Promise<SignInStepOutcome> {
    const username = requireParameter(parameters, "USERNAME");
    const aHex = requireParameter(parameters, "SRP_A");
    if (!srp.isAcceptableA(aHex)) throw invalidParameter("SRP_A is not a valid SRP public value.");
    const user = await db.read((repositories) => findUserByIdentifier(repositories, context.pool, username));
    verifySecretHash(secretBox, context.client, parameters.SECRET_HASH, [username, ...(user ? [user.username] : [])]);
    const identity = user?.credentials
      ? { username: user.username, saltHex: user.credentials.srpSalt }
      : simulatedIdentity(context.pool.id, username);
    // Neither answer depends on the lockout: an unknown name or a user without a password is never
    // locked out on a client that says so (their failures are given back, see passwordFlow).
    if (!user && context.client.preventUserExistenceErrors !== "ENABLED")
      throw new CognitoError("UserNotFoundException", "User does not exist.");
    if (isAwaitingFirstPassword(context, user)) throw passwordResetRequired();
    // A user without a password (federated) gets the same simulated challenge as an unknown one.
    const verifierHex = user?.credentials?.srpVerifier ?? simulatedVerifierHex(context.pool.id, identity.username);
    const { bHex, bigBHex } = await srp.startChallenge(verifierHex);
    // Opaque to the client; bound to this session (stored in it) and compared when the claim comes back.
    const secretBlock = randomBytesOf(48).toString("base64");
    assertTransition(from, "PASSWORD_VERIFIER");
    const lockoutSubject = user?.credentials ? user.id : simulatedLockoutSubject(identity.username);
    const opening = sessions.prepare(
      {
        state: "PASSWORD_VERIFIER",
        poolId: context.pool.id,
        clientId: context.client.clientId,
        userId: user?.credentials ? user.id : null,
        username: identity.username,
        viaAdmin: caller.admin !== null,
        authTimeMs: null,
        srp: { aHex, bHex, bigBHex, saltHex: identity.saltHex, secretBlock },
        // The name as typed (an alias, say), which the answer may repeat without another lookup.
        ...(username !== identity.username ? { typedUsername: username } : {}),
        ...extra,
      },
      context.client.authSessionValidityMinutes * 60,
      // The answer's attempt is reserved as its session is taken: the token carries whose it is (srp-answer-attempt.ts).
      { ref: srpAnswers.refFor(lockoutSubject) },
    );
    // The lockout check and the session's write in one round trip: the session is stored only if the
    // user (or the simulated identity) may attempt, and its token is handed out only then. So the SRP
    // step is computed before the check; it costs a locked-out name what any other name costs.
    await lockout.assertMayAttempt(context.pool.id, lockoutSubject, caller.sourceIp, { thenSet: opening.write });
    const session = opening.token;
    // After the check, as before it: PreAuthentication never runs for a locked-out user. The SRP-first
    // CUSTOM_AUTH ran it already; an unknown name (PUEE ENABLED) is sent with userNotFound.
    if (!extra.custom)
      await runPreAuthentication(deps.triggers, context.pool, {
        user,
        userName: username,
        clientId: context.client.clientId,
        validationData: caller.clientMetadata ?? null,
      });
    await steps.recordChallenge(context, user, "PASSWORD_VERIFIER");
    return {
      kind: "challenge",
      challengeName: "PASSWORD_VERIFIER",
      session,
      parameters: {
        SALT: identity.saltHex,
        SRP_B: bigBHex,
        SECRET_BLOCK: secretBlock,
        USER_ID_FOR_SRP: identity.username,
        USERNAME: identity.username,
      },
    };
  }

  async function passwordFlow(
    context: ClientContext,
    parameters: Record<string, string>,
    caller: CallerContext,
    from: SignInState = "START",
  ): Promise<SignInStepOutcome> {
    const username = requireParameter(parameters, "USERNAME");
    const password = requireParameter(parameters, "PASSWORD");
    let user = await db.read((repositories) => findUserByIdentifier(repositories, context.pool, username));
    verifySecretHash(secretBox, context.client, parameters.SECRET_HASH, [username, ...(user ? [user.username] : [])]);
    const lockoutSubject = user
      ? user.id
      : simulatedLockoutSubject(simulatedIdentity(context.pool.id, username).username);
    // Counted before the slow check (bcrypt, or the old pool for a migration), so a burst of guesses
    // meets the lockout its own first guesses set.
    const attempt = await lockout.reserve(context.pool.id, lockoutSubject, caller.sourceIp);
    try {
      if (!user && (deps.triggers.isConfigured(context.pool, "UserMigration") || deps.migrationSource)) {
        // Lazy migration: the old store proves the password; the user is created with it, then signs in as usual.
        let migrated: User | null = null;
        try {
          migrated = await migrateUser(deps, context.pool, {
            source: "UserMigration_Authentication",
            userName: username,
            clientId: context.client.clientId,
            password,
            clientMetadata: caller.clientMetadata ?? null,
          });
        } catch (error) {
          // The old store refusing the password is a wrong password: it stays counted, or the old store
          // would take guesses without any limit. An old store that is down costs the user nothing.
          if (error instanceof CognitoError && error.code === "UserLambdaValidationException") lockout.failed(attempt);
          if (error instanceof CognitoError && error.code === "NotAuthorizedException")
            return await failPassword(context, null, "wrong password at the migration source", attempt);
          // A parallel sign-in of the same name migrated it first: this one checks the password against that user.
          const raced =
            error instanceof CognitoError &&
            (error.code === "UsernameExistsException" || error.code === "AliasExistsException")
              ? await db.read((repositories) => findUserByIdentifier(repositories, context.pool, username))
              : null;
          if (!raced) throw error;
          user = raced;
        }
        if (migrated) {
          await lockout.passed(attempt);
          await runPreAuthentication(deps.triggers, context.pool, {
            user: migrated,
            userName: username,
            clientId: context.client.clientId,
            validationData: caller.clientMetadata ?? null,
          });
          return await steps.afterPassword(context, migrated, caller, from, null);
        }
      }
      if (!user?.credentials) {
        // Dummy compare so an unknown user costs the same time as a wrong password.
        await hasher.spendDummyVerify(password);
        if (!user && context.client.preventUserExistenceErrors !== "ENABLED")
          throw new CognitoError("UserNotFoundException", "User does not exist.");
        if (isAwaitingFirstPassword(context, user)) throw passwordResetRequired();
        // PreventUserExistenceErrors ENABLED: PreAuthentication runs for an unknown name too, with userNotFound (§10.2).
        if (!user)
          await runPreAuthentication(deps.triggers, context.pool, {
            user: null,
            userName: username,
            clientId: context.client.clientId,
            validationData: caller.clientMetadata ?? null,
          });
        return await failPassword(context, user, user ? "no password" : "unknown user", attempt);
      }
      await runPreAuthentication(deps.triggers, context.pool, {
        user,
        userName: username,
        clientId: context.client.clientId,
        validationData: caller.clientMetadata ?? null,
      });
      if (!(await hasher.verify(password, user.credentials.passwordHash)))
        return await failPassword(context, user, "wrong password", attempt);
      await lockout.passed(attempt);
      const device = await steps.resolveDevice(context, user, caller, parameters.DEVICE_KEY);
      return await steps.afterPassword(context, user, caller, from, device);
    } finally {
      await lockout.release(attempt);
    }
  }

  async function verifyPasswordClaim(
    context: ClientContext,
    session: SignInSession,
    sessionToken: string,
    responses: Record<string, string>,
    caller: CallerContext,
    reserved: AttemptReservation | null,
  ): Promise<SignInStepOutcome> {
    // Readable: assertSrpAnswerReadable checked it before the session was weighed.
    const timestamp = readClaimTimestamp(responses, clock.nowMs());
    if (!timestamp) throw malformedTimestamp();
    const { signature, secretBlock } = readClaimProof(responses);
    const username = requireParameter(responses, "USERNAME");
    // With its groups: the tokens this step usually ends with carry them. A simulated user is looked up
    // too (by an id no user has), so both answers cost the same reads.
    const user = await db.read((repositories) =>
      repositories.users.findByIdWithGroups(context.pool.id, session.userId ?? simulatedUserIdOf(session.username)),
    );
    verifySecretHash(secretBox, context.client, responses.SECRET_HASH, [username, session.username]);
    const srpState = session.srp!;
    // The session's own names need no lookup: InitiateAuth resolved the typed one to this very user.
    const claimsThisUser =
      username === session.username ||
      username === session.typedUsername ||
      ((await db.read((repositories) => findUserByIdentifier(repositories, context.pool, username)))?.id === user?.id &&
        user !== null);
    const fresh = timestamp.isFresh;
    // Before any verdict, for real and simulated users alike: attempts during a lockout are refused, not
    // counted; any other attempt is counted before the proof is checked (usually as the session was taken).
    const lockoutSubject = session.userId ?? simulatedLockoutSubject(session.username);
    const attempt =
      reserved?.subject === lockoutSubject && reserved.poolId === context.pool.id
        ? reserved
        : await lockout.reserve(context.pool.id, lockoutSubject, caller.sourceIp);
    try {
      if (!fresh || !constantTimeEqual(secretBlock, srpState.secretBlock))
        return await failPassword(context, user, !fresh ? "stale timestamp" : "session mismatch", attempt);
      // The same SRP work for a simulated user (against a verifier derived with the server key), so an
      // unknown name is not told apart by a faster "wrong password".
      const expected = await srp.expectedSignature({
        name: context.pool.id.slice(context.pool.id.indexOf("_") + 1),
        userId: session.username,
        verifierHex: user?.credentials?.srpVerifier ?? simulatedVerifierHex(context.pool.id, session.username),
        ...storedExchangeOf(srpState, timestamp.text),
      });
      const proven = constantTimeEqual(expected, signature);
      if (!user?.credentials) return await failPassword(context, user, "unknown user", attempt);
      if (!claimsThisUser) return await failPassword(context, user, "session mismatch", attempt);
      if (!proven) return await failPassword(context, user, "wrong password", attempt);
      await lockout.passed(attempt);
    } finally {
      await lockout.release(attempt);
    }
    if (session.custom) return custom.afterPasswordVerifier(context, user, session, caller);
    let device;
    try {
      device = await steps.resolveDevice(context, user, caller, responses.DEVICE_KEY);
    } catch (error) {
      // Only a proven password learns that a device key is unknown. The SDKs then send the same answer
      // again without DEVICE_KEY (amazon-cognito-identity-js), so the session must still be there.
      assertTransition("PASSWORD_VERIFIER", "PASSWORD_VERIFIER");
      await sessions.giveBack(sessionToken, session);
      throw error;
    }
    return steps.afterPassword(context, user, caller, "PASSWORD_VERIFIER", device);
  }

  const custom = createCustomAuthSteps(deps, {
    afterPassword: (context, user, caller, from) => steps.afterPassword(context, user, caller, from, null),
    startSrp,
    recordChallenge: steps.recordChallenge,
    lockoutSubjectOf: (context, user, userName) =>
      user ? user.id : simulatedLockoutSubject(simulatedIdentity(context.pool.id, userName).username),
    fail: (context, user, reason, attempt) => failPassword(context, user, reason, attempt),
  });

  const simulated: SimulatedIdentities = {
    usernameOf: (poolId, typedName) => simulatedIdentity(poolId, typedName).username,
    lockoutSubjectOf: simulatedLockoutSubject,
    userIdOf: simulatedUserIdOf,
  };
  const factors = createUserAuthFactors({ db, passkeys: deps.passkeys });
  const userAuth = createUserAuthSteps(
    { ...deps, factors },
    {
      passwordFlow,
      startSrp: (context, parameters, caller, from) => startSrp(context, parameters, caller, {}, from),
      otp: createOtpFirstFactor(deps, {
        codes: steps.codes,
        finish: steps.finish,
        recordChallenge: steps.recordChallenge,
        simulated,
      }),
      passkey: createPasskeyFirstFactor(deps, {
        finish: steps.finish,
        recordChallenge: steps.recordChallenge,
        simulated,
        fail: failPassword,
      }),
      finish: steps.finish,
      recordChallenge: steps.recordChallenge,
      simulated,
    },
  );

  /** The pages' sign-in after confirming their own sign-up (sign-in.hosted-ui.ts): what follows a proven password. */
  async function signInConfirmedUser(
    context: ClientContext,
    userId: string,
    username: string,
    caller: CallerContext,
  ): Promise<SignInStepOutcome | null> {
    const user = await db.read((repositories) => findUserByIdentifier(repositories, context.pool, username));
    if (!user || user.id !== userId) return null;
    await runPreAuthentication(deps.triggers, context.pool, {
      user,
      userName: username,
      clientId: context.client.clientId,
      validationData: caller.clientMetadata ?? null,
    });
    return steps.afterPassword(context, user, caller, "START", null);
  }

  /** InitiateAuth's dispatch (the public method narrows its outcome to the API's). */
  async function initiateStep(input: InitiateAuthInput, caller: CallerContext): Promise<SignInStepOutcome> {
    checkInput({ clientId: input.clientId, authParameters: input.authParameters });
    const context = await loadCaller(input.clientId, caller);
    const flow =
      input.authFlow === "ADMIN_NO_SRP_AUTH"
        ? "ADMIN_USER_PASSWORD_AUTH"
        : input.authFlow === "REFRESH_TOKEN"
          ? "REFRESH_TOKEN_AUTH"
          : input.authFlow;
    assertFlowAllowed(context.client, flow, caller);
    if (flow === "USER_SRP_AUTH") return startSrp(context, input.authParameters, caller);
    if (flow === "CUSTOM_AUTH") return custom.start(context, input.authParameters, caller);
    if (flow === "REFRESH_TOKEN_AUTH") return steps.refresh(context, input.authParameters);
    if (flow === "USER_AUTH") return userAuth.start(context, input.authParameters, input.session, caller);
    return passwordFlow(context, input.authParameters, caller);
  }

  /** RespondToAuthChallenge's dispatch, shared with the managed sign-in pages (caller.hostedUi). */
  async function respondStep(input: RespondToAuthChallengeInput, caller: CallerContext): Promise<SignInStepOutcome> {
    checkInput({ clientId: input.clientId, session: input.session, challengeResponses: input.challengeResponses });
    const context = await loadCaller(input.clientId, caller);
    // A PASSWORD_VERIFIER answer's attempt comes reserved with its session; it is given back unless weighed.
    const { session, attempt } = await srpAnswers.take(context.pool.id, input.session, caller.sourceIp);
    try {
      return await answer(context, session, input, caller, attempt);
    } finally {
      if (attempt) await lockout.release(attempt);
    }
  }

  async function answer(
    context: ClientContext,
    session: SignInSession,
    input: RespondToAuthChallengeInput,
    caller: CallerContext,
    attempt: AttemptReservation | null,
  ): Promise<SignInStepOutcome> {
    // A session answers only where it was opened: the same client, the admin API or not, the pages or not.
    if (
      session.poolId !== context.pool.id ||
      session.clientId !== context.client.clientId ||
      session.viaAdmin !== (caller.admin !== null) ||
      (session.hostedUi ?? false) !== (caller.hostedUi ?? false)
    ) {
      throw new CognitoError("NotAuthorizedException", "Invalid session for the user, session is expired.");
    }
    if (input.challengeName !== session.state)
      throw invalidParameter(`This session is waiting for ${session.state}, not ${input.challengeName}.`);
    try {
      assertSrpAnswerReadable(session.state, input.challengeResponses, srp.isAcceptableA);
    } catch (error) {
      assertTransition(session.state, session.state);
      await sessions.giveBack(input.session, session);
      throw error;
    }
    if (session.state === "PASSWORD_VERIFIER")
      return verifyPasswordClaim(context, session, input.session, input.challengeResponses, caller, attempt);
    if (session.state === "CUSTOM_CHALLENGE") return custom.answer(context, session, input.challengeResponses, caller);
    if (session.state === "SELECT_CHALLENGE")
      return userAuth.answerSelection(context, session, input.session, input.challengeResponses, caller);
    if (session.state === "WEB_AUTHN")
      return userAuth.answerPasskey(context, session, input.session, input.challengeResponses, caller);
    if (session.firstFactor)
      return userAuth.answerOtp(context, session, input.session, input.challengeResponses, caller);
    if (session.state === "NEW_PASSWORD_REQUIRED")
      return steps.answerNewPassword(context, session, input.session, input.challengeResponses, caller);
    if (session.state === "DEVICE_SRP_AUTH")
      return steps.answerDeviceSrpAuth(context, session, input.challengeResponses, caller);
    if (session.state === "DEVICE_PASSWORD_VERIFIER")
      return steps.answerDevicePasswordVerifier(context, session, input.challengeResponses, caller);
    return steps.answerMfa(context, session, input.session, input.challengeResponses, caller);
  }

  /** The API callers never carry hostedUi, so their sign-ins end with tokens or a challenge. */
  const apiOutcomeOf = (outcome: SignInStepOutcome): SignInOutcome => {
    if (outcome.kind === "signed-in") throw new Error("an API sign-in ended as a managed sign-in page sign-in");
    return outcome;
  };

  return {
    /**
     * InitiateAuth / AdminInitiateAuth.
     * @throws InvalidParameterException (flow, parameters), NotAuthorizedException (password, secret hash, lockout, user state),
     *         UserNotFoundException (LEGACY clients), UserNotConfirmedException, PasswordResetRequiredException, TooManyRequestsException
     */
    async initiateAuth(input: InitiateAuthInput, caller: CallerContext): Promise<SignInOutcome> {
      return apiOutcomeOf(await initiateStep(input, caller));
    },

    /**
     * RespondToAuthChallenge / AdminRespondToAuthChallenge: the session must be this client's, for
     * this pool, waiting for exactly this challenge; it is used once.
     * @throws NotAuthorizedException (session expired/reused/void, wrong answer), InvalidParameterException, InvalidPasswordException,
     *         CodeMismatchException (wrong MFA code: the same session may try again until its limit), ExpiredCodeException, CodeDeliveryFailureException,
     *         ResourceNotFoundException "Device does not exist." (unknown DEVICE_KEY: the PASSWORD_VERIFIER session stays usable for the retry without it)
     */
    async respondToAuthChallenge(input: RespondToAuthChallengeInput, caller: CallerContext): Promise<SignInOutcome> {
      return apiOutcomeOf(await respondStep(input, caller));
    },

    /** GetUserAuthFactors / AdminGetUserAuthFactors (user-auth-factors.ts). */
    getUserAuthFactors: factors.getUserAuthFactors,
    adminGetUserAuthFactors: factors.adminGetUserAuthFactors,

    /** The managed sign-in pages' sign-in (sign-in.hosted-ui.ts). */
    hostedUi: createHostedUiSignIn({
      passwordFlow,
      userAuthStart: (context, parameters, caller) => userAuth.start(context, parameters, null, caller),
      respond: respondStep,
      loadContext: loadCaller,
      peekSession: sessions.peek,
      signInConfirmedUser,
      store: deps.store,
      secretBox,
    }),
  };
}
