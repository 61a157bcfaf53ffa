import type { ClientContext } from "../../clients/client-context.js";
import { CognitoError } from "../../errors.js";
import type { AttemptReservation } from "../../security/lockout.js";
import { factorSettingsOf } from "../../mfa/mfa-factors.js";
import type { MfaFactor } from "../../mfa/mfa.types.js";
import { verifyTotpForSignIn } from "../../mfa/totp-check.js";
import type { Repositories } from "../../ports.js";
import { voidCodesForOldAddresses } from "../../users/address-codes.js";
import { saveUser } from "../../users/user-store.js";
import type { User } from "../../users/user.types.js";
import type { SignInSession } from "./challenge-session.js";
import type { CommitChanges } from "./sign-in.account-state.js";
import type { SignInCodeSteps } from "./sign-in.codes.js";
import { assertTransition } from "./sign-in.flow.js";
import type { SignInStepHooks } from "./sign-in.mfa.js";
import type { SignInServiceDeps } from "./sign-in.service.js";
import type { CallerContext, SignInStepOutcome } from "./sign-in.types.js";

const CODE_EXPIRED = "Invalid code provided, please request a code again.";

export type SignInMfaCheckDeps = Pick<SignInServiceDeps, "db" | "clock" | "lockout" | "secretBox" | "totp">;

export interface SignInMfaCheckHooks {
  finish: SignInStepHooks["finish"];
  /** Comparing and refusing codes (sign-in.codes.ts). */
  codes: Pick<SignInCodeSteps, "codeMatches" | "refuse" | "assertSentToCurrentAddress">;
}

/**
 * Checking the answer to an MFA code challenge (SMS_MFA, EMAIL_OTP, SOFTWARE_TOKEN_MFA) and passing the
 * step: switching on a factor set up during this sign-in, then the device's proof or tokens.
 */
export function createSignInMfaChecks(
  { db, clock, lockout, secretBox, totp }: SignInMfaCheckDeps,
  hooks: SignInMfaCheckHooks,
) {
  const actorOf = (context: ClientContext) => `client:${context.client.clientId}`;
  const { codeMatches, refuse, assertSentToCurrentAddress } = hooks.codes;

  /** Switches a factor set up during this sign-in on (preferred when nothing else is), with its event. */
  async function enableFactor(
    repositories: Repositories,
    context: ClientContext,
    user: User,
    factor: MfaFactor,
  ): Promise<void> {
    const now = clock.now();
    const row = await repositories.mfa.findForUpdate(user.id, now);
    const next = factorSettingsOf(row);
    if (factor === "EMAIL_OTP") next.emailEnabled = true;
    if (factor === "SOFTWARE_TOKEN_MFA") next.totpEnabled = true;
    next.preferred ??= factor;
    await repositories.mfa.setFactors(user.id, next, now);
    await repositories.events.append(
      {
        type: "MFA_ENABLED",
        poolId: context.pool.id,
        actor: actorOf(context),
        detail: { userSub: user.id, factor, via: "MFA_SETUP" },
      },
      now,
    );
  }

  /**
   * The step after a passed MFA step (device proof or tokens), with the pass recorded in the same
   * transaction. `changes` gets the user as the row is at that commit (userAtCommit, which also refuses
   * the tokens to a user that may no longer sign in), not as it was read when the answer arrived:
   * between the two run PostAuthentication and the token signing, and an admin's AdminDisableUser,
   * AdminSetUserPassword or AdminUpdateUserAttributes made meanwhile (from that very trigger, say) must
   * neither be reverted by a save of the older copy nor let a disabled user have tokens.
   */
  async function pass(
    context: ClientContext,
    user: User,
    session: SignInSession,
    caller: CallerContext,
    attempt: AttemptReservation,
    factor: MfaFactor,
    changes?: CommitChanges,
  ): Promise<SignInStepOutcome> {
    await lockout.passed(attempt);
    return hooks.finish(
      context,
      user,
      caller,
      session.state,
      new Date(session.authTimeMs ?? clock.nowMs()),
      session.deviceKey ?? null,
      async (repositories, current) => {
        // A code proves the address it went to, and only while that is still the user's.
        assertSentToCurrentAddress(session, current);
        const left = changes ? await changes(repositories, current) : current;
        await repositories.events.append(
          {
            type: "MFA_CHALLENGE_PASSED",
            poolId: context.pool.id,
            actor: actorOf(context),
            detail: { userSub: user.id, factor, challengeName: session.state },
          },
          clock.now(),
        );
        return left;
      },
    );
  }

  /**
   * Saves `current` with `attributes` over its own (nothing else of the row changes), with the
   * USER_ATTRIBUTES_CHANGED event; nothing when they change nothing.
   */
  async function saveAttributes(
    repositories: Repositories,
    context: ClientContext,
    current: User,
    attributes: Record<string, string>,
    via: string,
  ): Promise<User> {
    const changed = Object.keys(attributes).filter((name) => current.attributes[name] !== attributes[name]);
    if (changed.length === 0) return current;
    const now = clock.now();
    const saved: User = { ...current, attributes: { ...current.attributes, ...attributes }, updatedAt: now };
    // A code sent to the email this replaces must not verify the new one.
    await voidCodesForOldAddresses(repositories, context.pool, current, saved);
    await saveUser(repositories, context.pool, saved, { isNew: false });
    await repositories.events.append(
      {
        type: "USER_ATTRIBUTES_CHANGED",
        poolId: context.pool.id,
        actor: actorOf(context),
        detail: { userSub: current.id, attributes: changed.sort(), via },
      },
      now,
    );
    return saved;
  }

  /**
   * MFA_SETUP by email sets the address only on a user who has none (sign-in.mfa.ts offers it to no
   * other). One given meanwhile (an admin, or the user's own UpdateUserAttributes) is never replaced
   * by whoever holds the password: that would hand the account's recovery to the address typed here.
   * @throws ExpiredCodeException (the user has another email now: the code proves nothing of it)
   */
  function assertSetupEmailStillFree(session: SignInSession, user: User): void {
    if (session.setup?.factor !== "EMAIL_OTP") return;
    const email = user.attributes.email;
    if (email === undefined || email === session.setup.email) return;
    assertTransition(session.state, "FAILED");
    throw new CognitoError("ExpiredCodeException", CODE_EXPIRED);
  }

  async function checkCode(
    context: ClientContext,
    user: User,
    session: SignInSession,
    sessionToken: string,
    caller: CallerContext,
    attempt: AttemptReservation,
    code: string | undefined,
  ): Promise<SignInStepOutcome> {
    const factor = session.state as "SMS_MFA" | "EMAIL_OTP";
    if (!codeMatches(session, user.id, code)) return refuse(context, session, sessionToken, attempt, "wrong code");
    assertSentToCurrentAddress(session, user);
    assertSetupEmailStillFree(session, user);
    const setup = session.setup;
    if (setup?.factor === "EMAIL_OTP") {
      // The code reached the address, so it is proven: set (and verify) it, then switch EMAIL_OTP on.
      const proven = { email: setup.email, email_verified: "true" };
      const updated: User = { ...user, attributes: { ...user.attributes, ...proven } };
      return pass(context, updated, session, caller, attempt, factor, async (repositories, current) => {
        assertSetupEmailStillFree(session, current);
        const saved = await saveAttributes(repositories, context, current, proven, "MFA_SETUP");
        await enableFactor(repositories, context, saved, "EMAIL_OTP");
        return saved;
      });
    }
    // The code reached the phone (or inbox), which proves it: an unverified number or email can carry
    // SMS or email MFA and becomes verified on success (cognito-reference §3.4).
    const flag = factor === "SMS_MFA" ? "phone_number_verified" : "email_verified";
    if (user.attributes[flag] === "true") return pass(context, user, session, caller, attempt, factor);
    const updated: User = { ...user, attributes: { ...user.attributes, [flag]: "true" } };
    return pass(context, updated, session, caller, attempt, factor, (repositories, current) =>
      saveAttributes(repositories, context, current, { [flag]: "true" }, factor),
    );
  }

  async function checkTotp(
    context: ClientContext,
    user: User,
    session: SignInSession,
    sessionToken: string,
    caller: CallerContext,
    attempt: AttemptReservation,
    code: string | undefined,
  ): Promise<SignInStepOutcome> {
    if (typeof code !== "string" || !/^\d{6}$/.test(code))
      return refuse(context, session, sessionToken, attempt, "malformed code");
    // Replay-protected: a code (or an earlier one) already accepted for this authenticator is refused.
    const result = await db.read((repositories) =>
      verifyTotpForSignIn({ secretBox, totp }, repositories, user.id, code, clock.nowMs()),
    );
    if (result !== "OK")
      return refuse(
        context,
        session,
        sessionToken,
        attempt,
        result === "NOT_SET_UP" ? "no authenticator" : "wrong or reused code",
      );
    return pass(context, user, session, caller, attempt, "SOFTWARE_TOKEN_MFA");
  }

  return { enableFactor, pass, checkCode, checkTotp };
}
