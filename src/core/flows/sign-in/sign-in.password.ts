import { randomBytesOf } from "../../../lib/random.js";
import { constantTimeEqual } from "../../../lib/secrets.js";
import { verifySecretHash, type ClientContext } from "../../clients/client-context.js";
import { CognitoError, invalidParameter } from "../../errors.js";
import type { AttemptReservation } from "../../security/lockout.js";
import { runPreAuthentication } from "../../triggers/auth.triggers.js";
import { migrateUser } from "../../triggers/user-migration.js";
import { findUserByIdentifier } from "../../users/identity.js";
import type { User } from "../../users/user.types.js";
import type { SignInSession } from "./challenge-session.js";
import { assertTransition, type SignInState } from "./sign-in.flow.js";
import type { SimulatedIdentities } from "./sign-in.otp.js";
import {
  malformedTimestamp,
  readClaimProof,
  readClaimTimestamp,
  requireParameter,
  storedExchangeOf,
} from "./sign-in.parameters.js";
import type { SignInServiceDeps } from "./sign-in.service.js";
import type { createSignInSteps } from "./sign-in.steps.js";
import type { CallerContext, SignInStepOutcome } from "./sign-in.types.js";
import { createSimulatedIdentities } from "./simulated-identity.js";
import type { SrpAnswerAttempts } from "./srp-answer-attempt.js";

const INCORRECT = "Incorrect username or password.";

/** What the password steps need from the other sign-in steps. */
export interface PasswordStepHooks {
  steps: Pick<ReturnType<typeof createSignInSteps>, "afterPassword" | "resolveDevice" | "recordChallenge">;
  srpAnswers: Pick<SrpAnswerAttempts, "refFor">;
  /** After a proven password in an SRP-first CUSTOM_AUTH: DefineAuthChallenge decides again (sign-in.custom.ts). */
  afterCustomPasswordVerifier(
    context: ClientContext,
    user: User,
    session: SignInSession,
    caller: CallerContext,
  ): Promise<SignInStepOutcome>;
}

/**
 * The password as first factor: USER_SRP_AUTH's PASSWORD_VERIFIER (start and claim), USER_PASSWORD_AUTH
 * and ADMIN_USER_PASSWORD_AUTH (with lazy migration), and the simulated identity that stands in for a
 * name with no password behind it.
 */
export function createPasswordSteps(deps: SignInServiceDeps, hooks: PasswordStepHooks) {
  const { db, clock, sessions, lockout, srp, hasher, secretBox, codeHasher } = deps;
  const { steps, srpAnswers } = hooks;

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
      : simulatedIdentity(context.pool, username);
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
    const lockoutSubject = user ? user.id : simulatedLockoutSubject(simulatedIdentity(context.pool, username).username);
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
    // Readable: assertAnswerReadable checked it before the session was weighed.
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
    if (session.custom) return hooks.afterCustomPasswordVerifier(context, user, session, caller);
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

  const simulated: SimulatedIdentities = {
    usernameOf: (pool, typedName) => simulatedIdentity(pool, typedName).username,
    lockoutSubjectOf: simulatedLockoutSubject,
    userIdOf: simulatedUserIdOf,
  };

  return { startSrp, passwordFlow, verifyPasswordClaim, failPassword, simulated };
}
