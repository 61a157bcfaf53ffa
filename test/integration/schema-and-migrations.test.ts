import "reflect-metadata";
import { generate } from "@graphql-codegen/cli";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import codegenConfig from "../../codegen.js";
import { loadConfig } from "../../src/config/index.js";
import { measureSchemaDrift } from "../../src/infra/typeorm/schema-drift.js";
import { renderSchema, SCHEMA_FILE } from "../../src/tools/emit-schema.js";
import { externalBackendConfigured } from "../support/backends.js";

const root = path.resolve(__dirname, "../..");

describe("generated artefacts are current", () => {
  it("schema/schema.graphql matches the schema built from the resolvers (run npm run schema:emit)", async () => {
    expect(readFileSync(SCHEMA_FILE, "utf8")).toBe(await renderSchema());
  });

  it("test/support/generated/graphql.ts matches test/**/*.graphql (run npm run codegen)", async () => {
    const outputs = (await generate({ ...codegenConfig, cwd: root, silent: true }, false)) as {
      filename: string;
      content: string;
    }[];
    for (const output of outputs) {
      expect(readFileSync(path.resolve(root, output.filename), "utf8"), output.filename).toBe(output.content);
    }
  });

  it("SQLite migrations create exactly the schema the entities describe (run npm run migrations:generate)", async () => {
    const drift = await measureSchemaDrift({ dialect: "sqlite", path: "unused" });
    expect(drift.up.map((query) => query.query)).toEqual([]);
  });

  it.skipIf(!externalBackendConfigured)(
    "MariaDB migrations create exactly the schema the entities describe",
    async () => {
      const config = loadConfig({
        DATABASE_URL: process.env.DATABASE_URL,
        SECRETS_KEY: "0".repeat(64),
        NODE_ENV: "test",
      });
      const drift = await measureSchemaDrift(config.database);
      expect(drift.up.map((query) => query.query)).toEqual([]);
    },
  );
});
