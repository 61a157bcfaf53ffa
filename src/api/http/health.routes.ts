import { Router } from "express";
import type { Logger } from "../../core/ports.js";
import { methodNotAllowed } from "./edge-errors.js";

export interface ReadinessCheck {
  name: string;
  check(): Promise<void>;
}

const CHECK_TIMEOUT_MS = 2000;

function withTimeout(check: Promise<void>): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(Object.assign(new Error("timed out"), { code: "ETIMEDOUT" })),
      CHECK_TIMEOUT_MS,
    );
    check.then(resolve, reject).finally(() => clearTimeout(timer));
  });
}

/**
 * What /readyz says of a failed check: a fixed word, and the error's code when it has a plain one
 * (`unavailable: ECONNREFUSED`). Never the message: /readyz is public, and a driver's or ioredis's
 * message can name hosts, users, databases or a connection string.
 */
function describeFailure(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && /^[A-Z_]{1,40}$/.test(code) ? `unavailable: ${code}` : "unavailable";
}

/** The failure for the log: its name, code and message, with any URL (a connection string may hold a password) cut out. */
function failureDetailOf(error: unknown): Record<string, unknown> {
  const { name, code } = (error ?? {}) as { name?: unknown; code?: unknown };
  const message = error instanceof Error ? error.message : String(error);
  return {
    name: typeof name === "string" ? name : undefined,
    code: typeof code === "string" || typeof code === "number" ? code : undefined,
    message: message.replace(/\w+:\/\/\S+/g, "<url>").slice(0, 500),
  };
}

/** `/healthz`: the process answers. `/readyz`: every dependency answers, or 503 naming the one that does not. */
/** A failure's detail goes to `logger`: /readyz itself shows only "unavailable" and a code. */
export function createHealthRouter(checks: readonly ReadinessCheck[], logger: Pick<Logger, "warn">): Router {
  const router = Router();
  router.get("/healthz", (_request, response) => {
    response.json({ status: "ok" });
  });
  router.get("/readyz", async (_request, response) => {
    const results = await Promise.all(
      checks.map(async ({ name, check }) => {
        try {
          await withTimeout(check());
          return [name, "ok"] as const;
        } catch (error) {
          logger.warn({ check: name, err: failureDetailOf(error) }, "readiness check failed");
          return [name, describeFailure(error)] as const;
        }
      }),
    );
    const ready = results.every(([, status]) => status === "ok");
    response
      .status(ready ? 200 : 503)
      .set("Cache-Control", "no-store")
      .json({ status: ready ? "ready" : "unavailable", checks: Object.fromEntries(results) });
  });
  router.all(["/healthz", "/readyz"], methodNotAllowed(["GET", "HEAD"]));
  return router;
}
