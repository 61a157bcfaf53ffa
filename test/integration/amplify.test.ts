import { Amplify } from "aws-amplify";
import { fetchAuthSession, signIn, signOut } from "aws-amplify/auth";
import { cognitoUserPoolsTokenProvider } from "aws-amplify/auth/cognito";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { BACKENDS } from "../support/backends.js";
import { createPoolWithClient, GOOD_PASSWORD, uniqueName } from "../support/directory.js";
import type { CreateUserPoolClientInput } from "../support/generated/graphql.js";
import { createConfirmedUser, signInEnv } from "../support/sign-in.js";
import { getTestApp, type TestApp } from "../support/test-app.js";

/** Amplify's KeyValueStorageInterface, in memory: Node has no localStorage. */
function createMemoryStorage() {
  const items = new Map<string, string>();
  return {
    items,
    setItem: async (key: string, value: string) => void items.set(key, value),
    getItem: async (key: string) => items.get(key) ?? null,
    removeItem: async (key: string) => void items.delete(key),
    clear: async () => items.clear(),
  };
}

/**
 * The latest aws-amplify v6 in Node, unmodified but for userPoolEndpoint: signIn (USER_SRP_AUTH, its
 * default) and fetchAuthSession({ forceRefresh }), which since @aws-amplify/auth 6.14 refreshes with
 * GetTokensFromRefreshToken (reference-oauth §12.3).
 */
describe.each(BACKENDS)("aws-amplify v6 against the gateway on $name", (backend) => {
  let gateway: TestApp;
  const storage = createMemoryStorage();

  beforeAll(async () => {
    gateway = await getTestApp(backend, { env: signInEnv(backend) });
  });
  afterAll(async () => gateway?.close());
  beforeEach(async () => {
    // Amplify keeps one signed-in user; each test starts signed out of its own pool.
    await signOut().catch(() => undefined);
    await storage.clear();
  });

  async function signedInWithAmplify(clientInput: Partial<CreateUserPoolClientInput>) {
    const { poolId, clientId } = await createPoolWithClient(gateway, {}, clientInput);
    const username = uniqueName("amp");
    await createConfirmedUser(gateway, poolId, username, GOOD_PASSWORD);
    Amplify.configure({
      Auth: { Cognito: { userPoolId: poolId, userPoolClientId: clientId, userPoolEndpoint: `${gateway.baseUrl}/` } },
    });
    // After configure, which points the token provider back at its default storage (localStorage).
    cognitoUserPoolsTokenProvider.setKeyValueStorage(storage);
    const result = await signIn({ username, password: GOOD_PASSWORD });
    expect(result).toMatchObject({ isSignedIn: true, nextStep: { signInStep: "DONE" } });
    return { poolId, clientId, username };
  }

  const storedRefreshToken = () =>
    [...storage.items.entries()].find(([key]) => key.endsWith(".refreshToken"))?.[1] ?? null;

  for (const [label, clientInput, rotates] of [
    ["without rotation", {}, false],
    ["with rotation", { refreshTokenRotation: { feature: "ENABLED", retryGracePeriodSeconds: 0 } }, true],
  ] as const) {
    it(`signs in by SRP and refreshes with forceRefresh ${label}`, async () => {
      const { clientId, username } = await signedInWithAmplify(clientInput);
      const before = await fetchAuthSession();
      expect(before.tokens?.accessToken.payload).toMatchObject({ client_id: clientId, username, token_use: "access" });
      const refreshBefore = storedRefreshToken();
      expect(refreshBefore).toBeTruthy();

      const after = await fetchAuthSession({ forceRefresh: true });
      expect(after.tokens?.accessToken.toString()).toBeTruthy();
      expect(after.tokens?.accessToken.toString()).not.toBe(before.tokens?.accessToken.toString());
      expect(after.tokens?.idToken?.toString()).not.toBe(before.tokens?.idToken?.toString());
      expect(after.tokens?.accessToken.payload.jti).not.toBe(before.tokens?.accessToken.payload.jti);
      const refreshAfter = storedRefreshToken();
      if (rotates) expect(refreshAfter).not.toBe(refreshBefore);
      else expect(refreshAfter).toBe(refreshBefore);

      // And again: with rotation, the stored successor is what Amplify sends next.
      const again = await fetchAuthSession({ forceRefresh: true });
      expect(again.tokens?.accessToken.payload.jti).not.toBe(after.tokens?.accessToken.payload.jti);
      if (rotates) expect(storedRefreshToken()).not.toBe(refreshAfter);
    });
  }
});
