/**
 * A CSV user import job of BENCH_IMPORT_USERS users (default 1,000,000): the file is generated to a temp
 * file, PUT to the job's pre-signed URL as curl does, and imported by the gateway's background runner;
 * prints the upload time, rows/s and the process's peak RSS and heap (sampled every 100 ms while it runs).
 * Not part of the suite; run it with
 *   npm run bench:user-import                                     (embedded SQLite)
 *   DATABASE_URL=mariadb://root@127.0.0.1:3306/any REDIS_URL=redis://127.0.0.1:6379 npm run bench:user-import
 * On MariaDB it uses its own database (BENCH_DATABASE, default gw_bench_import), emptied first.
 * Cognito's quotas (100 MB, 500,000 users per file) are lifted here: a million rows is past them.
 * BENCH_IMPORT_TIMEOUT_MINUTES (default 60) stops the job and reports what completed.
 */
import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync } from "node:fs";
import { once } from "node:events";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { Readable } from "node:stream";
import {
  CreateUserPoolCommand,
  StartUserImportJobCommand,
  StopUserImportJobCommand,
} from "@aws-sdk/client-cognito-identity-provider";
import { createConnection } from "mysql2/promise";
import { describe, expect, it } from "vitest";
import { cognitoClient, createAwsCredentials } from "../support/aws-clients.js";
import type { Backend } from "../support/backends.js";
import { getTestApp } from "../support/test-app.js";
import { createJob, headerOf, reachable, waitForJob } from "../support/user-import.js";
import { fixed, log, machineLine, percentile } from "./bench-stats.js";
import { FAMILY_NAMES, GIVEN_NAMES } from "./names.js";

const USERS = Number(process.env.BENCH_IMPORT_USERS ?? 1_000_000);
const BATCH = Number(process.env.BENCH_IMPORT_BATCH ?? 500);
const TIMEOUT_MS = Number(process.env.BENCH_IMPORT_TIMEOUT_MINUTES ?? 60) * 60_000;
const DATABASE_URL = process.env.DATABASE_URL ?? "";
const REDIS_URL = process.env.REDIS_URL ?? "";
const BENCH_DATABASE = process.env.BENCH_DATABASE ?? "gw_bench_import";
const isMariadb = /^(mariadb|mysql):/.test(DATABASE_URL);
const MB = 1024 * 1024;

async function mariadbBackend(): Promise<Backend> {
  const url = new URL(DATABASE_URL);
  const connection = await createConnection({
    host: url.hostname,
    port: Number(url.port || 3306),
    user: decodeURIComponent(url.username || "root"),
    password: decodeURIComponent(url.password),
  });
  await connection.query(`DROP DATABASE IF EXISTS \`${BENCH_DATABASE}\``);
  await connection.query(`CREATE DATABASE \`${BENCH_DATABASE}\``);
  await connection.end();
  url.pathname = `/${BENCH_DATABASE}`;
  return { name: "mariadb+redis", env: { DATABASE_URL: url.toString(), REDIS_URL } };
}

/** Writes the CSV with GetCSVHeader's columns, streaming (the generator holds one row). */
async function writeCsv(file: string, header: string[]): Promise<number> {
  const out = createWriteStream(file);
  const column = new Map(header.map((name, index) => [name, index]));
  out.write(`${header.join(",")}\n`);
  for (let i = 0; i < USERS; i++) {
    const cells = new Array<string>(header.length).fill("");
    const name = `user${i.toString(36).padStart(5, "0")}`;
    cells[column.get("cognito:username")!] = name;
    cells[column.get("email")!] = `${name}@example.com`;
    cells[column.get("email_verified")!] = "TRUE";
    cells[column.get("given_name")!] = GIVEN_NAMES[i % GIVEN_NAMES.length]!;
    cells[column.get("family_name")!] = FAMILY_NAMES[(i * 7) % FAMILY_NAMES.length]!;
    cells[column.get("cognito:mfa_enabled")!] = "FALSE";
    if (!out.write(`${cells.join(",")}\n`)) await once(out, "drain");
  }
  out.end();
  await once(out, "finish");
  return statSync(file).size;
}

describe("user import job benchmark", () => {
  it(`imports ${USERS.toLocaleString("en-US")} users from a CSV on ${isMariadb ? "MariaDB" : "embedded SQLite"}`, async () => {
    const backend: Backend = isMariadb ? await mariadbBackend() : { name: "embedded", env: {} };
    const workDir = mkdtempSync(path.join(tmpdir(), "gw-bench-import-"));
    const gateway = await getTestApp(backend, {
      overrides: {
        userImport: { batchSize: BATCH, limits: { maxFileBytes: 2048 * MB, maxUsersPerFile: 100_000_000 } },
      },
    });
    try {
      log(machineLine());
      log(`backend ${backend.name}, ${USERS.toLocaleString("en-US")} users, batches of ${BATCH}`);
      const admin = cognitoClient(gateway, await createAwsCredentials(gateway));
      const poolId = (
        await admin.send(new CreateUserPoolCommand({ PoolName: "bench-import", AutoVerifiedAttributes: ["email"] }))
      ).UserPool!.Id!;
      const file = path.join(workDir, "users.csv");
      let started = performance.now();
      const bytes = await writeCsv(file, await headerOf(admin, poolId));
      log(`generated ${fixed(bytes / MB)} MB in ${fixed((performance.now() - started) / 1000)} s`);

      const memory = { rss: 0, heap: 0, samples: 0 };
      const baseline = process.memoryUsage();
      const sample = () => {
        const usage = process.memoryUsage();
        memory.rss = Math.max(memory.rss, usage.rss);
        memory.heap = Math.max(memory.heap, usage.heapUsed);
        memory.samples += 1;
      };
      // A timer, and every poll of the job's status too (a busy event loop delays the timer).
      const sampler = setInterval(sample, 100);
      try {
        const job = await createJob(admin, poolId, "bench");
        started = performance.now();
        // What curl --upload-file does: a streamed PUT with a Content-Length.
        const response = await fetch(reachable(gateway, job.PreSignedUrl!), {
          method: "PUT",
          headers: { "content-type": "text/csv", "content-length": String(bytes) },
          body: Readable.toWeb(createReadStream(file)) as ReadableStream,
          duplex: "half",
        } as RequestInit);
        expect(response.status, await response.text()).toBe(200);
        const uploadSeconds = (performance.now() - started) / 1000;
        log(
          `uploaded in ${fixed(uploadSeconds)} s (${fixed(bytes / MB / uploadSeconds)} MB/s, streamed into the database)`,
        );

        started = performance.now();
        await admin.send(new StartUserImportJobCommand({ UserPoolId: poolId, JobId: job.JobId! }));
        let lastReport = started;
        // How long the gateway takes to answer /readyz while the job runs: an import must not stall the process.
        const readyLatencies: number[] = [];
        let probing = true;
        const probe = (async () => {
          while (probing) {
            const sentAt = performance.now();
            await fetch(`${gateway.baseUrl}/readyz`).then((answer) => answer.arrayBuffer());
            readyLatencies.push(performance.now() - sentAt);
            await new Promise((resolve) => setTimeout(resolve, 200));
          }
        })();
        const deadline = started + TIMEOUT_MS;
        const done = await waitForJob(
          admin,
          poolId,
          job.JobId!,
          (current) => {
            sample();
            const now = performance.now();
            if (now - lastReport > 30_000) {
              lastReport = now;
              log(
                `  … ${(current.ImportedUsers ?? 0).toLocaleString("en-US")} imported after ${fixed((now - started) / 1000)} s (${fixed(((current.ImportedUsers ?? 0) / (now - started)) * 1000, 0)} rows/s)`,
              );
            }
            return ["Succeeded", "Failed", "Stopped"].includes(current.Status!) || now > deadline;
          },
          TIMEOUT_MS + 60_000,
        );
        const seconds = (performance.now() - started) / 1000;
        probing = false;
        await probe;
        log(
          `/readyz during the job: ${readyLatencies.length} probes, p50 ${fixed(percentile(readyLatencies, 50))} ms, p99 ${fixed(percentile(readyLatencies, 99))} ms, max ${fixed(Math.max(...readyLatencies))} ms`,
        );
        if (!["Succeeded", "Failed", "Stopped"].includes(done.Status!)) {
          log(`timeout after ${fixed(seconds)} s: stopping the job`);
          await admin.send(new StopUserImportJobCommand({ UserPoolId: poolId, JobId: job.JobId! }));
        }
        const rows = (done.ImportedUsers ?? 0) + (done.SkippedUsers ?? 0) + (done.FailedUsers ?? 0);
        log(
          `job ${done.Status}: ${(done.ImportedUsers ?? 0).toLocaleString("en-US")} imported, ${done.SkippedUsers} skipped, ${done.FailedUsers} failed in ${fixed(seconds)} s`,
        );
        log(`rate ${fixed(rows / seconds, 0)} rows/s`);
        log(
          `memory (gateway and benchmark in one process): peak RSS ${fixed(memory.rss / MB)} MB, peak heap ${fixed(memory.heap / MB)} MB; before the upload RSS ${fixed(baseline.rss / MB)} MB, heap ${fixed(baseline.heapUsed / MB)} MB (${memory.samples} samples)`,
        );
        expect(done.Status).toBe("Succeeded");
      } finally {
        clearInterval(sampler);
      }
    } finally {
      await gateway.close();
      rmSync(workDir, { recursive: true, force: true });
    }
  });
});
