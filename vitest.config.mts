import { createRequire } from "node:module";
import { configDefaults, defineConfig } from "vitest/config";

const require = createRequire(import.meta.url);

export default defineConfig({
  resolve: {
    // One copy of graphql: type-graphql and Apollo must see the same module instance.
    alias: { graphql: require.resolve("graphql") },
  },
  test: {
    include: ["test/**/*.test.ts"],
    // Benchmarks seed big databases and only print numbers: run them with their own config (npm run bench:list-users).
    exclude: [...configDefaults.exclude, "test/bench/**"],
    globalSetup: ["test/support/global-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
    // Vitest leaves one core free by default, which is one worker on CI's two cores; the suite mostly waits on
    // MariaDB, Redis and bcrypt, so two workers take it from ~13 to ~8 minutes (tests share no state: own pools,
    // own databases or Redis DBs where they flush or migrate).
    maxWorkers: 2,
    // Each worker loads the gateway's modules (Apollo, TypeORM, the AWS SDK, Amplify) once, not once per file: that
    // loading was ~330 s of the suite's CPU. Safe because tests share no state: each builds its own app and pool,
    // and the few that fake Date or set NODE_ENV restore them.
    isolate: false,
    setupFiles: ["reflect-metadata"],
  },
});
