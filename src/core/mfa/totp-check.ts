import type { Repositories, SecretBox, TotpEngine } from "../ports.js";

export interface TotpCheckDeps {
  secretBox: SecretBox;
  totp: TotpEngine;
}

/** OK: accepted and burnt. MISMATCH: wrong, too far off in time, or already used. NOT_SET_UP: no verified authenticator. */
export type TotpCheckResult = "OK" | "MISMATCH" | "NOT_SET_UP";

/**
 * Checks a code from the user's authenticator in force, for the SOFTWARE_TOKEN_MFA sign-in step (and
 * re-verification). Time comes from the caller's clock; ±1 step of drift is accepted.
 *
 * Replay: a code is accepted only for a step later than the last accepted one, and the step is recorded
 * with a conditional UPDATE, so a code works once even within its 30 seconds and of parallel
 * submissions exactly one succeeds. Runs in the caller's transaction or read (the UPDATE is atomic
 * on its own). Attempt limits are the caller's (per session, per user).
 */
export async function verifyTotpForSignIn(
  { secretBox, totp }: TotpCheckDeps,
  repositories: Repositories,
  userId: string,
  code: string,
  nowMs: number,
): Promise<TotpCheckResult> {
  const row = await repositories.mfa.find(userId);
  if (!row?.totpSecretCiphertext) return "NOT_SET_UP";
  const match = totp.verify(secretBox.decrypt(row.totpSecretCiphertext), code, nowMs, {
    afterStep: row.totpLastUsedStep,
  });
  if (!match.ok) return "MISMATCH";
  const isFirstUse = await repositories.mfa.recordTotpStep(
    userId,
    row.totpSecretCiphertext,
    match.step,
    new Date(nowMs),
  );
  return isFirstUse ? "OK" : "MISMATCH";
}
