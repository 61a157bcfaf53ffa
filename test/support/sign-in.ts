import { createHmac } from "node:crypto";
import { JwtRsaVerifier } from "aws-jwt-verify";
import { SimpleJwksCache } from "aws-jwt-verify/jwk";
import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify, type JWTPayload } from "jose";
import { expect } from "vitest";
import { createManualClock, type Clock, type ManualClock } from "../../src/lib/clock.js";
import { formatSrpTimestamp } from "../../src/lib/srp-timestamp.js";
import type { Backend } from "./backends.js";
import { createSrpClient, type SrpClient } from "./cognito-srp-client.js";
import {
  AdminCreateUserDocument,
  AdminSetUserPasswordDocument,
  GetTokensFromRefreshTokenDocument,
  InitiateAuthDocument,
  ListEventsDocument,
  RespondToAuthChallengeDocument,
  type AttributeInput,
  type ChallengeResponsesInput,
  type GetTokensFromRefreshTokenInput,
  type InitiateAuthMutation,
} from "./generated/graphql.js";
import { errorCodes, expectData, type GraphqlResult } from "./graphql-client.js";
import type { TestApp } from "./test-app.js";

/** Issuer base of the sign-in test apps: tokens carry iss = `${PUBLIC_URL}/${poolId}`. */
export const PUBLIC_URL = "http://gateway.test";
export const INCORRECT = "Incorrect username or password.";
export const SESSION_EXPIRED = "Invalid session for the user, session is expired.";
export const SESSION_USED = "Invalid session for the user, session can only be used once.";

/**
 * Redis logical database of the sign-in suites. These suites fail hundreds of passwords from
 * 127.0.0.1 within minutes; the per-address failure counter is one Redis key for every pool, so in
 * the shared database it would push every other suite (and engineer) sharing Redis into
 * TooManyRequestsException for 15 minutes.
 */
const SIGN_IN_REDIS_DB = 9;

/**
 * Environment for sign-in test apps: the issuer above, cheap bcrypt (these suites create hundreds of
 * users), no per-address limit (every request comes from 127.0.0.1), and their own Redis database.
 */
export function signInEnv(backend: Backend): Record<string, string> {
  const env: Record<string, string> = { PUBLIC_URL, BCRYPT_COST: "4", SIGN_IN_FAILURES_PER_IP: "1000000" };
  // A cluster has database 0 only; the suites' cluster is their own anyway.
  if (backend.env.REDIS_URL && /^rediss?:\/\//.test(backend.env.REDIS_URL)) {
    const url = new URL(backend.env.REDIS_URL);
    url.pathname = `/${SIGN_IN_REDIS_DB}`;
    env.REDIS_URL = url.toString();
  }
  return env;
}

export type AuthResultData = InitiateAuthMutation["initiateAuth"];
export type Challenge = Extract<AuthResultData, { __typename: "AuthChallenge" }>;
export type Tokens = Extract<AuthResultData, { __typename: "AuthenticationResult" }>;
type AuthCall = GraphqlResult<
  | { initiateAuth: AuthResultData }
  | { respondToAuthChallenge: AuthResultData }
  | { adminInitiateAuth: AuthResultData }
  | { adminRespondToAuthChallenge: AuthResultData }
  | { getTokensFromRefreshToken: Tokens }
>;

function authResultOf(result: AuthCall): AuthResultData {
  return Object.values(expectData(result))[0] as AuthResultData;
}

export function expectChallenge(
  result: AuthCall,
  challengeName: Challenge["challengeName"] = "PASSWORD_VERIFIER",
): Challenge {
  const outcome = authResultOf(result);
  if (outcome.__typename !== "AuthChallenge") throw new Error(`expected ${challengeName}, got ${outcome.__typename}`);
  expect(outcome.challengeName).toBe(challengeName);
  return outcome;
}

export function expectTokens(result: AuthCall): Tokens {
  const outcome = authResultOf(result);
  if (outcome.__typename !== "AuthenticationResult")
    throw new Error(`expected tokens, got ${outcome.__typename} ${JSON.stringify(outcome)}`);
  return outcome;
}

/** Asserts one Cognito error with exactly this message, and no data. */
export function expectError(result: GraphqlResult<unknown>, code: string, message?: string | RegExp): void {
  expect(errorCodes(result), JSON.stringify(result.errors)).toEqual([code]);
  expect(result.data ?? null).toBeNull();
  if (typeof message === "string") expect(result.errors![0]!.message).toBe(message);
  else if (message) expect(result.errors![0]!.message).toMatch(message);
}

/** Base64(HMAC-SHA256(clientSecret, username + clientId)), cognito-reference §5. */
export const secretHashOf = (clientSecret: string, username: string, clientId: string): string =>
  createHmac("sha256", clientSecret)
    .update(username + clientId, "utf8")
    .digest("base64");

/** A CONFIRMED user with a permanent password (AdminCreateUser without a message + AdminSetUserPassword). */
export async function createConfirmedUser(
  gateway: TestApp,
  poolId: string,
  username: string,
  password: string,
  attributes: AttributeInput[] = [],
): Promise<{ username: string; sub: string }> {
  const created = expectData(
    await gateway.gql(AdminCreateUserDocument, {
      input: { userPoolId: poolId, username, messageAction: "SUPPRESS", userAttributes: attributes },
    }),
  ).adminCreateUser;
  expectData(
    await gateway.gql(AdminSetUserPasswordDocument, {
      input: { userPoolId: poolId, username, password, permanent: true },
    }),
  );
  return { username: created.username, sub: created.userSub };
}

export const passwordSignIn = (
  gateway: TestApp,
  clientId: string,
  username: string,
  password: string,
  extra: { SECRET_HASH?: string } = {},
) =>
  gateway.gql(
    InitiateAuthDocument,
    {
      input: {
        clientId,
        authFlow: "USER_PASSWORD_AUTH",
        authParameters: { USERNAME: username, PASSWORD: password, ...extra },
      },
    },
    null,
  );

export const refreshSignIn = (gateway: TestApp, clientId: string, refreshToken: string) =>
  gateway.gql(
    InitiateAuthDocument,
    { input: { clientId, authFlow: "REFRESH_TOKEN_AUTH", authParameters: { REFRESH_TOKEN: refreshToken } } },
    null,
  );

/** GetTokensFromRefreshToken over GraphQL: the one refresh that rotating clients allow. */
export const refreshTokens = (
  gateway: TestApp,
  clientId: string,
  refreshToken: string,
  extra: Omit<GetTokensFromRefreshTokenInput, "clientId" | "refreshToken"> = {},
) => gateway.gql(GetTokensFromRefreshTokenDocument, { input: { clientId, refreshToken, ...extra } }, null);

/** InitiateAuth USER_SRP_AUTH with a fresh amazon-cognito-identity-js client. */
export async function startSrp(
  gateway: TestApp,
  args: { poolId: string; clientId: string; username: string; secretHash?: string },
) {
  const client = createSrpClient(args.poolId);
  const result = await gateway.gql(
    InitiateAuthDocument,
    {
      input: {
        clientId: args.clientId,
        authFlow: "USER_SRP_AUTH",
        authParameters: {
          USERNAME: args.username,
          SRP_A: client.srpA,
          ...(args.secretHash ? { SECRET_HASH: args.secretHash } : {}),
        },
      },
    },
    null,
  );
  return { client, result };
}

/** The PASSWORD_VERIFIER answer, its TIMESTAMP from the gateway's clock when one is given (never the wall clock then). */
export function answerVerifier(client: SrpClient, challenge: Challenge, password: string, clock?: Clock) {
  return client.answer(challenge.challengeParameters, password, clock ? formatSrpTimestamp(clock.now()) : undefined);
}

export const respond = (
  gateway: TestApp,
  clientId: string,
  challenge: Pick<Challenge, "challengeName" | "session">,
  challengeResponses: ChallengeResponsesInput,
) =>
  gateway.gql(
    RespondToAuthChallengeDocument,
    { input: { clientId, challengeName: challenge.challengeName, session: challenge.session, challengeResponses } },
    null,
  );

/** Both SRP steps; returns the RespondToAuthChallenge result. */
export async function srpSignIn(
  gateway: TestApp,
  args: { poolId: string; clientId: string; username: string; password: string; clock?: Clock },
) {
  const { client, result } = await startSrp(gateway, args);
  const challenge = expectChallenge(result);
  return respond(gateway, args.clientId, challenge, answerVerifier(client, challenge, args.password, args.clock));
}

export async function listEvents(
  gateway: TestApp,
  poolId: string,
): Promise<{ type: string; actor: string; detail: Record<string, unknown> }[]> {
  return expectData(await gateway.gql(ListEventsDocument, { userPoolId: poolId, first: 1000 })).events.items;
}

/** aws-jwt-verify fetches JWKS over https only; the test gateway speaks plain http on 127.0.0.1. */
const httpFetcher = {
  async fetch(uri: string): Promise<ArrayBuffer> {
    const response = await fetch(uri);
    if (response.status !== 200) throw new Error(`JWKS fetch answered ${response.status}`);
    return response.arrayBuffer();
  },
};

export const jwksUrlOf = (gateway: TestApp, poolId: string) => `${gateway.baseUrl}/${poolId}/.well-known/jwks.json`;

/**
 * Verifies a token as a relying party would, knowing only the JWKS URL and the issuer: with jose
 * and with aws-jwt-verify (fresh caches each time, so a rotated JWKS is re-fetched), which must agree.
 */
export async function verifyIndependently(
  gateway: TestApp,
  poolId: string,
  token: string,
  options: { audience?: string; currentDate?: Date } = {},
): Promise<{ payload: JWTPayload; kid: string }> {
  const issuer = `${PUBLIC_URL}/${poolId}`;
  const { payload } = await jwtVerify(token, createRemoteJWKSet(new URL(jwksUrlOf(gateway, poolId))), {
    issuer,
    algorithms: ["RS256"],
    ...(options.audience ? { audience: options.audience } : {}),
    ...(options.currentDate ? { currentDate: options.currentDate } : {}),
  });
  const verifier = JwtRsaVerifier.create(
    { issuer, audience: options.audience ?? null, jwksUri: jwksUrlOf(gateway, poolId) },
    { jwksCache: new SimpleJwksCache({ fetcher: httpFetcher }) },
  );
  expect(await verifier.verify(token)).toEqual(payload);
  return { payload, kid: String(decodeProtectedHeader(token).kid) };
}

const TOTP_STEP_MS = 30_000;

/**
 * A manual clock near the real time (the SRP clients' TIMESTAMP must be close to the gateway's), set in
 * the middle of a 30-second TOTP step so that a code made at the start of a test is still valid later.
 */
export const createMidStepClock = (): ManualClock =>
  createManualClock(new Date(Math.floor(Date.now() / TOTP_STEP_MS) * TOTP_STEP_MS + TOTP_STEP_MS / 2));
