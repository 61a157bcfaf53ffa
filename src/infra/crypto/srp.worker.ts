import { parentPort } from "node:worker_threads";
import { createSrpServer } from "./srp-server.js";
import type { SrpWorkerReply, SrpWorkerRequest } from "./srp-workers.js";

/**
 * One SRP worker thread (srp-workers.ts): runs the server's modular exponentiations off the gateway's
 * event loop. Replies carry only the result or a fixed error text, never the request's values.
 */
const math = createSrpServer();

parentPort!.on("message", (request: SrpWorkerRequest) => {
  let reply: SrpWorkerReply;
  try {
    reply =
      request.method === "startChallenge"
        ? { id: request.id, ok: true, value: math.startChallenge(request.verifierHex) }
        : { id: request.id, ok: true, value: math.expectedSignature(request.args) };
  } catch {
    reply = { id: request.id, ok: false };
  }
  parentPort!.postMessage(reply);
});
