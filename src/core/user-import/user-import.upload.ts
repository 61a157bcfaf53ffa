import type { Clock } from "../../lib/clock.js";
import { createCsvParser, CsvSyntaxError } from "../../lib/csv-parser.js";
import { randomUuid } from "../../lib/random.js";
import type { Database, Logger, MessageAuthenticator } from "../ports.js";
import type { UserImportJob, UserImportLimits } from "./user-import.types.js";

/**
 * The job's PreSignedUrl points at the gateway itself: `PUT <PUBLIC_URL>/import-jobs/<jobId>/upload
 * ?expires=…&signature=…`, so `curl --upload-file users.csv '<url>'` works as with Cognito's S3 URL.
 * The signature is an HMAC under a key derived from SECRETS_KEY (any process can check it); the URL
 * lasts 15 minutes and serves one complete upload.
 */

const SCOPE = "user-import-upload";
/** Pieces stored per row: under MariaDB's 64 KiB BLOB. */
export const UPLOAD_PIECE_BYTES = 60 * 1024;

export type UploadRefusalReason = "signature" | "expired" | "used" | "tooLarge" | "tooManyUsers";

/** Why an upload was refused; the HTTP edge answers in S3's form. */
export class UploadRefusedError extends Error {
  constructor(
    readonly reason: UploadRefusalReason,
    message: string,
  ) {
    super(message);
    this.name = "UploadRefusedError";
  }
}

const messageOf = (jobId: string, expiresEpochSeconds: number) => `${jobId}\n${expiresEpochSeconds}`;

export function uploadUrlOf(
  authenticator: MessageAuthenticator,
  publicUrl: string,
  job: Pick<UserImportJob, "jobId" | "uploadExpiresAt">,
): string {
  const expires = Math.floor(job.uploadExpiresAt.getTime() / 1000);
  const signature = authenticator.sign(SCOPE, messageOf(job.jobId, expires));
  return `${publicUrl}/import-jobs/${encodeURIComponent(job.jobId)}/upload?expires=${expires}&signature=${signature}`;
}

export interface UploadRequest {
  jobId: string;
  expires: string;
  signature: string;
  /** Content-Length when the client sent one: a file known to be too large is refused before it is read. */
  declaredBytes: number | null;
  body: AsyncIterable<Uint8Array>;
}

export interface UploadDeps {
  db: Database;
  clock: Clock;
  logger: Logger;
  authenticator: MessageAuthenticator;
  limits: UserImportLimits;
}

/**
 * Receives a job's CSV: streams it into the database in pieces (memory stays at one piece and one CSV
 * record), counting bytes and users against Cognito's quotas, then claims the job's single upload slot
 * with a conditional UPDATE. Of parallel uploads to one URL every one is read, exactly one is kept,
 * and the others' pieces are deleted. Expiry is judged at the request's start, as S3 does.
 * @throws UploadRefusedError
 */
export async function receiveUpload(
  deps: UploadDeps,
  request: UploadRequest,
): Promise<{ bytes: number; users: number }> {
  const { db, clock, limits } = deps;
  const startedAt = clock.now();
  const expires = Number(request.expires);
  // Checked before anything is read or looked up: a forged URL costs one HMAC.
  if (
    !/^\d{1,12}$/.test(request.expires) ||
    !deps.authenticator.verify(SCOPE, messageOf(request.jobId, expires), request.signature)
  ) {
    throw new UploadRefusedError(
      "signature",
      "The request signature we calculated does not match the signature you provided.",
    );
  }
  const job = await db.read((repositories) => repositories.userImports.findById(request.jobId));
  if (!job || expires * 1000 <= startedAt.getTime() || job.uploadExpiresAt.getTime() <= startedAt.getTime())
    throw new UploadRefusedError("expired", "Request has expired");
  if (request.declaredBytes !== null && request.declaredBytes > limits.maxFileBytes) throw tooLarge(limits);
  return storeUpload(deps, job, request.body, startedAt, "upload-url");
}

/**
 * Stores a job's file (the pre-signed URL's PUT, or a trusted caller such as the CLI): pieces into the
 * database, bytes and users counted against the quotas, then the job's single upload slot claimed.
 * @throws UploadRefusedError ("used", "tooLarge", "tooManyUsers")
 */
export async function storeUpload(
  deps: Omit<UploadDeps, "authenticator">,
  job: UserImportJob,
  body: AsyncIterable<Uint8Array>,
  startedAt: Date,
  actor: string,
): Promise<{ bytes: number; users: number }> {
  const { db, clock, limits } = deps;
  const request = { jobId: job.jobId };
  if (job.upload || job.status !== "Created")
    throw new UploadRefusedError(
      "used",
      "This pre-signed URL has been used already: create a new import job for another file.",
    );
  const uploadId = randomUuid();
  const parser = createCsvParser({ maxRecordChars: limits.maxRowChars });
  const decoder = new TextDecoder("utf-8");
  let isParsable = true;
  let records = 0;
  let bytes = 0;
  let seq = 0;
  let pending: Uint8Array[] = [];
  let pendingBytes = 0;
  const count = (text: string, end: boolean) => {
    if (!isParsable) return;
    try {
      records += parser.push(text).length + (end ? parser.end().length : 0);
    } catch (error) {
      // Not the upload's business: the job reports the file's syntax error when it runs.
      if (!(error instanceof CsvSyntaxError)) throw error;
      isParsable = false;
    }
    // The header is no user.
    if (records - 1 > limits.maxUsersPerFile)
      throw new UploadRefusedError(
        "tooManyUsers",
        `The file has more than ${limits.maxUsersPerFile} users (rows after the header); split it into several import jobs.`,
      );
  };
  const flush = async (final: boolean) => {
    while (pendingBytes >= UPLOAD_PIECE_BYTES || (final && pendingBytes > 0)) {
      const joined = concat(pending, pendingBytes);
      const piece = joined.subarray(0, Math.min(UPLOAD_PIECE_BYTES, joined.length));
      const rest = joined.subarray(piece.length);
      pending = rest.length > 0 ? [rest] : [];
      pendingBytes = rest.length;
      const index = seq++;
      // One INSERT commits by itself.
      await db.read((repositories) => repositories.userImports.appendChunk(request.jobId, uploadId, index, piece));
    }
  };
  try {
    for await (const part of body) {
      bytes += part.length;
      if (bytes > limits.maxFileBytes) throw tooLarge(limits);
      count(decoder.decode(part, { stream: true }), false);
      pending.push(part);
      pendingBytes += part.length;
      await flush(false);
    }
    count(decoder.decode(), true);
    await flush(true);
    const users = Math.max(0, records - 1);
    const won = await db.transaction(async (repositories) => {
      if (
        !(await repositories.userImports.claimUpload(
          request.jobId,
          { uploadId, uploadedAt: clock.now(), bytes, users },
          startedAt,
        ))
      )
        return false;
      // Pieces of uploads that never completed (a dropped connection) go with the win.
      await repositories.userImports.deleteChunks(request.jobId, uploadId);
      await repositories.events.append(
        { type: "USER_IMPORT_FILE_UPLOADED", poolId: job.poolId, actor, detail: { jobId: job.jobId, bytes, users } },
        clock.now(),
      );
      return true;
    });
    if (!won)
      throw new UploadRefusedError(
        "used",
        "This pre-signed URL has been used already: create a new import job for another file.",
      );
    return { bytes, users };
  } catch (error) {
    // A refused or losing upload leaves nothing behind; the winner's pieces (another upload's) stay.
    await db
      .read((repositories) => repositories.userImports.deleteUpload(uploadId))
      .catch((cleanup: unknown) => {
        deps.logger.warn(
          { jobId: request.jobId, err: cleanup instanceof Error ? cleanup.message : String(cleanup) },
          "could not delete a refused upload's pieces",
        );
      });
    // A storage error while another upload won (on MariaDB, this upload's piece INSERT can deadlock with the
    // winner's clean-up DELETE) is a lost race, and the URL is used: answer that, not an internal error.
    if (!(error instanceof UploadRefusedError) && (await isUploadTaken(deps, request.jobId))) {
      throw new UploadRefusedError(
        "used",
        "This pre-signed URL has been used already: create a new import job for another file.",
      );
    }
    throw error;
  }
}

const tooLarge = (limits: UserImportLimits) =>
  new UploadRefusedError(
    "tooLarge",
    `Your proposed upload exceeds the maximum allowed size of ${limits.maxFileBytes} bytes.`,
  );

function concat(parts: Uint8Array[], total: number): Uint8Array {
  if (parts.length === 1) return parts[0]!;
  const out = new Uint8Array(total);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/**
 * Whether another upload holds the job's file. The winner may still be committing when this upload's
 * statement lost a deadlock to it, so a few short looks wait for its transaction before answering no.
 */
async function isUploadTaken(deps: Pick<UploadDeps, "db">, jobId: string): Promise<boolean> {
  for (let look = 0; look < 10; look++) {
    const job = await deps.db.read((repositories) => repositories.userImports.findById(jobId)).catch(() => null);
    if (job?.upload) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return false;
}
