/**
 * The listUsers benchmark's harness (list-users.bench.test.ts): the client thread that times HTTP requests
 * and statements, the gateway's own mysql2 settings for that client's connection, a CPU profile of the
 * gateway's thread, and the execution of a page measured alone (compiled, and on graphql-js).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { Session } from "node:inspector";
import path from "node:path";
import { execute, type DocumentNode, type GraphQLSchema } from "graphql";
import { compileQuery, isCompiledQuery } from "graphql-jit";
import type { ConnectionOptions } from "mysql2/promise";
import type { MysqlDriver } from "typeorm/driver/mysql/MysqlDriver.js";
import type { DatabaseTarget } from "../../src/config/index.js";
import type { ListUsersResult } from "../../src/core/users/list-users.service.js";
import { createDataSource } from "../../src/infra/typeorm/data-source.js";
import { ListUsersDocument } from "../support/generated/graphql.js";
import { startTypeScriptWorker } from "../support/ts-worker.js";
import { cpuSince, snapshotCpu } from "./bench-stats.js";
import type { ListUsersTask, ListUsersVariables } from "./list-users-load.worker.js";

/** Profiles this thread (the gateway's) while `work` runs, into `file`; just runs it without a file. */
export async function profiled<T>(file: string | null, work: () => Promise<T>): Promise<T> {
  if (!file) return work();
  const session = new Session();
  session.connect();
  const post = (method: string, params?: object) =>
    new Promise<unknown>((resolve, reject) =>
      session.post(method, params, (error, result) => (error ? reject(error) : resolve(result))),
    );
  await post("Profiler.enable");
  await post("Profiler.setSamplingInterval", { interval: 100 });
  await post("Profiler.start");
  try {
    return await work();
  } finally {
    const { profile } = (await post("Profiler.stop")) as { profile: unknown };
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify(profile));
    session.disconnect();
  }
}

export function startClient(): { run<T>(task: ListUsersTask): Promise<T>; terminate(): Promise<number> } {
  const worker = startTypeScriptWorker(path.join(__dirname, "list-users-load.worker.ts"));
  worker.unref();
  let queue: Promise<unknown> = Promise.resolve();
  return {
    run<T>(task: ListUsersTask): Promise<T> {
      const next = queue.then(
        () =>
          new Promise<T>((resolve, reject) => {
            worker.once("message", (reply: { ok: boolean; result?: T; error?: string }) =>
              reply.ok ? resolve(reply.result!) : reject(new Error(reply.error)),
            );
            worker.postMessage(task);
          }),
      );
      queue = next.catch(() => undefined);
      return next;
    },
    terminate: () => worker.terminate(),
  };
}

/** The gateway's own mysql2 settings (TypeORM builds them from the data source's options), for one connection. */
export function gatewayConnectionOptions(target: DatabaseTarget): ConnectionOptions {
  // createConnectionOptions is how the driver builds its pool's options; protected, but the exact source.
  const driver = createDataSource(target).driver as unknown as Pick<MysqlDriver, "options"> & {
    createConnectionOptions(options: unknown, credentials: unknown): ConnectionOptions & { connectionLimit?: number };
  };
  const { connectionLimit: _pool, ...options } = driver.createConnectionOptions(driver.options, driver.options);
  return JSON.parse(JSON.stringify(options)) as ConnectionOptions;
}

/**
 * The gateway thread's CPU per page for executing listUsers' document over pages already read (the
 * resolver's service answers from memory; the admin key is accepted) and stringifying the result as
 * Apollo does: compiled with graphql-jit, as the gateway runs a document from its second run on, and on
 * graphql-js, as it runs the first. Each repeated ~2,000 times, so one slow execution or collection
 * does not decide it.
 */
export async function graphqlExecutionCpuMs(
  schema: GraphQLSchema,
  pages: { variables: ListUsersVariables; page: ListUsersResult }[],
): Promise<{ compiled: number; graphqlJs: number }> {
  const document = ListUsersDocument as unknown as DocumentNode;
  const compiled = compileQuery(schema, document);
  if (!isCompiledQuery(compiled)) throw new Error("graphql-jit refused listUsers' document");
  const repeats = Math.max(1, Math.ceil(2_000 / pages.length));
  const runAll = async (onCompiled: boolean) => {
    for (const { variables, page } of pages) {
      const contextValue = {
        bearerToken: "bench",
        services: {
          adminKeys: { authenticate: async () => ({ keyId: "bench", poolScope: null }) },
          listUsers: { listUsers: async () => page },
        },
      };
      const result = onCompiled
        ? await compiled.query(undefined, contextValue, { ...variables })
        : await execute({ schema, document, contextValue, variableValues: { ...variables } });
      if (result.errors) throw result.errors[0];
      JSON.stringify(result);
    }
  };
  const measure = async (onCompiled: boolean) => {
    await runAll(onCompiled);
    const before = snapshotCpu();
    for (let round = 0; round < repeats; round++) await runAll(onCompiled);
    return cpuSince(before).milliseconds.gatewayThread / (repeats * pages.length);
  };
  return { compiled: await measure(true), graphqlJs: await measure(false) };
}
