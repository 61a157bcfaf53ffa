import { createRequire } from "node:module";
import { defineConfig } from "vitest/config";

const require = createRequire(import.meta.url);

/** Benchmarks that seed and print numbers: never part of `npm test`, run one by one (npm run bench:list-users). */
export default defineConfig({
  root: new URL("../..", import.meta.url).pathname,
  resolve: {
    // One copy of graphql: type-graphql and Apollo must see the same module instance.
    alias: { graphql: require.resolve("graphql") },
  },
  test: {
    include: ["test/bench/**/*.bench.test.ts"],
    testTimeout: 3_600_000,
    hookTimeout: 600_000,
    pool: "forks",
    setupFiles: ["reflect-metadata"],
  },
});
