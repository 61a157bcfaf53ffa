import "reflect-metadata";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { createApp, type App, type AppOverrides } from "../../src/app.js";
import { loadConfig, type Config } from "../../src/config/index.js";
import type { Backend } from "./backends.js";
import { postGraphql, type GraphqlResult } from "./graphql-client.js";

export interface TestApp {
  app: App;
  config: Config;
  url: string;
  baseUrl: string;
  /** An unscoped admin key of this app. */
  adminKey: string;
  /** Calls the API over HTTP with the admin key unless another token (or null) is given. */
  gql<TData, TVariables>(
    document: TypedDocumentNode<TData, TVariables>,
    variables?: TVariables,
    token?: string | null,
  ): Promise<GraphqlResult<TData>>;
  close(): Promise<void>;
}

/**
 * Boots a real gateway on a random port, the way `npm start` does, on the given backend.
 * The embedded backend gets its own SQLite file; the external one shares MariaDB and Redis,
 * and tests isolate themselves by creating their own pools.
 */
export async function getTestApp(
  backend: Backend,
  options: { env?: Record<string, string>; overrides?: AppOverrides; dataDir?: string } = {},
): Promise<TestApp> {
  const dataDir = options.dataDir ?? mkdtempSync(path.join(tmpdir(), "gw-test-"));
  const adminKey = `test-admin-${randomBytes(24).toString("hex")}`;
  const config = loadConfig({
    NODE_ENV: "test",
    PORT: "0",
    HOST: "127.0.0.1",
    DATA_DIR: dataDir,
    ADMIN_API_KEY: adminKey,
    SECRETS_KEY: randomBytes(32).toString("base64"),
    LOG_LEVEL: "silent",
    // Enumeration-safe calls wait at least this long; the timing tests set the production value.
    ENUMERATION_SAFE_MS: "50",
    // Tests on a shared MariaDB each create their own pools; the quota is tested with its own value.
    MAX_USER_POOLS: "10000",
    // Trigger, webhook and migration-source receivers listen on loopback; the default policy is tested on its own.
    OUTBOUND_ALLOWED_NETWORKS: "127.0.0.0/8,::1",
    ...backend.env,
    ...options.env,
  });
  const app = await createApp(config, options.overrides);
  const baseUrl = `http://127.0.0.1:${app.port}`;
  return {
    app,
    config,
    url: app.url,
    baseUrl,
    adminKey,
    gql: (document, variables, token) =>
      postGraphql(app.url, document, variables, { token: token === undefined ? adminKey : token }),
    async close() {
      await app.close();
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
