import type { RequestHandler } from "express";
import type { IncomingMessage, ServerResponse } from "node:http";
import { BodyFault } from "./request-body.js";

/**
 * How long the gateway waits for a request body. Node's own limit (server.requestTimeout, 300 s by
 * default) is one deadline for every request, so it either cut a pool import that streamed for longer
 * (a 408 after ~329 s) or, raised, let a client that trickles its body hold a socket for as long.
 * It is off (api/server.ts); these deadlines replace it, per kind of request.
 */
export interface BodyDeadlines {
  /**
   * Every request but the streaming uploads: its whole body must be in within this long of the read's
   * start. Bodies are at most 256 KB (a sign-in form 32 KB), so only a client on a very poor link or one
   * holding the socket on purpose takes longer.
   */
  bodyTimeoutMs: number;
  /**
   * The streaming uploads (a CSV to an import job's pre-signed URL, POST /admin/pools/import): the longest
   * wait for the client's next bytes. Counted only while the gateway is waiting for them, never while it
   * is busy writing what it has already read (a slow database holds the client back, not the other way).
   */
  uploadIdleTimeoutMs: number;
  /** The streaming uploads: their whole body, however steadily it flows. */
  uploadTimeoutMs: number;
}

/**
 * The defaults. Idle for a minute is a dead or stalled client (nginx's client_body_timeout is the same
 * minute between two reads). Six hours fits a pool import of well over ten million users at the import
 * rates the README measures; the CLI (`pool import`, `user-import run`) has no such cap.
 */
export const DEFAULT_BODY_DEADLINES: Readonly<BodyDeadlines> = Object.freeze({
  bodyTimeoutMs: 30_000,
  uploadIdleTimeoutMs: 60_000,
  uploadTimeoutMs: 6 * 60 * 60_000,
});

const timeoutFault = () => new BodyFault(408, "request.timeout");

/** Whether an error is a body read that ran past its deadline (the answer then closes the connection). */
export function isBodyTimeout(error: unknown): error is BodyFault {
  return error instanceof BodyFault && error.type === "request.timeout";
}

/**
 * An Express body parser (express.json, raw, urlencoded) with a deadline: a body not in within
 * `timeoutMs` is the route's error (`request.timeout`, answered 408 in the route's own shape). The
 * parser itself would wait for the rest as long as it trickled in and, even after an error, reads a
 * body off to its end before giving up; the answer closes the connection instead, which also ends the
 * parser's wait (its late callback is dropped).
 */
export function withBodyDeadline(parse: RequestHandler, timeoutMs: number): RequestHandler {
  return (request, response, next) => {
    let isSettled = false;
    const timer = setTimeout(() => {
      if (isSettled) return;
      isSettled = true;
      response.setHeader("Connection", "close");
      next(timeoutFault());
    }, timeoutMs);
    void parse(request, response, (error?: unknown) => {
      clearTimeout(timer);
      if (isSettled) return;
      isSettled = true;
      next(error);
    });
  };
}

/**
 * Bounds a body that nothing reads (a route that answers without it, an unknown path, a preflight):
 * Node reads such a body off to its end after the answer, to keep the connection, and with
 * server.requestTimeout off nothing else would stop a client that trickles one. Past `timeoutMs` a body
 * still arriving is cut with its connection as soon as the answer is out (at once if it already is);
 * `onCut` reports it. Readers with their own deadline (readBody, withBodyDeadline) answer first.
 */
export function limitUnreadBody(
  request: IncomingMessage,
  response: ServerResponse,
  { timeoutMs, bodyTimeoutMs }: { timeoutMs: number; bodyTimeoutMs: number },
  onCut: () => void,
): void {
  const cut = () => {
    if (request.complete || request.socket.destroyed) return;
    // An answer that closes the connection (a reader's own 408) ends the body with it: nothing to cut.
    if (String(response.getHeader("connection")).toLowerCase() === "close") return;
    onCut();
    request.socket.destroy();
  };
  const timer = setTimeout(() => {
    if (request.complete) return;
    if (response.writableFinished) cut();
    else response.once("finish", cut);
  }, timeoutMs);
  // Once answered, a body still arriving is read by nobody: it gets an ordinary body's time from the
  // answer, whatever its own deadline (an upload route refused before reading, a 404 on an upload path).
  let afterAnswer: NodeJS.Timeout | undefined;
  response.once("finish", () => {
    if (!request.complete) afterAnswer = setTimeout(cut, Math.min(timeoutMs, bodyTimeoutMs));
  });
  const clear = () => {
    clearTimeout(timer);
    clearTimeout(afterAnswer);
  };
  request.once("end", clear);
  request.once("close", clear);
}

/** A streaming upload's deadlines (BodyDeadlines' upload fields). */
export interface UploadDeadlines {
  idleTimeoutMs: number;
  timeoutMs: number;
}

/**
 * A streaming upload's body, chunk by chunk, as the import reads it: a wait of more than `idleTimeoutMs`
 * for the client's next bytes, or a body not ended within `timeoutMs`, throws `request.timeout` to the
 * reader. The idle clock runs only while the reader waits for bytes (a pending next()), so time the
 * import spends on what it has read never counts against the client. The request is not destroyed: the
 * caller's answer closes the connection.
 */
export async function* readUploadBody(
  request: IncomingMessage,
  { idleTimeoutMs, timeoutMs }: UploadDeadlines,
): AsyncGenerator<Buffer, void, undefined> {
  const chunks = request.iterator({ destroyOnReturn: false }) as AsyncIterableIterator<Buffer>;
  let isOverdue = false;
  let expireWait: ((fault: BodyFault) => void) | null = null;
  const overall = setTimeout(() => {
    isOverdue = true;
    expireWait?.(timeoutFault());
  }, timeoutMs);
  // A reader that stops early (a refused upload) never finishes this loop: the connection's close ends the cap.
  const endCap = () => clearTimeout(overall);
  request.once("close", endCap);
  try {
    for (;;) {
      if (isOverdue) throw timeoutFault();
      const next = chunks.next();
      let idle: NodeJS.Timeout | undefined;
      const expired = new Promise<never>((_resolve, reject) => {
        expireWait = reject;
        idle = setTimeout(() => reject(timeoutFault()), idleTimeoutMs);
      });
      let result: IteratorResult<Buffer>;
      try {
        result = await Promise.race([next, expired]);
      } catch (error) {
        // The read still pending fails when the connection closes: nobody is left to hear it.
        next.catch(() => undefined);
        throw error;
      } finally {
        clearTimeout(idle);
        expireWait = null;
      }
      if (result.done) return;
      yield result.value;
    }
  } finally {
    endCap();
    request.removeListener("close", endCap);
  }
}
