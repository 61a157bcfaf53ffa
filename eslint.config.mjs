// Lint = the architecture's import rules (STYLE.md): core stays pure, api and infra never meet.
// src/cli (the admin CLI) is a composition root like app.ts and main.ts: it may import every ring, none imports it.
import tseslint from "typescript-eslint";

const FRAMEWORKS_DRIVERS_CRYPTO = [
  "typeorm",
  "typeorm/*",
  "mysql2",
  "mysql2/*",
  "better-sqlite3",
  "ioredis",
  "graphql",
  "graphql/*",
  "type-graphql",
  "@apollo/*",
  "graphql-ws",
  "graphql-ws/*",
  "graphql-scalars",
  "express",
  "ws",
  "jose",
  "bcrypt",
  "otplib",
  "pino",
  "node:crypto",
  "crypto",
  "node:http",
  "node:fs",
  "fs",
  "@escape.tech/*",
];

const restrict = (patterns) => [
  "error",
  { patterns: patterns.map((group) => ({ group: [group], message: "Forbidden by the layer rules in STYLE.md" })) },
];

export default tseslint.config(
  { ignores: ["dist/**", "node_modules/**", "test/support/generated/**"] },
  {
    files: ["**/*.ts"],
    languageOptions: { parser: tseslint.parser },
    plugins: { "@typescript-eslint": tseslint.plugin },
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" },
      ],
    },
  },
  {
    files: ["src/core/**/*.ts"],
    rules: {
      "no-restricted-imports": restrict([
        ...FRAMEWORKS_DRIVERS_CRYPTO,
        "**/infra/**",
        "**/api/**",
        "**/config/**",
        "**/app.js",
        "**/main.js",
        "**/cli/**",
      ]),
    },
  },
  {
    files: ["src/lib/**/*.ts"],
    rules: {
      "no-restricted-imports": restrict(["**/core/**", "**/infra/**", "**/api/**", "**/config/**", "**/cli/**"]),
    },
  },
  {
    files: ["src/api/**/*.ts"],
    rules: {
      "no-restricted-imports": restrict([
        "**/infra/**",
        "typeorm",
        "ioredis",
        "mysql2",
        "better-sqlite3",
        "bcrypt",
        "**/app.js",
        "**/cli/**",
      ]),
    },
  },
  {
    files: ["src/infra/**/*.ts"],
    rules: {
      "no-restricted-imports": restrict([
        "**/api/**",
        "graphql",
        "type-graphql",
        "@apollo/*",
        "express",
        "**/app.js",
        "**/cli/**",
      ]),
    },
  },
  {
    files: ["src/**/*.ts"],
    ignores: ["src/config/**", "src/lib/clock.ts"],
    rules: {
      "no-restricted-properties": [
        "error",
        { object: "process", property: "env", message: "Only src/config reads the environment" },
      ],
      "no-restricted-syntax": [
        "error",
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: "Read the time from the injected Clock (src/lib/clock)",
        },
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: "Read the time from the injected Clock (src/lib/clock)",
        },
        {
          selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']",
          message: "Use src/lib/random (a CSPRNG)",
        },
      ],
    },
  },
);
