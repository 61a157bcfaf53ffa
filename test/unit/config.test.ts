import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { availableParallelism, tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../src/config/index.js";
import { npmStartNodeFlags } from "../support/start-script.js";

const ROOT = path.resolve(__dirname, "../..");
const MAIN = path.join(ROOT, "dist/src/main.js");

/** Runs loadConfig and returns the ConfigError it must throw. */
function configError(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return error as ConfigError;
  }
  throw new Error(`loadConfig accepted ${JSON.stringify(env)}`);
}

/** A Standard Webhooks signing secret: `whsec_` + base64 of 32 bytes. */
const WHSEC = `whsec_${Buffer.alloc(32, 7).toString("base64")}`;
const problemAbout = (error: ConfigError, variable: string) =>
  error.problems.filter((problem) => problem.startsWith(variable));

describe("loadConfig", () => {
  it("documents its defaults", () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 4000,
      host: "0.0.0.0",
      region: "local",
      redisUrl: null,
      publicUrl: "http://localhost:4000",
      adminApiKey: null,
      secretsKey: null,
      nodeEnv: "development",
      logLevel: "info",
      dataDir: path.resolve("data"),
      databaseUrl: `sqlite:${path.resolve("data", "gateway.sqlite")}`,
      database: { dialect: "sqlite", path: path.resolve("data", "gateway.sqlite") },
      graphql: { maxDepth: 10, maxAliases: 15, maxCost: 5000, maxTokens: 2000 },
    });
    expect(Object.isFrozen(config)).toBe(true);
    expect(loadConfig({ NODE_ENV: "test" }).logLevel).toBe("silent");
    expect(loadConfig({ NODE_ENV: "production" }).logLevel).toBe("info");
  });

  it("derives the database and the public URL from DATA_DIR and PORT", () => {
    const config = loadConfig({ DATA_DIR: "/srv/gw", PORT: "8080", PUBLIC_URL: "https://id.example.com/" });
    expect(config.database).toEqual({ dialect: "sqlite", path: "/srv/gw/gateway.sqlite" });
    expect(config.publicUrl).toBe("https://id.example.com");
    expect(loadConfig({ PORT: "8080" }).publicUrl).toBe("http://localhost:8080");
  });

  it("reads a MariaDB URL with a SECRETS_KEY", () => {
    const config = loadConfig({
      DATABASE_URL: "mariadb://gw:p%40ss@db.internal:3307/gateway",
      SECRETS_KEY: "ab".repeat(32),
    });
    expect(config.database).toEqual({
      dialect: "mariadb",
      host: "db.internal",
      port: 3307,
      user: "gw",
      password: "p@ss",
      database: "gateway",
    });
    expect(config.secretsKey).toEqual(Buffer.alloc(32, 0xab));
  });

  it("reports every problem of a bad environment in one ConfigError", () => {
    const error = configError({
      PORT: "abc",
      REGION: "Bad_Region",
      DATABASE_URL: "postgres://x/y",
      LOG_LEVEL: "loud",
      SECRETS_KEY: "short",
      NODE_ENV: "staging",
      ADMIN_API_KEY: "short",
    });
    for (const variable of [
      "PORT",
      "REGION",
      "DATABASE_URL",
      "LOG_LEVEL",
      "SECRETS_KEY",
      "NODE_ENV",
      "ADMIN_API_KEY",
    ]) {
      expect(problemAbout(error, variable), variable).not.toHaveLength(0);
    }
    for (const problem of error.problems) expect(error.message).toContain(problem);
  });

  it("requires SECRETS_KEY with MariaDB, alongside other problems", () => {
    const error = configError({ DATABASE_URL: "mariadb://root@127.0.0.1:3306/gw", PORT: "70000" });
    expect(problemAbout(error, "SECRETS_KEY")).toEqual([expect.stringMatching(/required with a MariaDB/)]);
    expect(problemAbout(error, "PORT")).toHaveLength(1);
    expect(error.problems).toHaveLength(2);
  });

  it("never echoes a secret it rejects", () => {
    const adminKey = "almost a valid key but has spaces";
    const secretsKey = "c2VjcmV0LXNlY3JldC1zZWNyZXQ=";
    const error = configError({
      ADMIN_API_KEY: adminKey,
      SECRETS_KEY: secretsKey,
      DATABASE_URL: "mariadb://root:hunter2pw@127.0.0.1:3306/",
    });
    expect(error.problems.length).toBeGreaterThanOrEqual(3);
    for (const secret of [adminKey, secretsKey, "hunter2pw"]) expect(error.message).not.toContain(secret);
  });

  it("runs SRP on min(2, cores - 1) worker threads by default; SRP_WORKERS sets 0 (inline) to 64", () => {
    expect(loadConfig({}).srpWorkers).toBe(Math.min(2, availableParallelism() - 1));
    expect(loadConfig({ SRP_WORKERS: "0" }).srpWorkers).toBe(0);
    expect(loadConfig({ SRP_WORKERS: "4" }).srpWorkers).toBe(4);
    for (const bad of ["-1", "65", "1.5", "two"])
      expect(problemAbout(configError({ SRP_WORKERS: bad }), "SRP_WORKERS")).toHaveLength(1);
  });

  it("rejects GraphQL limits out of range", () => {
    const error = configError({
      GRAPHQL_MAX_DEPTH: "1",
      GRAPHQL_MAX_TOKENS: "5",
      GRAPHQL_MAX_COST: "-3",
      GRAPHQL_MAX_ALIASES: "1.5",
    });
    for (const variable of ["GRAPHQL_MAX_DEPTH", "GRAPHQL_MAX_TOKENS", "GRAPHQL_MAX_COST", "GRAPHQL_MAX_ALIASES"])
      expect(problemAbout(error, variable)).toHaveLength(1);
  });
});

describe("loadConfig: OUTBOUND_ALLOWED_NETWORKS", () => {
  it("allows no non-public network by default, any with * alone, and reads addresses and CIDR blocks", () => {
    expect(loadConfig({}).outboundAllowedNetworks).toEqual([]);
    expect(loadConfig({ OUTBOUND_ALLOWED_NETWORKS: " * " }).outboundAllowedNetworks).toBe("any");
    expect(loadConfig({ OUTBOUND_ALLOWED_NETWORKS: "10.0.0.0/8, ::1,[fd00::]/8" }).outboundAllowedNetworks).toEqual([
      { address: "10.0.0.0", prefixLength: 8, family: "ipv4" },
      { address: "::1", prefixLength: 128, family: "ipv6" },
      { address: "fd00::", prefixLength: 8, family: "ipv6" },
    ]);
  });

  it("refuses host names, bad prefixes and * among other entries", () => {
    const error = configError({ OUTBOUND_ALLOWED_NETWORKS: "localhost, 10.0.0.0/33, fd00::/129, 10.0.0.0/x, *" });
    expect(problemAbout(error, "OUTBOUND_ALLOWED_NETWORKS")).toHaveLength(5);
  });
});

describe("loadConfig: CORS_ORIGINS", () => {
  it("allows any origin when unset, empty or *", () => {
    for (const env of [{}, { CORS_ORIGINS: "" }, { CORS_ORIGINS: "*" }, { CORS_ORIGINS: " * " }])
      expect(loadConfig(env).corsOrigins).toBeNull();
  });

  it("reads a comma-separated list of exact origins", () => {
    const config = loadConfig({
      CORS_ORIGINS: "https://app.example.com, http://localhost:5173,,https://app.example.com",
    });
    expect(config.corsOrigins).toEqual(["https://app.example.com", "http://localhost:5173"]);
    expect(Object.isFrozen(config.corsOrigins)).toBe(true);
  });

  it("refuses what a browser would never send as an Origin, naming the spelling to use", () => {
    const error = configError({
      CORS_ORIGINS:
        "https://app.example.com/, https://App.Example.com, https://app.example.com:443, app.example.com, ftp://files.example.com, *, https://ok.example.com",
    });
    const problems = problemAbout(error, "CORS_ORIGINS");
    expect(problems).toHaveLength(6);
    expect(problems[0]).toContain('(write "https://app.example.com")');
    expect(problems[1]).toContain('(write "https://app.example.com")');
    expect(problems[2]).toContain('(write "https://app.example.com")');
    expect(problems.join("\n")).not.toContain("ok.example.com");
  });
});

describe("loadConfig: TRUST_PROXY", () => {
  it("trusts no proxy when unset, empty, false or 0: the socket's peer is the client", () => {
    for (const value of [undefined, "", "false", "0"])
      expect(loadConfig(value === undefined ? {} : { TRUST_PROXY: value }).trustProxy).toBe(0);
  });

  it("reads a hop count as a number, as Express's trust proxy takes it", () => {
    expect(loadConfig({ TRUST_PROXY: "1" }).trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: " 2 " }).trustProxy).toBe(2);
  });

  it("reads addresses, CIDRs and Express's names as a trimmed list", () => {
    const config = loadConfig({ TRUST_PROXY: "loopback, 10.0.0.0/8 ,2001:db8::1, uniquelocal" });
    expect(config.trustProxy).toEqual(["loopback", "10.0.0.0/8", "2001:db8::1", "uniquelocal"]);
    expect(Object.isFrozen(config.trustProxy)).toBe(true);
  });

  it("refuses what Express would not parse, true (every client picks its address) and an absurd hop count", () => {
    for (const value of ["10.0.0.0/33", "proxy.internal", "loopback,,10.0.0.1", "true", "101", "-1"]) {
      const problems = problemAbout(configError({ TRUST_PROXY: value }), "TRUST_PROXY");
      expect(problems, value).toHaveLength(1);
    }
    expect(problemAbout(configError({ TRUST_PROXY: "true" }), "TRUST_PROXY")[0]).toMatch(/hop count|number of proxies/);
  });
});

describe("loadConfig: METRICS_PORT and METRICS_TOKEN", () => {
  const token = "m".repeat(32);

  it("serves /metrics nowhere by default", () => {
    expect(loadConfig({}).metrics).toEqual({ port: null, token: null });
    expect(loadConfig({ METRICS_PORT: "", METRICS_TOKEN: "" }).metrics).toEqual({ port: null, token: null });
  });

  it("reads a port of its own (0 = any free one) and a bearer token", () => {
    const config = loadConfig({ METRICS_PORT: "9464", METRICS_TOKEN: token });
    expect(config.metrics).toEqual({ port: 9464, token });
    expect(Object.isFrozen(config.metrics)).toBe(true);
    expect(loadConfig({ METRICS_PORT: "0" }).metrics.port).toBe(0);
  });

  it("refuses a bad port, the public port, /metrics as AWS_JSON_PATH and a short token, quoting no token", () => {
    for (const value of ["x", "-1", "65536", "4000"])
      expect(problemAbout(configError({ METRICS_PORT: value }), "METRICS_PORT"), value).toHaveLength(1);
    expect(problemAbout(configError({ PORT: "8080", METRICS_PORT: "8080" }), "METRICS_PORT")[0]).toContain(
      "differ from PORT",
    );
    expect(problemAbout(configError({ AWS_JSON_PATH: "/metrics" }), "AWS_JSON_PATH")).toHaveLength(1);
    for (const bad of ["short-token", `${token} x`, "t".repeat(513)]) {
      const error = configError({ METRICS_TOKEN: bad });
      expect(problemAbout(error, "METRICS_TOKEN"), bad).toHaveLength(1);
      expect(error.message).not.toContain(bad);
    }
  });
});

describe("loadConfig: message delivery", () => {
  it("defaults to no provider (the outbox) and reads SMTP and the webhook", () => {
    expect(loadConfig({}).messaging).toEqual({ smtp: null, webhook: null });
    const config = loadConfig({
      SMTP_URL: "smtps://mailer:pw@smtp.example.com:465",
      MESSAGE_WEBHOOK_URL: "https://hooks.example.com/sms",
      MESSAGE_WEBHOOK_SECRET: WHSEC,
    });
    expect(config.messaging).toEqual({
      smtp: { url: "smtps://mailer:pw@smtp.example.com:465", from: "no-reply@localhost" },
      webhook: { url: "https://hooks.example.com/sms", secret: WHSEC },
    });
    expect(
      loadConfig({ SMTP_URL: "smtp://127.0.0.1:2525", SMTP_FROM: '"Example" <auth@example.com>' }).messaging.smtp,
    ).toEqual({ url: "smtp://127.0.0.1:2525", from: '"Example" <auth@example.com>' });
  });

  it("lists every messaging problem in one ConfigError, quoting no credential", () => {
    const error = configError({
      SMTP_URL: "http://mailer:hunter2pw@smtp.example.com",
      SMTP_FROM: "nobody",
      MESSAGE_WEBHOOK_URL: "ftp://hooks.example.com/x",
    });
    expect(problemAbout(error, "SMTP_URL")).toEqual([expect.stringMatching(/smtp:\/\/.*smtps:\/\//)]);
    expect(problemAbout(error, "SMTP_FROM")).toHaveLength(1);
    expect(problemAbout(error, "MESSAGE_WEBHOOK_URL")).toHaveLength(1);
    expect(problemAbout(error, "MESSAGE_WEBHOOK_SECRET")).toEqual([
      expect.stringMatching(/required with MESSAGE_WEBHOOK_URL/),
    ]);
    expect(error.message).not.toContain("hunter2pw");
  });

  it("rejects a webhook secret not in the whsec_ form, and a secret without a URL, without echoing it", () => {
    // Standard Webhooks secrets only (#14 item 7c): receivers pass the secret to `new Webhook(secret)`.
    for (const secret of [
      "a-long-enough-secret-value-but-not-whsec",
      `whsec_${Buffer.alloc(16).toString("base64")}`,
      "whsec_not*base64*at*all*pppppppppppppppppppp",
      WHSEC.slice(0, -1),
    ]) {
      const refused = configError({
        MESSAGE_WEBHOOK_URL: "https://hooks.example.com/x",
        MESSAGE_WEBHOOK_SECRET: secret,
      });
      expect(problemAbout(refused, "MESSAGE_WEBHOOK_SECRET")).toEqual([
        expect.stringMatching(/Standard Webhooks secret, "whsec_" \+ base64 of at least 24 bytes/),
      ]);
      expect(refused.message).not.toContain(secret);
    }
    const orphan = configError({ MESSAGE_WEBHOOK_SECRET: WHSEC });
    expect(problemAbout(orphan, "MESSAGE_WEBHOOK_SECRET")).toEqual([
      expect.stringMatching(/without MESSAGE_WEBHOOK_URL/),
    ]);
  });
});

describe("the entry point as npm start runs it (node <its flags> dist/src/main.js)", () => {
  let dataDir: string;
  beforeAll(() => {
    try {
      execFileSync("npx", ["tsc", "-p", "tsconfig.json"], { cwd: ROOT, stdio: "pipe" });
    } catch (error) {
      // tsc emits despite type errors (other work in progress); only a missing output is fatal here.
      if (!existsSync(MAIN)) throw error;
    }
    dataDir = mkdtempSync(path.join(tmpdir(), "gw-main-"));
  }, 120_000);
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  /** A clean environment: nothing leaks in from the test run (e.g. DATABASE_URL of the MariaDB pass). */
  const start = (env: Record<string, string>): ChildProcess =>
    spawn(process.execPath, [...npmStartNodeFlags(), MAIN], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? "", DATA_DIR: dataDir, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });

  /** Collects a child's output; `exitWithin` is a bounded wait for its exit code (SIGKILL after the bound). */
  function watch(child: ChildProcess) {
    const output = { stdout: "", stderr: "" };
    child.stdout!.on("data", (chunk: Buffer) => (output.stdout += chunk.toString()));
    child.stderr!.on("data", (chunk: Buffer) => (output.stderr += chunk.toString()));
    const exit = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
    const exitWithin = (timeoutMs: number) =>
      new Promise<number | null>((resolve, reject) => {
        const timer = setTimeout(() => {
          child.kill("SIGKILL");
          reject(new Error(`process did not exit within ${timeoutMs} ms; stderr: ${output.stderr}`));
        }, timeoutMs);
        void exit.then((code) => {
          clearTimeout(timer);
          resolve(code);
        });
      });
    /** Bounded wait until stdout matches; fails early if the process exits first. */
    const stdoutMatching = (pattern: RegExp, timeoutMs: number) =>
      new Promise<RegExpExecArray>((resolve, reject) => {
        const finish = (error: Error | null, match?: RegExpExecArray) => {
          clearTimeout(timer);
          child.stdout!.off("data", check);
          child.off("exit", onExit);
          if (error) reject(error);
          else resolve(match!);
        };
        const check = () => {
          const match = pattern.exec(output.stdout);
          if (match) finish(null, match);
        };
        const onExit = () => finish(new Error(`exited before printing ${pattern}; stderr: ${output.stderr}`));
        const timer = setTimeout(
          () => finish(new Error(`no ${pattern} within ${timeoutMs} ms in: ${output.stdout}`)),
          timeoutMs,
        );
        child.stdout!.on("data", check);
        child.once("exit", onExit);
        check();
      });
    return { output, exitWithin, stdoutMatching };
  }

  it("exits non-zero and lists every configuration problem in one message", async () => {
    const child = start({ PORT: "abc", REGION: "Bad_Region" });
    const { output, exitWithin } = watch(child);
    expect(await exitWithin(15_000)).not.toBe(0);
    expect(output.stderr.match(/Invalid configuration/g)).toHaveLength(1);
    expect(output.stderr).toMatch(/^\s+- PORT must be an integer/m);
    expect(output.stderr).toMatch(/^\s+- REGION must be/m);
  });

  it("prints a generated admin key once, serves, and exits 0 on SIGTERM", async () => {
    const port = await findFreePort();
    const child = start({ PORT: String(port), HOST: "127.0.0.1" });
    const { output, exitWithin, stdoutMatching } = watch(child);
    try {
      const [, adminKey] = await stdoutMatching(/admin API key[^\n]*:\n\n\s+(\S+)\n/, 30_000);
      const health = await fetch(`http://127.0.0.1:${port}/healthz`);
      expect(health.status).toBe(200);
      expect(await health.json()).toEqual({ status: "ok" });
      const graphql = await fetch(`http://127.0.0.1:${port}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${adminKey}` },
        body: JSON.stringify({ query: "{ userPools(first: 1) { nextCursor } }" }),
      });
      expect(await graphql.json()).toEqual({ data: { userPools: { nextCursor: null } } });
      // The key goes to the terminal once, never into the JSON log lines.
      const logLines = output.stdout.split("\n").filter((line) => line.startsWith("{"));
      expect(logLines.length).toBeGreaterThan(0);
      for (const line of logLines) expect(line).not.toContain(adminKey!);
      expect(output.stdout.split(adminKey!)).toHaveLength(2);
    } finally {
      child.kill("SIGTERM");
    }
    expect(await exitWithin(10_000)).toBe(0);
  }, 60_000);
});

async function findFreePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (typeof address !== "object" || !address) throw new Error("no port");
  return address.port;
}
