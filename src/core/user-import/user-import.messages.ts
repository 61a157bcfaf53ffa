import type { UserImportProgress, UserImportRowError } from "./user-import.types.js";

/** Cognito's words for a stopped job. */
export const STOPPED_MESSAGE = "The Import Job was stopped by the developer.";

/** Row errors quoted in CompletionMessage; the job keeps more (GraphQL `rowErrors`). */
const QUOTED_ROW_ERRORS = 5;

/** A row error as Cognito writes it to the job's CloudWatch log: the line number and a reason, never the row's data. */
export const logLineOf = (error: UserImportRowError): string =>
  `[${error.outcome}] Line Number ${error.lineNumber} - ${error.message}`;

/**
 * CompletionMessage: Cognito's sentence, the counters, and the first row errors, since there is no
 * CloudWatch log here to read them in.
 */
export function completionMessageOf(
  status: "Succeeded" | "Failed",
  progress: UserImportProgress,
  cause?: string,
): string {
  const head =
    cause ??
    (status === "Succeeded"
      ? "Import Job Completed Successfully."
      : "Too many users have failed or been skipped during the import.");
  const counts = `Imported ${progress.importedUsers}, skipped ${progress.skippedUsers}, failed ${progress.failedUsers}.`;
  const quoted = progress.rowErrors.slice(0, QUOTED_ROW_ERRORS).map(logLineOf);
  const more = progress.failedUsers + progress.skippedUsers > quoted.length ? " …" : "";
  return quoted.length > 0 ? `${head} ${counts} ${quoted.join("; ")}${more}` : `${head} ${counts}`;
}
