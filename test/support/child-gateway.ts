import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import type { Backend } from "./backends.js";
import { COMPILED_ROOT } from "./compiled-gateway.js";
import { postGraphql, type GraphqlResult } from "./graphql-client.js";

/** Test settings a real process cannot take from its environment (see child-gateway.cjs). */
export interface ChildGatewayOverrides {
  userImport?: {
    batchSize?: number;
    leaseSeconds?: number;
    pollIntervalMs?: number;
    batchDelayMs?: number;
    hangInsideBatchFromRow?: number;
  };
}

export interface ChildGateway {
  pid: number;
  baseUrl: string;
  url: string;
  adminKey: string;
  /** The lines it printed so far. */
  lines: string[];
  /** Resolves with the first printed line matching `pattern` (past or future). */
  waitForLine(pattern: RegExp, timeoutMs?: number): Promise<RegExpMatchArray>;
  gql<TData, TVariables>(
    document: TypedDocumentNode<TData, TVariables>,
    variables?: TVariables,
  ): Promise<GraphqlResult<TData>>;
  /** Sends `signal` and resolves once the process is gone. */
  kill(signal: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/**
 * Starts a gateway in another OS process (the compiled tree: call compileGateway() first), configured as
 * getTestApp configures one, on `backend`. `env` adds to it (DATA_DIR and SECRETS_KEY to share an embedded
 * file with an in-process gateway). Resolves once it listens.
 */
export async function startChildGateway(
  backend: Backend,
  env: Record<string, string>,
  overrides: ChildGatewayOverrides = {},
  /** Node and V8 flags before the script, as `node <flags> dist/src/main.js` takes them (e.g. heap sizing). */
  nodeFlags: readonly string[] = [],
): Promise<ChildGateway> {
  const adminKey = env.ADMIN_API_KEY ?? `test-admin-${randomBytes(24).toString("hex")}`;
  const child: ChildProcess = spawn(
    process.execPath,
    [...nodeFlags, path.join(__dirname, "child-gateway.cjs"), COMPILED_ROOT],
    {
      env: {
        PATH: process.env.PATH ?? "",
        NODE_ENV: "test",
        PORT: "0",
        HOST: "127.0.0.1",
        ADMIN_API_KEY: adminKey,
        LOG_LEVEL: "silent",
        ENUMERATION_SAFE_MS: "50",
        MAX_USER_POOLS: "10000",
        OUTBOUND_ALLOWED_NETWORKS: "127.0.0.0/8,::1",
        ...backend.env,
        ...env,
        GATEWAY_TEST_OVERRIDES: JSON.stringify(overrides),
      },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  const lines: string[] = [];
  let stderr = "";
  let buffered = "";
  const waiters = new Set<() => void>();
  child.stdout!.on("data", (chunk: Buffer) => {
    buffered += chunk.toString();
    const parts = buffered.split("\n");
    buffered = parts.pop()!;
    lines.push(...parts);
    waiters.forEach((wake) => wake());
  });
  child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once("exit", (code, signal) => resolve({ code, signal })),
  );
  let hasExited = false;
  void exited.then(() => {
    hasExited = true;
    waiters.forEach((wake) => wake());
  });

  const waitForLine = (pattern: RegExp, timeoutMs = 30_000) =>
    new Promise<RegExpMatchArray>((resolve, reject) => {
      const check = () => {
        const match = lines.map((line) => pattern.exec(line)).find((found) => found !== null);
        if (match) return done(() => resolve(match));
        if (hasExited) done(() => reject(new Error(`the child gateway exited before printing ${pattern}: ${stderr}`)));
      };
      const timer = setTimeout(
        () =>
          done(() => reject(new Error(`the child gateway printed no ${pattern} within ${timeoutMs} ms: ${stderr}`))),
        timeoutMs,
      );
      const done = (settle: () => void) => {
        clearTimeout(timer);
        waiters.delete(check);
        settle();
      };
      waiters.add(check);
      check();
    });

  const port = Number((await waitForLine(/^ready (\d+)$/, 90_000))[1]);
  const baseUrl = `http://127.0.0.1:${port}`;
  return {
    pid: child.pid!,
    baseUrl,
    url: `${baseUrl}/graphql`,
    adminKey,
    lines,
    waitForLine,
    gql: (document, variables) => postGraphql(`${baseUrl}/graphql`, document, variables, { token: adminKey }),
    async kill(signal) {
      if (!hasExited) child.kill(signal);
      return exited;
    },
  };
}
