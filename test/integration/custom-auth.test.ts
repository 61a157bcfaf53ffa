import { describe, expect, it } from "vitest";
import { BACKENDS } from "../support/backends.js";
import { createPoolWithClient, GOOD_PASSWORD, latestMessage, uniqueName } from "../support/directory.js";
import { createSrpClient } from "../support/cognito-srp-client.js";
import {
  AdminCreateUserDocument,
  AdminSetUserMfaPreferenceDocument,
  AdminSetUserPasswordDocument,
  InitiateAuthCustomDocument,
  InitiateAuthDocument,
  RespondToAuthChallengeCustomDocument,
  RespondToAuthChallengeDocument,
  type CreateUserPoolInput,
} from "../support/generated/graphql.js";
import { errorCodes, expectData } from "../support/graphql-client.js";
import { useTriggerSuite } from "../support/trigger-suite.js";

type Session = { challengeName: string; challengeResult: boolean; challengeMetadata?: string }[];

describe.each(BACKENDS)("CUSTOM_AUTH on $name", (backend) => {
  const suite = useTriggerSuite(backend);

  /**
   * A one-question quiz, as the classic Lambda sample does it: one CUSTOM_CHALLENGE, tokens when
   * right, failAuthentication when wrong. With SRP first, PASSWORD_VERIFIER comes before it.
   */
  async function quizPool(poolInput: Partial<CreateUserPoolInput> = {}) {
    const { poolId, clientId, path } = await suite.poolWithTriggers(
      (url) => ({
        defineAuthChallenge: url("/define"),
        createAuthChallenge: url("/create"),
        verifyAuthChallengeResponse: url("/verify"),
      }),
      poolInput,
      { explicitAuthFlows: ["ALLOW_CUSTOM_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"] },
    );
    suite.receiver.on(path("/define"), (event) => {
      const session = event.request.session as Session;
      const last = session.at(-1);
      let response;
      if (last?.challengeName === "SRP_A")
        response = { challengeName: "PASSWORD_VERIFIER", issueTokens: false, failAuthentication: false };
      else if (last?.challengeName === "PASSWORD_VERIFIER")
        response = last.challengeResult
          ? { challengeName: "CUSTOM_CHALLENGE", issueTokens: false, failAuthentication: false }
          : { issueTokens: false, failAuthentication: true };
      else if (last?.challengeName === "CUSTOM_CHALLENGE")
        response = last.challengeResult
          ? { issueTokens: true, failAuthentication: false }
          : { issueTokens: false, failAuthentication: true };
      else response = { challengeName: "CUSTOM_CHALLENGE", issueTokens: false, failAuthentication: false };
      return { ...event, response };
    });
    suite.receiver.on(path("/create"), (event) => ({
      ...event,
      response: {
        publicChallengeParameters: { question: "2+3?" },
        privateChallengeParameters: { answer: "5" },
        challengeMetadata: "QUIZ-1",
      },
    }));
    suite.receiver.on(path("/verify"), (event) => ({
      ...event,
      response: { answerCorrect: event.request.challengeAnswer === event.request.privateChallengeParameters.answer },
    }));
    const username = uniqueName("u");
    const email = `${username}@example.com`;
    expectData(
      await suite.gateway.gql(AdminCreateUserDocument, {
        input: {
          userPoolId: poolId,
          username,
          messageAction: "SUPPRESS",
          temporaryPassword: GOOD_PASSWORD,
          userAttributes: [
            { name: "email", value: email },
            { name: "email_verified", value: "true" },
          ],
        },
      }),
    );
    expectData(
      await suite.gateway.gql(AdminSetUserPasswordDocument, {
        input: { userPoolId: poolId, username, password: GOOD_PASSWORD, permanent: true },
      }),
    );
    return { poolId, clientId, path, username, email };
  }

  const start = (clientId: string, username: string) =>
    suite.gateway.gql(
      InitiateAuthCustomDocument,
      { input: { clientId, authFlow: "CUSTOM_AUTH", authParameters: { USERNAME: username } } },
      null,
    );
  const answer = (clientId: string, session: string, username: string, value: string) =>
    suite.gateway.gql(
      RespondToAuthChallengeCustomDocument,
      {
        input: {
          clientId,
          challengeName: "CUSTOM_CHALLENGE",
          session,
          challengeResponses: { USERNAME: username, ANSWER: value },
        },
      },
      null,
    );

  it("asks the trigger's question and issues tokens for the right answer", async () => {
    const { poolId, clientId, path, username } = await quizPool();
    const challenge = expectData(await start(clientId, username)).initiateAuth;
    if (challenge.__typename !== "AuthChallenge") throw new Error("expected a challenge");
    expect(challenge.challengeName).toBe("CUSTOM_CHALLENGE");
    expect(challenge.challengeParameters.all).toEqual({ question: "2+3?", USERNAME: username });
    // The private parameters (the answer) never reach the client.
    expect(JSON.stringify(challenge)).not.toContain('"5"');
    const result = expectData(await answer(clientId, challenge.session, username, "5")).respondToAuthChallenge;
    expect(result.__typename).toBe("AuthenticationResult");

    const defines = suite.receiver.at(path("/define"));
    expect(defines.map((request) => request.event.request.session)).toEqual([
      [],
      [{ challengeName: "CUSTOM_CHALLENGE", challengeResult: true, challengeMetadata: "QUIZ-1" }],
    ]);
    expect(defines[0]!.event).toMatchObject({
      triggerSource: "DefineAuthChallenge_Authentication",
      userPoolId: poolId,
      userName: username,
      request: { userNotFound: false },
    });
    expect(suite.receiver.at(path("/verify"))[0]!.event.request).toMatchObject({
      challengeAnswer: "5",
      privateChallengeParameters: { answer: "5" },
    });
    // The session was used: answering again is refused.
    expect(errorCodes(await answer(clientId, challenge.session, username, "5"))).toEqual(["NotAuthorizedException"]);
  });

  it("a burst of wrong answers over 15 sessions reaches VerifyAuthChallengeResponse 5 times, then the user is locked out", async () => {
    const { clientId, path, username } = await quizPool();
    const sessions: string[] = [];
    for (let i = 0; i < 15; i++) {
      const challenge = expectData(await start(clientId, username)).initiateAuth;
      if (challenge.__typename !== "AuthChallenge") throw new Error("expected a challenge");
      sessions.push(challenge.session);
    }
    const results = await Promise.all(sessions.map((session) => answer(clientId, session, username, "4")));
    const messages = results.map((result) => result.errors?.[0]?.message);
    // Each answer is counted before the trigger judges it: the fifth failure's lockout stops the rest.
    expect(messages.filter((message) => message === "Incorrect username or password.")).toHaveLength(5);
    expect(messages.filter((message) => message === "Password attempts exceeded")).toHaveLength(10);
    expect(suite.receiver.at(path("/verify"))).toHaveLength(5);
  });

  it("counts every wrong answer towards the lockout, even when DefineAuthChallenge offers another try", async () => {
    const { clientId, path, username } = await quizPool();
    // Three tries per session, as many samples do: a wrong answer gets the question again.
    suite.receiver.on(path("/define"), (event) => {
      const session = event.request.session as Session;
      const last = session.at(-1);
      if (last?.challengeResult) return { ...event, response: { issueTokens: true, failAuthentication: false } };
      if (session.length >= 3) return { ...event, response: { issueTokens: false, failAuthentication: true } };
      return {
        ...event,
        response: { challengeName: "CUSTOM_CHALLENGE", issueTokens: false, failAuthentication: false },
      };
    });
    const wrongAnswers = async (count: number) => {
      const started = expectData(await start(clientId, username)).initiateAuth;
      if (started.__typename !== "AuthChallenge") throw new Error("expected a challenge");
      let session = started.session;
      const outcomes: string[] = [];
      for (let i = 0; i < count; i++) {
        const result = await answer(clientId, session, username, "4");
        const outcome = result.data?.respondToAuthChallenge;
        if (outcome?.__typename === "AuthChallenge") session = outcome.session;
        outcomes.push(outcome?.__typename ?? result.errors![0]!.message);
      }
      return outcomes;
    };
    expect(await wrongAnswers(2)).toEqual(["AuthChallenge", "AuthChallenge"]);
    expect(await wrongAnswers(2)).toEqual(["AuthChallenge", "AuthChallenge"]);
    // The fifth wrong answer starts the 1 s lockout: the sixth is refused without reaching the trigger.
    expect(await wrongAnswers(2)).toEqual(["AuthChallenge", "Password attempts exceeded"]);
    expect(suite.receiver.at(path("/verify"))).toHaveLength(5);
  });

  it("fails with NotAuthorizedException when the answer is wrong and DefineAuthChallenge fails the sign-in", async () => {
    const { clientId, username } = await quizPool();
    const challenge = expectData(await start(clientId, username)).initiateAuth;
    if (challenge.__typename !== "AuthChallenge") throw new Error("expected a challenge");
    const wrong = await answer(clientId, challenge.session, username, "4");
    expect(errorCodes(wrong)).toEqual(["NotAuthorizedException"]);
    expect(wrong.data?.respondToAuthChallenge ?? null).toBeNull();
  });

  it("refuses CUSTOM_AUTH for a client that does not allow it", async () => {
    const { poolId, username } = await quizPool();
    const other = await createPoolWithClient(suite.gateway, {}, { explicitAuthFlows: ["ALLOW_USER_SRP_AUTH"] });
    expect(poolId).not.toBe(other.poolId);
    expect(errorCodes(await start(other.clientId, username))).toEqual(["InvalidParameterException"]);
  });

  it("fails with the trigger's exception when DefineAuthChallenge answers nonsense, opening no session", async () => {
    const { clientId, path, username } = await quizPool();
    suite.receiver.on(path("/define"), (event) => ({
      ...event,
      response: { issueTokens: true, failAuthentication: true },
    }));
    expect(errorCodes(await start(clientId, username))).toEqual(["InvalidLambdaResponseException"]);
    expect(suite.receiver.at(path("/create"))).toHaveLength(0);
  });

  it("runs the SRP-first variant: SRP_A, the built-in PASSWORD_VERIFIER, then the custom challenge", async () => {
    const { poolId, clientId, path, username } = await quizPool();
    const srp = createSrpClient(poolId);
    const verifier = expectData(
      await suite.gateway.gql(
        InitiateAuthDocument,
        {
          input: {
            clientId,
            authFlow: "CUSTOM_AUTH",
            authParameters: { USERNAME: username, CHALLENGE_NAME: "SRP_A", SRP_A: srp.srpA },
          },
        },
        null,
      ),
    ).initiateAuth;
    if (verifier.__typename !== "AuthChallenge") throw new Error("expected PASSWORD_VERIFIER");
    expect(verifier.challengeName).toBe("PASSWORD_VERIFIER");
    // The built-in challenge: no CreateAuthChallenge call for it.
    expect(suite.receiver.at(path("/create"))).toHaveLength(0);
    const custom = expectData(
      await suite.gateway.gql(
        RespondToAuthChallengeDocument,
        {
          input: {
            clientId,
            challengeName: "PASSWORD_VERIFIER",
            session: verifier.session,
            challengeResponses: srp.answer(verifier.challengeParameters, GOOD_PASSWORD),
          },
        },
        null,
      ),
    ).respondToAuthChallenge;
    if (custom.__typename !== "AuthChallenge") throw new Error("expected CUSTOM_CHALLENGE");
    expect(custom.challengeName).toBe("CUSTOM_CHALLENGE");
    const tokens = expectData(await answer(clientId, custom.session, username, "5")).respondToAuthChallenge;
    expect(tokens.__typename).toBe("AuthenticationResult");
    expect(suite.receiver.at(path("/define")).map((request) => request.event.request.session)).toEqual([
      [{ challengeName: "SRP_A", challengeResult: true }],
      [
        { challengeName: "SRP_A", challengeResult: true },
        { challengeName: "PASSWORD_VERIFIER", challengeResult: true },
      ],
      [
        { challengeName: "SRP_A", challengeResult: true },
        { challengeName: "PASSWORD_VERIFIER", challengeResult: true },
        { challengeName: "CUSTOM_CHALLENGE", challengeResult: true, challengeMetadata: "QUIZ-1" },
      ],
    ]);
  });

  it("refuses a wrong SRP password in the SRP-first variant before any custom challenge", async () => {
    const { poolId, clientId, path, username } = await quizPool();
    const srp = createSrpClient(poolId);
    const verifier = expectData(
      await suite.gateway.gql(
        InitiateAuthDocument,
        {
          input: {
            clientId,
            authFlow: "CUSTOM_AUTH",
            authParameters: { USERNAME: username, CHALLENGE_NAME: "SRP_A", SRP_A: srp.srpA },
          },
        },
        null,
      ),
    ).initiateAuth;
    if (verifier.__typename !== "AuthChallenge") throw new Error("expected PASSWORD_VERIFIER");
    const wrong = await suite.gateway.gql(
      RespondToAuthChallengeDocument,
      {
        input: {
          clientId,
          challengeName: "PASSWORD_VERIFIER",
          session: verifier.session,
          challengeResponses: srp.answer(verifier.challengeParameters, "Wr0ng-Password!"),
        },
      },
      null,
    );
    expect(errorCodes(wrong)).toEqual(["NotAuthorizedException"]);
    expect(suite.receiver.at(path("/create"))).toHaveLength(0);
  });

  it("asks for MFA after a right custom answer when the user has a factor, and issues tokens after the code", async () => {
    const { poolId, clientId, username, email } = await quizPool({
      mfaConfiguration: "OPTIONAL",
      enabledMfas: ["EMAIL_OTP"],
    });
    expectData(
      await suite.gateway.gql(AdminSetUserMfaPreferenceDocument, {
        input: { userPoolId: poolId, username, emailMfaSettings: { enabled: true, preferredMfa: true } },
      }),
    );
    const challenge = expectData(await start(clientId, username)).initiateAuth;
    if (challenge.__typename !== "AuthChallenge") throw new Error("expected a challenge");
    const mfa = expectData(await answer(clientId, challenge.session, username, "5")).respondToAuthChallenge;
    if (mfa.__typename !== "AuthChallenge") throw new Error("expected EMAIL_OTP");
    expect(mfa.challengeName).toBe("EMAIL_OTP");
    const code = (await latestMessage(suite.gateway, poolId, email)).code!;
    const tokens = expectData(
      await suite.gateway.gql(
        RespondToAuthChallengeDocument,
        {
          input: {
            clientId,
            challengeName: "EMAIL_OTP",
            session: mfa.session,
            challengeResponses: { USERNAME: username, EMAIL_OTP_CODE: code },
          },
        },
        null,
      ),
    ).respondToAuthChallenge;
    expect(tokens.__typename).toBe("AuthenticationResult");
  });
});
