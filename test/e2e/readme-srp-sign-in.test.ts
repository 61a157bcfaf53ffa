import { execFile } from "node:child_process";
import { readFileSync, writeFileSync, rmSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BACKENDS } from "../support/backends.js";
import { createPoolWithClient, GOOD_PASSWORD, latestMessage } from "../support/directory.js";
import { ConfirmSignUpDocument, SignUpDocument } from "../support/generated/graphql.js";
import { expectData } from "../support/graphql-client.js";
import { getTestApp, type TestApp } from "../support/test-app.js";

const root = path.resolve(__dirname, "../..");

/** The README promises a working SRP sign-in from JavaScript: run that very snippet against a live gateway. */
describe("README's SRP sign-in example", () => {
  let gateway: TestApp;
  beforeAll(async () => {
    gateway = await getTestApp(BACKENDS[0]!);
  });
  afterAll(async () => gateway?.close());

  it("signs in and prints an access token", async () => {
    const { poolId, clientId } = await createPoolWithClient(gateway, { autoVerifiedAttributes: ["email"] });
    const username = "jane";
    expectData(
      await gateway.gql(
        SignUpDocument,
        {
          input: {
            clientId,
            username,
            password: "Corr3ct-Horse!",
            userAttributes: [{ name: "email", value: "jane@example.com" }],
          },
        },
        null,
      ),
    );
    expectData(
      await gateway.gql(
        ConfirmSignUpDocument,
        {
          input: {
            clientId,
            username,
            confirmationCode: (await latestMessage(gateway, poolId, "jane@example.com")).code!,
          },
        },
        null,
      ),
    );
    expect(GOOD_PASSWORD).toBe("Corr3ct-Horse!");

    const readme = readFileSync(path.join(root, "README.md"), "utf8");
    const snippet = /## Signing in[\s\S]*?```js\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(snippet, "the README has a js block under 'Signing in'").toBeDefined();
    const program = snippet!
      .replace(
        'const GRAPHQL_URL = "http://localhost:4000/graphql";',
        `const GRAPHQL_URL = ${JSON.stringify(gateway.url)};`,
      )
      .replace(
        'const poolId = "local_a1B2c3D4e", clientId = "your-app-client-id"',
        `const poolId = ${JSON.stringify(poolId)}, clientId = ${JSON.stringify(clientId)}`,
      );
    expect(program).toContain(poolId);
    const file = path.join(root, `.readme-snippet-${process.pid}.mjs`);
    writeFileSync(file, program);
    try {
      const { stdout } = await promisify(execFile)(process.execPath, [file], { cwd: root, timeout: 60_000 });
      expect(stdout.trim()).toMatch(/^eyJ[\w-]+\.[\w-]+\.[\w-]+$/);
    } finally {
      rmSync(file, { force: true });
    }
  });
});
