import { Router, type Request, type Response } from "express";
import type { Logger } from "../../core/ports.js";
import { UploadRefusedError, type UploadRefusalReason } from "../../core/user-import/user-import.upload.js";
import type { UserImportService } from "../../core/user-import/user-import.service.js";
import { requestIdOf } from "./access-log.js";
import { isBodyTimeout, readUploadBody, type UploadDeadlines } from "./body-deadline.js";

export const USER_IMPORT_UPLOAD_PATH = "/import-jobs/:jobId/upload";

/** S3's answers for a refused pre-signed PUT, so tools that speak S3 (curl, SDKs) read them as they would. */
const S3_ERRORS: Record<UploadRefusalReason, { status: number; code: string }> = {
  signature: { status: 403, code: "SignatureDoesNotMatch" },
  expired: { status: 403, code: "AccessDenied" },
  used: { status: 403, code: "AccessDenied" },
  tooLarge: { status: 400, code: "EntityTooLarge" },
  tooManyUsers: { status: 400, code: "InvalidArgument" },
};

/** S3's answer when the client stops sending (its own words, so S3 tools retry it as they would). */
const S3_TIMEOUT = {
  status: 400,
  code: "RequestTimeout",
  message:
    "Your socket connection to the server was not read from or written to within the timeout period. Idle connections will be closed.",
};

const escapeXml = (text: string) => text.replace(/[<>&'"]/g, (char) => `&#${char.charCodeAt(0)};`);

function sendS3Error(
  request: Request,
  response: Response,
  status: number,
  code: string,
  message: string,
  requestId: string,
): void {
  if (response.headersSent) return;
  // The body may still be arriving (a refusal before reading it): close rather than read it all.
  response.setHeader("Connection", "close");
  response
    .status(status)
    .type("application/xml")
    .send(
      `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${escapeXml(message)}</Message><RequestId>${requestId}</RequestId></Error>`,
    );
}

/**
 * The access log reads req.ip once the answer is sent; after a refusal that closes the connection there is
 * no socket left to read it from, so the address is taken while there is one.
 */
function keepClientAddress(request: Request): void {
  Object.defineProperty(request, "ip", { value: request.ip, configurable: true });
}

const single = (value: unknown): string => (typeof value === "string" ? value : "");

/**
 * The target of a job's PreSignedUrl: `PUT /import-jobs/<jobId>/upload?expires=…&signature=…` with the
 * CSV as the body (`curl --upload-file users.csv '<url>'`). Any Content-Type is taken, as S3 takes it,
 * and S3 headers such as x-amz-server-side-encryption are accepted and ignored. The body is streamed
 * to the service, never held whole, for as long as it keeps coming (`deadlines`, http/body-deadline.ts).
 */
export function createUserImportUploadRouter(deps: {
  userImports: UserImportService;
  logger: Logger;
  deadlines: UploadDeadlines;
}): Router {
  const router = Router();
  router.put(USER_IMPORT_UPLOAD_PATH, async (request: Request, response: Response) => {
    const requestId = requestIdOf(request);
    keepClientAddress(request);
    const length = request.headers["content-length"];
    try {
      const result = await deps.userImports.upload({
        jobId: single(request.params.jobId),
        expires: single(request.query.expires),
        signature: single(request.query.signature),
        declaredBytes: length !== undefined && /^\d+$/.test(length) ? Number(length) : null,
        // Not destroyed when the service stops reading early: the refusal must still reach the client.
        body: readUploadBody(request, deps.deadlines),
      });
      response.status(200).setHeader("x-amz-request-id", requestId);
      response.type("text/plain").send(`Uploaded ${result.bytes} bytes, ${result.users} users.\n`);
    } catch (error) {
      if (error instanceof UploadRefusedError) {
        const { status, code } = S3_ERRORS[error.reason];
        sendS3Error(request, response, status, code, error.message, requestId);
        return;
      }
      if (isBodyTimeout(error)) {
        deps.logger.info({ requestId, reason: error.type }, "user import upload stopped: the body stopped arriving");
        sendS3Error(request, response, S3_TIMEOUT.status, S3_TIMEOUT.code, S3_TIMEOUT.message, requestId);
        return;
      }
      deps.logger.error(
        { requestId, err: error instanceof Error ? error.message : String(error) },
        "user import upload failed",
      );
      sendS3Error(
        request,
        response,
        500,
        "InternalError",
        `We encountered an internal error (request id ${requestId}). Please try again.`,
        requestId,
      );
    }
  });
  router.all(USER_IMPORT_UPLOAD_PATH, (request, response) => {
    keepClientAddress(request);
    response.setHeader("Allow", "PUT");
    sendS3Error(
      request,
      response,
      405,
      "MethodNotAllowed",
      "The specified method is not allowed against this resource.",
      requestIdOf(request),
    );
  });
  return router;
}
