/** Prints the GraphQL schema, sorted, to schema/schema.graphql (or checks it with --check). */
import "reflect-metadata";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { lexicographicSortSchema, printSchema } from "graphql";
import { buildGatewaySchema } from "../api/graphql/schema.js";
import { findProjectRoot } from "./project-root.js";

export const SCHEMA_FILE = path.join(findProjectRoot(), "schema", "schema.graphql");

export async function renderSchema(): Promise<string> {
  return `${printSchema(lexicographicSortSchema(await buildGatewaySchema()))}\n`;
}

async function main(): Promise<void> {
  const rendered = await renderSchema();
  if (process.argv.includes("--check")) {
    const current = readFileSync(SCHEMA_FILE, "utf8");
    if (current !== rendered) {
      process.stderr.write("schema/schema.graphql is stale: run npm run schema:emit\n");
      process.exit(1);
    }
    return;
  }
  writeFileSync(SCHEMA_FILE, rendered);
  process.stdout.write(`wrote ${SCHEMA_FILE}\n`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  });
}
