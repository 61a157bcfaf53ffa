import type { CodegenConfig } from "@graphql-codegen/cli";

/** Typed documents for the tests: every operation in test/**\/*.graphql, checked against schema/schema.graphql. */
const config: CodegenConfig = {
  schema: "schema/schema.graphql",
  documents: ["test/**/*.graphql"],
  generates: {
    "test/support/generated/graphql.ts": {
      plugins: ["typescript", "typescript-operations", "typed-document-node"],
      config: {
        scalars: { DateTimeISO: "string", JSONObject: "Record<string, unknown>" },
        enumsAsTypes: true,
        avoidOptionals: { field: true, inputValue: false, object: false },
        useTypeImports: true,
      },
    },
  },
  hooks: {},
};

export default config;
