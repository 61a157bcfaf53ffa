import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BACKENDS } from "../support/backends.js";
import { createSrpClient } from "../support/cognito-srp-client.js";
import { createPoolWithClient, GOOD_PASSWORD, latestMessage, uniqueName } from "../support/directory.js";
import { ConfirmSignUpDocument, InitiateAuthDocument, RespondToAuthChallengeDocument, SignUpDocument } from "../support/generated/graphql.js";
import { errorCodes, expectData } from "../support/graphql-client.js";
import { getTestApp, type TestApp } from "../support/test-app.js";

describe.each(BACKENDS)("sign-in on $name", (backend) => {
  let gateway: TestApp;
  beforeAll(async () => {
    gateway = await getTestApp(backend);
  });
  afterAll(async () => gateway?.close());

  async function confirmedUser() {
    const { poolId, clientId } = await createPoolWithClient(gateway, { autoVerifiedAttributes: ["email"] });
    const username = uniqueName("si");
    const email = `${username}@example.com`;
    expectData(await gateway.gql(SignUpDocument, { input: { clientId, username, password: GOOD_PASSWORD, userAttributes: [{ name: "email", value: email }] } }, null));
    expectData(await gateway.gql(ConfirmSignUpDocument, { input: { clientId, username, confirmationCode: (await latestMessage(gateway, poolId, email)).code! } }, null));
    return { poolId, clientId, username, email };
  }

  it("signs in with SRP driven by amazon-cognito-identity-js", async () => {
    const { poolId, clientId, username } = await confirmedUser();
    const client = createSrpClient(poolId);
    const started = expectData(await gateway.gql(InitiateAuthDocument, { input: { clientId, authFlow: "USER_SRP_AUTH", authParameters: { USERNAME: username, SRP_A: client.srpA } } }, null)).initiateAuth;
    expect(started.__typename).toBe("AuthChallenge");
    if (started.__typename !== "AuthChallenge") throw new Error("expected a challenge");
    expect(started.challengeName).toBe("PASSWORD_VERIFIER");
    const answer = client.answer(started.challengeParameters, GOOD_PASSWORD);
    const done = expectData(await gateway.gql(RespondToAuthChallengeDocument, { input: { clientId, challengeName: "PASSWORD_VERIFIER", session: started.session, challengeResponses: answer } }, null)).respondToAuthChallenge;
    expect(done.__typename).toBe("AuthenticationResult");
    if (done.__typename !== "AuthenticationResult") throw new Error("expected tokens");
    expect(done.tokenType).toBe("Bearer");
    expect(done.expiresIn).toBe(3600);
    expect(done.refreshToken).toBeTruthy();
  });

  it("refuses a wrong password with the same error as an unknown user", async () => {
    const { poolId, clientId, username } = await confirmedUser();
    const attempt = async (name: string) => {
      const client = createSrpClient(poolId);
      const started = expectData(await gateway.gql(InitiateAuthDocument, { input: { clientId, authFlow: "USER_SRP_AUTH", authParameters: { USERNAME: name, SRP_A: client.srpA } } }, null)).initiateAuth;
      if (started.__typename !== "AuthChallenge") throw new Error("expected a challenge");
      return gateway.gql(RespondToAuthChallenge(), { input: { clientId, challengeName: "PASSWORD_VERIFIER", session: started.session, challengeResponses: client.answer(started.challengeParameters, "Wr0ng-Password!") } }, null);
    };
    const wrong = await attempt(username);
    const unknown = await attempt(uniqueName("ghost"));
    expect(errorCodes(wrong)).toEqual(["NotAuthorizedException"]);
    expect(wrong.errors?.[0]?.message).toBe("Incorrect username or password.");
    expect(unknown.errors).toEqual(wrong.errors);
  });
});

const RespondToAuthChallenge = () => RespondToAuthChallengeDocument;
