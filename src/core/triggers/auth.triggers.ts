import type { UserPool } from "../pools/user-pool.types.js";
import type { User } from "../users/user.types.js";
import { readBoolean, readEnum, readString, readStringMap } from "./trigger-response.js";
import { eventAttributesOf, invalidResponse, type TriggerRunner } from "./trigger-runner.js";

type Metadata = Record<string, string> | null;

/** The user's attributes, or none for a user that does not exist (userNotFound). */
const attributesOf = (user: User | null): Record<string, string> => (user ? eventAttributesOf(user) : {});

/**
 * PreAuthentication: before the password (or custom challenge) is checked; a refusal stops the
 * sign-in with UserLambdaValidationException and changes nothing. `user` is null only for a client
 * with PreventUserExistenceErrors ENABLED: the trigger then sees the name as typed and
 * `userNotFound: true`, as Cognito sends it, so an unknown name is not told apart by the trigger's absence.
 * @throws UserLambdaValidationException, UnexpectedLambdaException, InvalidLambdaResponseException
 */
export async function runPreAuthentication(
  runner: TriggerRunner,
  pool: UserPool,
  args: { user: User | null; userName: string; clientId: string; validationData: Metadata },
): Promise<void> {
  await runner.run(pool, "PreAuthentication", {
    triggerSource: "PreAuthentication_Authentication",
    userName: args.user?.username ?? args.userName,
    caller: { clientId: args.clientId },
    request: {
      userAttributes: attributesOf(args.user),
      validationData: args.validationData ?? {},
      userNotFound: args.user === null,
    },
  });
}

/**
 * PostAuthentication: after every factor, before the tokens are issued. Cognito fails the call when
 * it fails; issuing afterwards means a refusal leaves no tokens behind.
 * @throws UserLambdaValidationException, UnexpectedLambdaException, InvalidLambdaResponseException
 */
export async function runPostAuthentication(
  runner: TriggerRunner,
  pool: UserPool,
  args: { user: User; clientId: string; newDeviceUsed: boolean; clientMetadata: Metadata },
): Promise<void> {
  await runner.run(pool, "PostAuthentication", {
    triggerSource: "PostAuthentication_Authentication",
    userName: args.user.username,
    caller: { clientId: args.clientId },
    request: {
      userAttributes: attributesOf(args.user),
      newDeviceUsed: args.newDeviceUsed,
      ...(args.clientMetadata ? { clientMetadata: args.clientMetadata } : {}),
    },
  });
}

/** One step of a CUSTOM_AUTH sign-in as DefineAuthChallenge sees it. */
export interface ChallengeResult {
  challengeName: "SRP_A" | "PASSWORD_VERIFIER" | "CUSTOM_CHALLENGE" | "SMS_MFA" | "SOFTWARE_TOKEN_MFA" | "EMAIL_OTP";
  challengeResult: boolean;
  challengeMetadata?: string;
}

export interface DefineDecision {
  challengeName: "CUSTOM_CHALLENGE" | "PASSWORD_VERIFIER" | null;
  issueTokens: boolean;
  failAuthentication: boolean;
}

interface CustomAuthArgs {
  user: User | null;
  userName: string;
  clientId: string;
  session: ChallengeResult[];
  clientMetadata: Metadata;
}

const baseRequest = (args: CustomAuthArgs) => ({
  userAttributes: attributesOf(args.user),
  userNotFound: args.user === null,
  ...(args.clientMetadata ? { clientMetadata: args.clientMetadata } : {}),
});

/**
 * DefineAuthChallenge: given the history, the next step. Exactly one of issueTokens,
 * failAuthentication or a challengeName must be chosen, or the answer is invalid.
 * @throws UserLambdaValidationException, UnexpectedLambdaException, InvalidLambdaResponseException
 */
export async function runDefineAuthChallenge(
  runner: TriggerRunner,
  pool: UserPool,
  args: CustomAuthArgs,
): Promise<DefineDecision> {
  const response = await runner.run(pool, "DefineAuthChallenge", {
    triggerSource: "DefineAuthChallenge_Authentication",
    userName: args.user?.username ?? args.userName,
    caller: { clientId: args.clientId },
    request: { ...baseRequest(args), session: args.session },
  });
  if (!response) throw invalidResponse("DefineAuthChallenge", "the pool has no DefineAuthChallenge trigger");
  const decision: DefineDecision = {
    challengeName:
      readEnum("DefineAuthChallenge", response, "challengeName", ["CUSTOM_CHALLENGE", "PASSWORD_VERIFIER"] as const) ??
      null,
    issueTokens: readBoolean("DefineAuthChallenge", response, "issueTokens") ?? false,
    failAuthentication: readBoolean("DefineAuthChallenge", response, "failAuthentication") ?? false,
  };
  if (decision.issueTokens && decision.failAuthentication)
    throw invalidResponse("DefineAuthChallenge", "issueTokens and failAuthentication cannot both be true");
  if (!decision.issueTokens && !decision.failAuthentication && decision.challengeName === null)
    throw invalidResponse("DefineAuthChallenge", "choose a challengeName, issueTokens or failAuthentication");
  return decision;
}

export interface CreatedChallenge {
  publicChallengeParameters: Record<string, string>;
  privateChallengeParameters: Record<string, string>;
  challengeMetadata: string | null;
}

/**
 * CreateAuthChallenge: the public parameters go to the client, the private ones stay in the
 * session (never sent) for VerifyAuthChallengeResponse.
 * @throws UserLambdaValidationException, UnexpectedLambdaException, InvalidLambdaResponseException
 */
export async function runCreateAuthChallenge(
  runner: TriggerRunner,
  pool: UserPool,
  args: CustomAuthArgs,
): Promise<CreatedChallenge> {
  const response = await runner.run(pool, "CreateAuthChallenge", {
    triggerSource: "CreateAuthChallenge_Authentication",
    userName: args.user?.username ?? args.userName,
    caller: { clientId: args.clientId },
    request: { ...baseRequest(args), challengeName: "CUSTOM_CHALLENGE", session: args.session },
  });
  if (!response) throw invalidResponse("CreateAuthChallenge", "the pool has no CreateAuthChallenge trigger");
  return {
    publicChallengeParameters: readStringMap("CreateAuthChallenge", response, "publicChallengeParameters") ?? {},
    privateChallengeParameters: readStringMap("CreateAuthChallenge", response, "privateChallengeParameters") ?? {},
    challengeMetadata: readString("CreateAuthChallenge", response, "challengeMetadata") ?? null,
  };
}

/**
 * VerifyAuthChallengeResponse: whether the client's ANSWER is right.
 * @throws UserLambdaValidationException, UnexpectedLambdaException, InvalidLambdaResponseException
 */
export async function runVerifyAuthChallengeResponse(
  runner: TriggerRunner,
  pool: UserPool,
  args: CustomAuthArgs & { privateChallengeParameters: Record<string, string>; challengeAnswer: string },
): Promise<boolean> {
  const response = await runner.run(pool, "VerifyAuthChallengeResponse", {
    triggerSource: "VerifyAuthChallengeResponse_Authentication",
    userName: args.user?.username ?? args.userName,
    caller: { clientId: args.clientId },
    request: {
      ...baseRequest(args),
      privateChallengeParameters: args.privateChallengeParameters,
      challengeAnswer: args.challengeAnswer,
    },
  });
  if (!response)
    throw invalidResponse("VerifyAuthChallengeResponse", "the pool has no VerifyAuthChallengeResponse trigger");
  const answerCorrect = readBoolean("VerifyAuthChallengeResponse", response, "answerCorrect");
  if (answerCorrect === undefined)
    throw invalidResponse("VerifyAuthChallengeResponse", "answerCorrect must be a boolean");
  return answerCorrect;
}
