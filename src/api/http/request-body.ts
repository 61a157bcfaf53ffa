import type { IncomingMessage } from "node:http";

/**
 * Reading a request body without Express, for the two paths the edge serves straight from node:http
 * (POST /graphql and the AWS protocol; http/edge.ts). The faults carry body-parser's `type`s, so
 * edge-errors.ts answers and logs them exactly as it does the parser's on the Express routes. Only
 * bodies sent without a Content-Encoding come here: anything else goes to Express's parsers.
 */

/** The Content-Types express.json() reads as UTF-8 JSON without a question; any other goes to Express's parser. */
const PLAIN_JSON_TYPES = new Set([
  "application/json",
  "application/json; charset=utf-8",
  "application/json;charset=utf-8",
]);

/** Whether a Content-Type header is one of the plain JSON types (never a CORS-simple request's). */
export const isPlainJsonType = (contentType: string | undefined): boolean =>
  contentType !== undefined && PLAIN_JSON_TYPES.has(contentType.trim().toLowerCase());

/** A body fault as body-parser reports one: a status and a type edge-errors.ts knows. Never the body. */
export class BodyFault extends Error {
  constructor(
    readonly status: number,
    readonly type: "entity.too.large" | "request.aborted" | "entity.parse.failed" | "request.timeout",
  ) {
    super(type);
    this.name = "BodyFault";
  }
}

/** Whether the request has a body to read (a Content-Length or a Transfer-Encoding, as type-is's hasBody). */
export function hasBody(request: IncomingMessage): boolean {
  return (
    request.headers["transfer-encoding"] !== undefined ||
    (request.headers["content-length"] !== undefined && !Number.isNaN(Number(request.headers["content-length"])))
  );
}

/** Whether the body arrives as sent (no Content-Encoding, or `identity`): only such a body is read here. */
export function isIdentityEncoded(request: IncomingMessage): boolean {
  const encoding = request.headers["content-encoding"];
  return encoding === undefined || encoding.toLowerCase() === "identity";
}

/**
 * Reads the whole body, up to `limitBytes`. A larger one (declared or sent) is read off to its end and
 * then refused with 413, as body-parser does, so the client gets the answer rather than a reset; its
 * bytes are dropped as they come. A body not in within `timeoutMs` is refused with 408
 * (`request.timeout`, http/body-deadline.ts): a client trickling it would otherwise hold the socket.
 */
export function readBody(request: IncomingMessage, limitBytes: number, timeoutMs: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = request.headers["content-length"] === undefined ? null : Number(request.headers["content-length"]);
    let isTooLarge = declared !== null && declared > limitBytes;
    const chunks: Buffer[] = [];
    let received = 0;
    const cleanUp = () => {
      clearTimeout(timer);
      request.removeListener("data", onData);
      request.removeListener("end", onEnd);
      request.removeListener("error", onAbort);
      request.removeListener("aborted", onAbort);
      request.removeListener("close", onClose);
    };
    const onData = (chunk: Buffer) => {
      received += chunk.length;
      if (received > limitBytes) isTooLarge = true;
      if (!isTooLarge) chunks.push(chunk);
      else chunks.length = 0;
    };
    const onEnd = () => {
      cleanUp();
      if (isTooLarge) reject(new BodyFault(413, "entity.too.large"));
      else resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, received));
    };
    const onAbort = () => {
      cleanUp();
      reject(new BodyFault(400, "request.aborted"));
    };
    // The socket went away before the body ended (no "end" will come).
    const onClose = () => {
      if (!request.complete) onAbort();
    };
    // The rest is not read: the answer closes the connection (edge-errors.ts).
    const timer = setTimeout(() => {
      cleanUp();
      reject(new BodyFault(408, "request.timeout"));
    }, timeoutMs);
    request.on("data", onData);
    request.once("end", onEnd);
    request.once("error", onAbort);
    request.once("aborted", onAbort);
    request.once("close", onClose);
  });
}

/**
 * A JSON body as express.json() reads one: UTF-8 (a byte-order mark dropped), empty = `{}`, and only an
 * object or an array at the top (strict). Anything else is body-parser's `entity.parse.failed`.
 */
export function parseJsonBody(body: Buffer): unknown {
  let text = body.toString("utf8");
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.length === 0) return {};
  const first = text[0] === "{" || text[0] === "[" ? text[0] : /^[\x20\x09\x0a\x0d]*(.)/s.exec(text)?.[1];
  if (first !== "{" && first !== "[") throw new BodyFault(400, "entity.parse.failed");
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new BodyFault(400, "entity.parse.failed");
  }
}
