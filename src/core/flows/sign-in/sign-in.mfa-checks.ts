import type { ClientContext } from "../../clients/client-context.js";
import type { AttemptReservation } from "../../security/lockout.js";
import { factorSettingsOf } from "../../mfa/mfa-factors.js";
import type { MfaFactor } from "../../mfa/mfa.types.js";
import { verifyTotpForSignIn } from "../../mfa/totp-check.js";
import type { Repositories } from "../../ports.js";
import { voidCodesForOldAddresses } from "../../users/address-codes.js";
import { saveUser } from "../../users/user-store.js";
import type { User } from "../../users/user.types.js";
import type { SignInSession } from "./challenge-session.js";
import type { SignInCodeSteps } from "./sign-in.codes.js";
import type { SignInStepHooks } from "./sign-in.mfa.js";
import type { SignInServiceDeps } from "./sign-in.service.js";
import type { CallerContext, SignInStepOutcome } from "./sign-in.types.js";

type Changes = (repositories: Repositories) => Promise<void>;

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

  /** The step after a passed MFA step (device proof or tokens), with the pass recorded in the same transaction. */
  async function pass(
    context: ClientContext,
    user: User,
    session: SignInSession,
    caller: CallerContext,
    attempt: AttemptReservation,
    factor: MfaFactor,
    changes?: Changes,
  ): Promise<SignInStepOutcome> {
    await lockout.passed(attempt);
    return hooks.finish(
      context,
      user,
      caller,
      session.state,
      new Date(session.authTimeMs ?? clock.nowMs()),
      session.deviceKey ?? null,
      async (repositories) => {
        await changes?.(repositories);
        await repositories.events.append(
          {
            type: "MFA_CHALLENGE_PASSED",
            poolId: context.pool.id,
            actor: actorOf(context),
            detail: { userSub: user.id, factor, challengeName: session.state },
          },
          clock.now(),
        );
      },
    );
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
    const setup = session.setup;
    if (setup?.factor === "EMAIL_OTP") {
      // The code reached the address, so it is proven: set (and verify) it, then switch EMAIL_OTP on.
      const now = clock.now();
      const updated: User = {
        ...user,
        attributes: { ...user.attributes, email: setup.email, email_verified: "true" },
        updatedAt: now,
      };
      return pass(context, updated, session, caller, attempt, factor, async (repositories) => {
        if (user.attributes.email !== setup.email || user.attributes.email_verified !== "true") {
          // A code sent to the email this replaces must not verify the new one.
          await voidCodesForOldAddresses(repositories, context.pool, user, updated);
          await saveUser(repositories, context.pool, updated, { isNew: false });
          await repositories.events.append(
            {
              type: "USER_ATTRIBUTES_CHANGED",
              poolId: context.pool.id,
              actor: actorOf(context),
              detail: { userSub: user.id, attributes: ["email", "email_verified"], via: "MFA_SETUP" },
            },
            now,
          );
        }
        await enableFactor(repositories, context, updated, "EMAIL_OTP");
      });
    }
    if (factor === "SMS_MFA" && user.attributes.phone_number_verified !== "true") {
      // The code reached the phone, which proves the number (cognito-reference §3.4: unverified numbers
      // can be used for SMS MFA and become verified on success).
      const now = clock.now();
      const updated: User = {
        ...user,
        attributes: { ...user.attributes, phone_number_verified: "true" },
        updatedAt: now,
      };
      return pass(context, updated, session, caller, attempt, factor, async (repositories) => {
        await saveUser(repositories, context.pool, updated, { isNew: false });
        await repositories.events.append(
          {
            type: "USER_ATTRIBUTES_CHANGED",
            poolId: context.pool.id,
            actor: actorOf(context),
            detail: { userSub: user.id, attributes: ["phone_number_verified"], via: "SMS_MFA" },
          },
          now,
        );
      });
    }
    return pass(context, user, session, caller, attempt, factor);
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
