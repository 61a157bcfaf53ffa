import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BACKENDS } from "../support/backends.js";
import { CreateUserPoolDocument } from "../support/generated/graphql.js";
import { getTestApp, type TestApp } from "../support/test-app.js";

describe.each(BACKENDS)("smoke on $name", (backend) => {
  let gateway: TestApp;
  beforeAll(async () => {
    gateway = await getTestApp(backend);
  });
  afterAll(async () => gateway?.close());

  it("creates a pool", async () => {
    const result = await gateway.gql(CreateUserPoolDocument, { input: { name: "smoke" } });
    expect(result.errors).toBeUndefined();
    expect(result.data?.createUserPool.id).toMatch(/^local_[A-Za-z0-9]{9}$/);
  });
});
