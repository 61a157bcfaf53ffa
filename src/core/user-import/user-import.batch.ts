import { randomUuid } from "../../lib/random.js";
import { isCognitoError } from "../errors.js";
import type { Repositories } from "../ports.js";
import type { UserPool } from "../pools/user-pool.types.js";
import type { AliasKind } from "../users/user.types.js";
import { isSignInNameAlias, userFromRow } from "./csv-rows.js";
import type { ImportedUserRows, UserImportRowError } from "./user-import.types.js";

/** One CSV data row and the file line it starts on. */
export interface ImportRow {
  fields: string[];
  line: number;
}

export interface BatchOutcome {
  users: ImportedUserRows[];
  skipped: number;
  failed: number;
  /** In file order. */
  errors: UserImportRowError[];
}

const ALREADY_EXISTS = "The user already exists.";
const ALIAS_TAKEN = "An account with the given email or phone number already exists.";

/**
 * Decides every row of a batch inside its transaction: the row's own checks, then the names the pool
 * (or an earlier row of the file) already has. A taken username — or, in email/phone-as-username
 * pools, a taken email/phone — is SKIPPED as Cognito logs it ("The user already exists."); another
 * user's verified alias FAILS the row. The job goes on either way.
 */
export async function decideBatch(
  repositories: Repositories,
  pool: UserPool,
  columns: ReadonlyMap<string, number>,
  rows: readonly ImportRow[],
  now: Date,
): Promise<BatchOutcome> {
  const errors: UserImportRowError[] = [];
  let skipped = 0;
  let failed = 0;
  const candidates: { row: ImportRow; rows: ImportedUserRows }[] = [];
  for (const row of rows) {
    const outcome = userFromRow(pool, columns, row.fields, { userId: randomUuid() }, now);
    if (outcome.kind === "failed") {
      failed += 1;
      errors.push({ lineNumber: row.line, outcome: "FAILED", message: outcome.message });
    } else candidates.push({ row, rows: outcome.rows });
  }
  const takenNames = await repositories.userImports.findTakenUsernames(
    pool.id,
    candidates.map((candidate) => candidate.rows.user.usernameNormalized),
  );
  const takenAliases = new Map<AliasKind, Set<string>>();
  for (const kind of new Set(candidates.flatMap((candidate) => candidate.rows.aliases.map((alias) => alias.kind)))) {
    const values = candidates.flatMap((candidate) =>
      candidate.rows.aliases.filter((alias) => alias.kind === kind).map((alias) => alias.valueNormalized),
    );
    takenAliases.set(kind, await repositories.userImports.findTakenAliases(pool.id, kind, values));
  }
  const users: ImportedUserRows[] = [];
  for (const { row, rows: candidate } of candidates) {
    const clash = candidate.aliases.find((alias) => takenAliases.get(alias.kind)?.has(alias.valueNormalized));
    if (takenNames.has(candidate.user.usernameNormalized) || (clash && isSignInNameAlias(pool, clash.kind))) {
      skipped += 1;
      errors.push({ lineNumber: row.line, outcome: "SKIPPED", message: ALREADY_EXISTS });
      continue;
    }
    if (clash) {
      failed += 1;
      errors.push({ lineNumber: row.line, outcome: "FAILED", message: ALIAS_TAKEN });
      continue;
    }
    // Later rows of the file meet this one as an existing user.
    takenNames.add(candidate.user.usernameNormalized);
    for (const alias of candidate.aliases) takenAliases.get(alias.kind)?.add(alias.valueNormalized);
    users.push(candidate);
  }
  errors.sort((a, b) => a.lineNumber - b.lineNumber);
  return { users, skipped, failed, errors };
}

/** Writes the batch's users (rows, aliases, search entries, SMS MFA) in the caller's transaction. */
export async function writeBatch(
  repositories: Repositories,
  users: readonly ImportedUserRows[],
  now: Date,
): Promise<void> {
  await repositories.userImports.insertUsers(users);
  for (const rows of users) {
    if (!rows.smsMfa) continue;
    // What AdminSetUserMFAPreference with SMS enabled and preferred writes for a user with no factors.
    await repositories.mfa.findForUpdate(rows.user.id, now);
    await repositories.mfa.setFactors(
      rows.user.id,
      { smsEnabled: true, emailEnabled: false, totpEnabled: false, preferred: "SMS_MFA" },
      now,
    );
  }
}

/** A unique key taken between the batch's checks and its inserts (a sign-up in parallel): run the batch again. */
export const isNameRace = (error: unknown): boolean =>
  isCognitoError(error) && (error.code === "UsernameExistsException" || error.code === "AliasExistsException");
