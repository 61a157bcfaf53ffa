import { once } from "node:events";
import { createInterface } from "node:readline";
import { Readable } from "node:stream";
import { Router, type Request, type Response } from "express";
import type { AdminKeyService } from "../../core/admin-keys/admin-key.service.js";
import { isCognitoError } from "../../core/errors.js";
import type { Logger } from "../../core/ports.js";
import type { PoolExportService } from "../../core/pool-transfer/pool-export.service.js";
import type { PoolImportService } from "../../core/pool-transfer/pool-import.service.js";
import { readBearerToken } from "../graphql/context.js";
import { requestIdOf } from "./access-log.js";
import { isBodyTimeout, readUploadBody, type UploadDeadlines } from "./body-deadline.js";
import { answerEdgeError } from "./edge-errors.js";

/** The export key travels in a header, never in the URL (URLs end up in access logs). */
export const EXPORT_PASSPHRASE_HEADER = "x-export-passphrase";
export const POOL_EXPORT_PATH = "/admin/pools/:poolId/export";
export const POOL_IMPORT_PATH = "/admin/pools/import";

const STATUS_BY_CODE: Record<string, number> = { NotAuthorizedException: 403, ResourceNotFoundException: 404 };

function sendError(response: Response, logger: Logger, requestId: string, error: unknown): void {
  if (isCognitoError(error)) {
    if (response.headersSent) {
      // The stream has begun: cutting it off is the only signal left, and the import refuses a cut-off export.
      response.destroy();
      return;
    }
    response.status(STATUS_BY_CODE[error.code] ?? 400).json({ __type: error.code, message: error.message });
    return;
  }
  logger.error({ requestId, err: error instanceof Error ? error.message : String(error) }, "pool transfer failed");
  if (response.headersSent) response.destroy();
  else
    response
      .status(500)
      .json({ __type: "InternalErrorException", message: `Internal error (request id ${requestId}).` });
}

const passphraseOf = (request: Request): string | null => {
  const value = request.headers[EXPORT_PASSPHRASE_HEADER];
  return typeof value === "string" && value !== "" ? value : null;
};

/**
 * Pool export and import over HTTP with an admin key (Authorization: Bearer …), streamed both ways
 * as application/x-ndjson (core/pool-transfer/export-format.ts). GraphQL answers one JSON document, so a
 * pool of millions of users cannot go through it; the CLI calls the same core services directly.
 */
export function createPoolTransferRouter(deps: {
  adminKeys: AdminKeyService;
  poolExport: PoolExportService;
  poolImport: PoolImportService;
  logger: Logger;
  /** How long the import's body may pause, and take in all (http/body-deadline.ts). */
  deadlines: UploadDeadlines;
}): Router {
  const router = Router();

  router.get(POOL_EXPORT_PATH, async (request: Request, response: Response) => {
    const requestId = requestIdOf(request);
    try {
      const principal = await deps.adminKeys.authenticate(readBearerToken(request.headers.authorization));
      const lines = await deps.poolExport.exportPool(principal, String(request.params.poolId), {
        passphrase: passphraseOf(request),
      });
      response.status(200).type("application/x-ndjson").setHeader("Cache-Control", "no-store");
      response.setHeader(
        "Content-Disposition",
        `attachment; filename="${String(request.params.poolId).replace(/[^\w-]/g, "_")}.ndjson"`,
      );
      for await (const line of lines) {
        if (response.destroyed) return;
        // Back-pressure: a slow reader holds the export, never a growing buffer.
        if (!response.write(`${line}\n`)) await Promise.race([once(response, "drain"), once(response, "close")]);
      }
      response.end();
    } catch (error) {
      sendError(response, deps.logger, requestId, error);
    }
  });

  router.post(POOL_IMPORT_PATH, async (request: Request, response: Response) => {
    const requestId = requestIdOf(request);
    try {
      const principal = await deps.adminKeys.authenticate(readBearerToken(request.headers.authorization));
      // Read for as long as it keeps coming: a pool of millions of users streams for longer than any fixed deadline.
      const body = Readable.from(readUploadBody(request, deps.deadlines), { objectMode: false });
      const lines = createInterface({ input: body, crlfDelay: Infinity });
      const summary = await deps.poolImport.importPool(principal, lines, { passphrase: passphraseOf(request) });
      response.status(200).json(summary);
    } catch (error) {
      // The rest of a refused body is not read: close the connection instead.
      response.setHeader("Connection", "close");
      // The client stopped sending: 408 RequestTimeoutException, logged as the edge logs its refusals.
      if (isBodyTimeout(error)) return answerEdgeError(deps.logger, request, response, error);
      sendError(response, deps.logger, requestId, error);
    }
  });

  return router;
}
