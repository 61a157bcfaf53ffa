import { Router } from "express";
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

/** Only an error code or short reason: /readyz must not print connection strings or stack traces. */
function describeFailure(error: unknown): string {
  const code = (error as { code?: unknown })?.code;
  if (typeof code === "string" && /^[A-Z_]+$/.test(code)) return code;
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/\w+:\/\/\S+/g, "<url>").slice(0, 120);
}

/** `/healthz`: the process answers. `/readyz`: every dependency answers, or 503 naming the one that does not. */
export function createHealthRouter(checks: readonly ReadinessCheck[]): Router {
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
          return [name, `unavailable: ${describeFailure(error)}`] as const;
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
