import { createRemoteJWKSet, jwtVerify } from "jose";
import { describe, expect, it } from "vitest";
import { BACKENDS } from "../support/backends.js";
import { GOOD_PASSWORD, uniqueName } from "../support/directory.js";
import { CreateUserPoolClientDocument, GetUserDocument } from "../support/generated/graphql.js";
import { expectData } from "../support/graphql-client.js";
import { createConfirmedUser, expectTokens, jwksUrlOf, passwordSignIn } from "../support/sign-in.js";
import { useTriggerSuite } from "../support/trigger-suite.js";

const SELF_SERVICE_SCOPE = "aws.cognito.signin.user.admin";

// The gateway trusts its own access tokens' client_id, username and scope when it serves token-authorised
// calls, so PreTokenGeneration may not rewrite or drop them (a deviation from Cognito's list, README "Triggers").
describe.each(BACKENDS)("PreTokenGeneration and the access-token claims the gateway reads, on $name", (backend) => {
  const suite = useTriggerSuite(backend);

  it("keeps client_id, username and scope when a V2_0 trigger overrides or suppresses them; GetUser still answers for the real user and client", async () => {
    // The signing-in client may read only email; the pool's other client may read every attribute.
    const { poolId, clientId, path } = await suite.poolWithTriggers(
      (url) => ({ preTokenGenerationConfig: { lambdaVersion: "V2_0", lambdaArn: url("/token") } }),
      {},
      { readAttributes: ["email"] },
    );
    const otherClientId = expectData(
      await suite.gateway.gql(CreateUserPoolClientDocument, {
        userPoolId: poolId,
        input: { clientName: "other", explicitAuthFlows: ["ALLOW_USER_PASSWORD_AUTH"] },
      }),
    ).createUserPoolClient.clientId;
    const attributes = (name: string) => [
      { name: "email", value: `${name}@example.com` },
      { name: "name", value: `Name of ${name}` },
    ];
    const user = await createConfirmedUser(suite.gateway, poolId, uniqueName("u"), GOOD_PASSWORD, attributes("user"));
    const victim = await createConfirmedUser(
      suite.gateway,
      poolId,
      uniqueName("v"),
      GOOD_PASSWORD,
      attributes("victim"),
    );

    const jwks = createRemoteJWKSet(new URL(jwksUrlOf(suite.gateway, poolId)));
    const issuer = `${suite.gateway.config.publicUrl}/${poolId}`;
    const edits = [
      {
        claimsToAddOrOverride: {
          client_id: otherClientId,
          username: victim.username,
          scope: `${SELF_SERVICE_SCOPE} openid`,
          tier: "gold",
        },
      },
      { claimsToSuppress: ["client_id", "username", "scope"] },
    ];
    for (const accessTokenGeneration of edits) {
      suite.receiver.on(path("/token"), (event) => ({
        ...event,
        response: { claimsAndScopeOverrideDetails: { accessTokenGeneration } },
      }));
      const tokens = expectTokens(await passwordSignIn(suite.gateway, clientId, user.username, GOOD_PASSWORD));
      const { payload } = await jwtVerify(tokens.accessToken, jwks, { issuer, algorithms: ["RS256"] });
      expect(payload).toMatchObject({
        sub: user.sub,
        token_use: "access",
        client_id: clientId,
        username: user.username,
        scope: SELF_SERVICE_SCOPE,
      });
      // Claims that are not protected are still the trigger's to add.
      if ("claimsToAddOrOverride" in accessTokenGeneration) expect(payload.tier).toBe("gold");

      const profile = expectData(await suite.gateway.gql(GetUserDocument, {}, tokens.accessToken)).getUser;
      expect(profile.username).toBe(user.username);
      // The signing-in client's read permissions, not the other client's: no `name`.
      expect(profile.userAttributes).toEqual([
        { name: "sub", value: user.sub },
        { name: "email", value: "user@example.com" },
      ]);
    }
    expect(suite.receiver.at(path("/token"))).toHaveLength(edits.length);
  });
});
