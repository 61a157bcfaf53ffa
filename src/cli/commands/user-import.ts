import { createReadStream, existsSync, statSync } from "node:fs";
import path from "node:path";
import { CognitoError } from "../../core/errors.js";
import type { Logger } from "../../core/ports.js";
import { createUserImportRunner, type UserImportRunner } from "../../core/user-import/user-import.runner.js";
import {
  createUserImportService,
  type UserImportJobView,
  type UserImportService,
} from "../../core/user-import/user-import.service.js";
import { UploadRefusedError } from "../../core/user-import/user-import.upload.js";
import type { UserImportJob } from "../../core/user-import/user-import.types.js";
import { createMessageAuthenticator } from "../../infra/crypto/message-authenticator.js";
import { createCsvParser, CsvSyntaxError } from "../../lib/csv-parser.js";
import { monotonicSeconds } from "../../lib/stopwatch.js";
import { stringOption, type Command } from "../command.js";
import { CLI_PRINCIPAL, loadCliConfig, withCliDatabase } from "../context.js";
import { CliError, createProgress, EXIT, formatBytes, type Output } from "../io.js";

const nowMs = () => monotonicSeconds() * 1000;
/** Row errors printed after a run; the job keeps the first 100 (`user-import describe` shows them all). */
const ROW_ERRORS_SHOWN = 20;

interface ImportTools {
  service: UserImportService;
  runner: UserImportRunner;
}

/** Warnings (e.g. a refused upload's pieces left behind) as lines on stderr; the runner's info lines are the progress bar's. */
function cliLogger(output: Output): Logger {
  const line = (level: string) => (fields: Record<string, unknown>, message: string) =>
    output.err(`${level}: ${message}${fields.err ? ` (${String(fields.err)})` : ""}`);
  return { debug: () => undefined, info: () => undefined, warn: line("warning"), error: line("error") };
}

/**
 * The core import service and runner over the CLI's database: the same jobs, rules, quotas and events
 * as CreateUserImportJob and friends. The runner starts no background loop: `runJob` runs one job here.
 */
async function withImports<T>(output: Output, work: (tools: ImportTools) => Promise<T>): Promise<T> {
  const config = loadCliConfig();
  return withCliDatabase(config, { requireMigrated: true }, async (database) => {
    const logger = cliLogger(output);
    const runner = createUserImportRunner({ db: database.db, clock: database.clock, logger });
    const service = createUserImportService({
      db: database.db,
      clock: database.clock,
      logger,
      // The same key as the server's, so a Created job's PreSignedUrl works against the gateway.
      authenticator: createMessageAuthenticator(database.secrets().secretsKey, "user-import-upload"),
      publicUrl: config.publicUrl,
      // The caller runs the job right away (runJob); a gateway process may take it first and is followed.
      runner: { wake: () => undefined },
    });
    try {
      return await work({ service, runner });
    } catch (error) {
      if (error instanceof CognitoError) throw new CliError(`${error.code}: ${error.message}`);
      if (error instanceof UploadRefusedError) throw new CliError(`The file was refused: ${error.message}`);
      throw error;
    }
  });
}

/** The first record of the file (its header), read as the job will read it. @throws CliError */
async function readHeaderRow(file: string, maxRowChars: number): Promise<string[]> {
  const parser = createCsvParser({ maxRecordChars: maxRowChars });
  const decoder = new TextDecoder("utf-8");
  const stream = createReadStream(file);
  try {
    for await (const piece of stream) {
      const [first] = parser.push(decoder.decode(piece as Buffer, { stream: true }));
      if (first) return first.fields;
    }
    const [last] = [...parser.push(decoder.decode()), ...parser.end()];
    if (last) return last.fields;
  } catch (error) {
    if (error instanceof CsvSyntaxError)
      throw new CliError(`${file} is not a CSV file the import can read: ${error.message}`);
    throw error;
  } finally {
    stream.destroy();
  }
  throw new CliError(`${file} is empty: it needs the header "user-import csv-header" prints and a row per user.`);
}

const isoOrNull = (date: Date | null) => date?.toISOString() ?? null;

/** A job as --json prints it: DescribeUserImportJob's fields, with the row log. */
function jobJson(job: UserImportJob) {
  return {
    jobId: job.jobId,
    jobName: job.jobName,
    userPoolId: job.poolId,
    status: job.status,
    creationDate: job.createdAt.toISOString(),
    startDate: isoOrNull(job.startedAt),
    completionDate: isoOrNull(job.completedAt),
    cloudWatchLogsRoleArn: job.cloudWatchLogsRoleArn,
    totalUsers: job.upload?.users ?? null,
    rowsDone: job.rowsDone,
    importedUsers: job.importedUsers,
    skippedUsers: job.skippedUsers,
    failedUsers: job.failedUsers,
    completionMessage: job.completionMessage,
    rowErrors: job.rowErrors,
  };
}

const countsOf = (job: UserImportJob) =>
  `${job.importedUsers} imported, ${job.skippedUsers} skipped, ${job.failedUsers} failed`;

function rowErrorLines(job: UserImportJob, limit: number): string[] {
  const lines = job.rowErrors
    .slice(0, limit)
    .map((error) => `  line ${error.lineNumber}: ${error.outcome} ${error.message}`);
  const unshown = job.failedUsers + job.skippedUsers - Math.min(limit, job.rowErrors.length);
  if (unshown > 0)
    lines.push(
      `  … and ${unshown} more${limit < job.rowErrors.length ? ` ("user-import describe ${job.poolId} ${job.jobId}" lists the first ${job.rowErrors.length})` : ""}`,
    );
  return lines;
}

/** A job that did its work: every row imported or skipped (already there). Failed rows or a failed/stopped job exit 1. */
const isClean = (job: UserImportJob) => job.status === "Succeeded" && job.failedUsers === 0;

/**
 * Runs a started job here to its end (or follows it in the gateway process that took it first), with a
 * progress bar; the first Ctrl-C stops it after the batch in flight (StopUserImportJob), as the API would.
 */
async function runToEnd(
  tools: ImportTools,
  started: UserImportJobView,
  output: Output,
  json: boolean,
): Promise<number> {
  const total = started.upload?.users ?? null;
  let stopping: Promise<unknown> | null = null;
  const onInterrupt = () => {
    if (stopping) {
      // A second Ctrl-C leaves at once: the job's claim lapses and a running gateway resumes it.
      process.exit(130);
    }
    output.err(
      `\nStopping import job ${started.jobId} after the batch in flight (Ctrl-C again to leave it to the gateway)…`,
    );
    stopping = tools.service
      .stopUserImportJob(CLI_PRINCIPAL, started.poolId, started.jobId)
      .catch((error: unknown) => output.err(`Could not stop the job: ${(error as Error).message}`));
  };
  process.on("SIGINT", onInterrupt);
  // Said once the handler is in place: a Ctrl-C from here on stops the job.
  output.err(`Import job ${started.jobId} started: ${total ?? "?"} users.`);
  const progress = createProgress(output.progressStream, "import", "rows", nowMs);
  progress.update(started.rowsDone, total);
  let job: UserImportJob;
  try {
    job = await tools.runner.runJob(started.jobId, (current) => progress.update(current.rowsDone, total));
    await stopping;
  } catch (error) {
    throw new CliError(
      `The import stopped: ${(error as Error).message}. Job ${started.jobId} keeps its committed rows; a running gateway resumes it once this process's claim lapses (60 s), or stop it with "user-import stop ${started.poolId} ${started.jobId}".`,
    );
  } finally {
    process.off("SIGINT", onInterrupt);
  }
  progress.finish();
  if (json) output.out(JSON.stringify(jobJson(job)));
  else {
    output.out(
      `Import job ${job.jobId} ${job.status}: ${countsOf(job)} (${job.rowsDone} of ${total ?? job.rowsDone} rows).`,
    );
    if (job.completionMessage && job.status !== "Succeeded") output.out(job.completionMessage);
    for (const line of rowErrorLines(job, ROW_ERRORS_SHOWN)) output.out(line);
  }
  return isClean(job) ? EXIT.ok : EXIT.failed;
}

const jobOptions = {
  "job-name": { type: "string" },
  "role-arn": { type: "string" },
  json: { type: "boolean" },
} as const;
const exitCodes =
  "Exit code 0 when the job succeeded with no failed row (skipped rows — users already there — are fine), 1 otherwise.";
const jsonHelp: [string, string] = [
  "--json",
  "print the finished job as JSON (DescribeUserImportJob's fields and the row log) on stdout",
];

export const userImportRun: Command = {
  name: "user-import run",
  summary: "Import users from a CSV file into a pool (a user import job, run here)",
  usage: "<poolId> <file.csv> [--job-name <name>] [--role-arn <arn>] [--json]",
  details: [
    'Does what CreateUserImportJob, the upload to its PreSignedUrl and StartUserImportJob do, with the same rules, quotas and events, then runs the job in this process with a progress bar (if a gateway process takes it first, follows it there). The file must have the header "user-import csv-header <poolId>" prints; it is checked before a job is made. Imported users are RESET_REQUIRED: they set a password through ForgotPassword.',
    "Ctrl-C stops the job after the batch in flight (StopUserImportJob; its imported users stay). If this process dies instead, the job keeps its committed rows and a running gateway resumes it once its 60-second claim lapses.",
    exitCodes,
  ].join("\n\n"),
  options: jobOptions,
  optionHelp: [
    ["--job-name <name>", "the job's name (default: the file's name)"],
    [
      "--role-arn <arn>",
      "CloudWatchLogsRoleArn to record, as Cognito requires one (default: a local placeholder; nothing is sent to CloudWatch)",
    ],
    jsonHelp,
  ],
  positionals: { min: 2, max: 2, names: "<poolId> <file.csv>" },
  async run(args, output) {
    const [poolId, given] = args.positionals as [string, string];
    const file = path.resolve(given);
    if (!existsSync(file) || !statSync(file).isFile()) throw new CliError(`No CSV file at ${file}.`);
    const jobName =
      stringOption(args, "job-name") ??
      (path
        .basename(file)
        .replace(/[^\w\s+=,.@-]/g, "_")
        .slice(0, 128) ||
        "import");
    return withImports(output, async (tools) => {
      const header = await readHeaderRow(file, tools.service.limits.maxRowChars);
      await tools.service.checkCsvHeader(CLI_PRINCIPAL, poolId, header);
      const size = statSync(file).size;
      const upload = createProgress(output.progressStream, "upload", "bytes", nowMs, { formatAmount: formatBytes });
      const stream = createReadStream(file);
      const body = (async function* () {
        let bytes = 0;
        for await (const piece of stream) {
          bytes += (piece as Buffer).length;
          upload.update(bytes, size);
          yield piece as Buffer;
        }
      })();
      let started: UserImportJobView;
      try {
        started = await tools.service.importFromStream(CLI_PRINCIPAL, {
          userPoolId: poolId,
          jobName,
          cloudWatchLogsRoleArn: stringOption(args, "role-arn"),
          body,
        });
      } finally {
        stream.destroy();
      }
      upload.finish();
      return runToEnd(tools, started, output, Boolean(args.values.json));
    });
  },
};

export const userImportStart: Command = {
  name: "user-import start",
  summary: "Start a user import job whose file was uploaded to its PreSignedUrl, and run it here",
  usage: "<poolId> <jobId> [--json]",
  details: [
    'StartUserImportJob for a job made with CreateUserImportJob, then runs it in this process with a progress bar, as "user-import run" does.',
    exitCodes,
  ].join("\n\n"),
  options: { json: { type: "boolean" } },
  optionHelp: [jsonHelp],
  positionals: { min: 2, max: 2, names: "<poolId> <jobId>" },
  async run(args, output) {
    const [poolId, jobId] = args.positionals as [string, string];
    return withImports(output, async (tools) =>
      runToEnd(
        tools,
        await tools.service.startUserImportJob(CLI_PRINCIPAL, poolId, jobId),
        output,
        Boolean(args.values.json),
      ),
    );
  },
};

export const userImportDescribe: Command = {
  name: "user-import describe",
  summary: "Show a user import job: status, counts and its row log",
  usage: "<poolId> <jobId> [--json]",
  details:
    "DescribeUserImportJob, plus the job's row log (the first 100 skipped or failed rows, with their line numbers and reasons).",
  options: { json: { type: "boolean" } },
  optionHelp: [["--json", "print the job as JSON"]],
  positionals: { min: 2, max: 2, names: "<poolId> <jobId>" },
  async run(args, output) {
    const [poolId, jobId] = args.positionals as [string, string];
    await withImports(output, async ({ service }) => {
      const job = await service.describeUserImportJob(CLI_PRINCIPAL, poolId, jobId);
      if (args.values.json) {
        output.out(JSON.stringify(jobJson(job)));
        return;
      }
      output.out(`${job.jobId} (${job.jobName}) in ${job.poolId}: ${job.status}`);
      output.out(
        `  created ${job.createdAt.toISOString()}${job.startedAt ? `, started ${job.startedAt.toISOString()}` : ""}${job.completedAt ? `, completed ${job.completedAt.toISOString()}` : ""}`,
      );
      output.out(`  ${countsOf(job)}; ${job.rowsDone} of ${job.upload?.users ?? "?"} rows done`);
      if (job.completionMessage) output.out(`  ${job.completionMessage}`);
      for (const line of rowErrorLines(job, job.rowErrors.length)) output.out(line);
    });
  },
};

export const userImportList: Command = {
  name: "user-import list",
  summary: "List a pool's user import jobs, newest first",
  usage: "<poolId> [--json]",
  details: "ListUserImportJobs, every page.",
  options: { json: { type: "boolean" } },
  optionHelp: [["--json", "print one JSON array"]],
  positionals: { min: 1, max: 1, names: "<poolId>" },
  async run(args, output) {
    const poolId = args.positionals[0]!;
    await withImports(output, async ({ service }) => {
      const jobs: UserImportJob[] = [];
      let paginationToken: string | null = null;
      do {
        const page: Awaited<ReturnType<UserImportService["listUserImportJobs"]>> = await service.listUserImportJobs(
          CLI_PRINCIPAL,
          poolId,
          { maxResults: 60, paginationToken },
        );
        jobs.push(...page.jobs);
        paginationToken = page.paginationToken;
      } while (paginationToken);
      if (args.values.json) {
        output.out(JSON.stringify(jobs.map(jobJson)));
        return;
      }
      if (jobs.length === 0) output.out(`No import jobs in ${poolId}.`);
      for (const job of jobs)
        output.out(
          `${job.jobId}  ${job.status.padEnd(10)}  ${job.createdAt.toISOString()}  ${countsOf(job)}  ${job.jobName}`,
        );
    });
  },
};

export const userImportStop: Command = {
  name: "user-import stop",
  summary: "Stop a running user import job",
  usage: "<poolId> <jobId>",
  details:
    "StopUserImportJob: a job that is running stops after the batch in flight (Stopping, then Stopped); its imported users stay.",
  options: {},
  optionHelp: [],
  positionals: { min: 2, max: 2, names: "<poolId> <jobId>" },
  async run(args, output) {
    const [poolId, jobId] = args.positionals as [string, string];
    await withImports(output, async ({ service }) => {
      const job = await service.stopUserImportJob(CLI_PRINCIPAL, poolId, jobId);
      output.out(
        `Import job ${job.jobId} is ${job.status}${job.status === "Stopping" ? " (it stops after the batch in flight)" : ""}.`,
      );
    });
  },
};

export const userImportCsvHeader: Command = {
  name: "user-import csv-header",
  summary: "Print the CSV header a pool's import file needs",
  usage: "<poolId>",
  details:
    'GetCSVHeader, as one CSV line: start the file with it ("identity-gateway user-import csv-header <poolId> > users.csv").',
  options: {},
  optionHelp: [],
  positionals: { min: 1, max: 1, names: "<poolId>" },
  async run(args, output) {
    await withImports(output, async ({ service }) => {
      output.out((await service.getCsvHeader(CLI_PRINCIPAL, args.positionals[0]!)).csvHeader.join(","));
    });
  },
};
