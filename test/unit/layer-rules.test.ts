import { ESLint } from "eslint";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(__dirname, "../..");
const eslint = new ESLint({ cwd: root });

async function messagesFor(file: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath: path.join(root, file) });
  return result!.messages.map((message) => `${message.ruleId}: ${message.message}`);
}

/** The lint step is what keeps the three rings apart; these prove it bites. */
describe("layer rules enforced by the lint step", () => {
  it.each([
    ["src/core/pools/x.ts", 'import { DataSource } from "typeorm";'],
    ["src/core/pools/x.ts", 'import bcrypt from "bcrypt";'],
    ["src/core/pools/x.ts", 'import { createHash } from "node:crypto";'],
    ["src/core/pools/x.ts", 'import { createDataSource } from "../../infra/typeorm/data-source.js";'],
    ["src/api/graphql/x.ts", 'import { createDataSource } from "../../infra/typeorm/data-source.js";'],
    ["src/infra/typeorm/x.ts", 'import { buildGatewaySchema } from "../../api/graphql/schema.js";'],
  ])("%s may not: %s", async (file, source) => {
    const messages = await messagesFor(file, source);
    expect(messages.some((message) => message.startsWith("no-restricted-imports"))).toBe(true);
  });

  it("forbids reading the environment, the wall clock or Math.random outside their homes", async () => {
    const messages = await messagesFor(
      "src/core/x.ts",
      "export const a = process.env.PORT; export const b = Date.now(); export const c = Math.random();",
    );
    expect(messages.filter((message) => /no-restricted-(properties|syntax)/.test(message ?? ""))).toHaveLength(3);
  });

  it("allows what the rings may use", async () => {
    const layerMessages = async (file: string, source: string) =>
      (await messagesFor(file, source)).filter((message) => message.startsWith("no-restricted"));
    expect(
      await layerMessages(
        "src/core/pools/x.ts",
        'import { randomUuid } from "../../lib/random.js"; export const id = randomUuid;',
      ),
    ).toEqual([]);
    expect(
      await layerMessages(
        "src/infra/typeorm/x.ts",
        'import { DataSource } from "typeorm"; import { CognitoError } from "../../core/errors.js"; export { DataSource, CognitoError };',
      ),
    ).toEqual([]);
  });
});
