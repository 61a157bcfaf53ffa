import { STATUS_CODES, type IncomingMessage } from "node:http";
import { Socket } from "node:net";
import type { Duplex } from "node:stream";
import type { Logger } from "../../core/ports.js";
import { randomUuid } from "../../lib/random.js";
import type { EdgeErrorType } from "./edge-errors.js";

/** How long a refused upgrade's socket may stay idle after the answer before it is destroyed. */
const UPGRADE_REFUSAL_LINGER_MS = 2_000;

/**
 * Refuses a WebSocket upgrade in the gateway's JSON shape, as the edge answers any other request: the
 * GraphQL error shape on the GraphQL path, `{"__type", "message"}` elsewhere, with a request id and one
 * log line. ws itself would answer with a text/html body and log nothing.
 */
export function refuseUpgrade(
  logger: Logger,
  refusal: { request: IncomingMessage; socket: Duplex; path: string; isGraphqlPath: boolean },
  status: number,
  type: EdgeErrorType,
  message: string,
): void {
  const { request, socket, path, isGraphqlPath } = refusal;
  const requestId = randomUuid();
  const body = JSON.stringify(
    isGraphqlPath ? { errors: [{ message, extensions: { code: type } }] } : { __type: type, message },
  );
  logger.info({ requestId, method: request.method, path, status, reason: type }, "WebSocket upgrade refused");
  if (!socket.writable) return void socket.destroy();
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ""}\r\n` +
      "Connection: close\r\n" +
      "Content-Type: application/json; charset=utf-8\r\n" +
      "Cache-Control: no-store\r\n" +
      `x-request-id: ${requestId}\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
  // end() only half-closes: a client that never closes its side would hold the socket, which no server
  // timeout watches once it is handed to the upgrade. It gets a few idle seconds to read the answer and
  // close (destroying at once could reset the connection before the client has read it).
  if (socket instanceof Socket) socket.setTimeout(UPGRADE_REFUSAL_LINGER_MS, () => socket.destroy());
}
