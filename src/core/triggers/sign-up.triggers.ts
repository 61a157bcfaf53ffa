import type { UserPool } from "../pools/user-pool.types.js";
import type { User } from "../users/user.types.js";
import { readBoolean } from "./trigger-response.js";
import { eventAttributesOf, type TriggerCaller, type TriggerRunner } from "./trigger-runner.js";

export type ClientMetadata = Record<string, string>;

/** PreSignUp's answer (cognito-reference §10.2); all false when the pool has no PreSignUp trigger. */
export interface PreSignUpDecision {
  autoConfirmUser: boolean;
  autoVerifyEmail: boolean;
  autoVerifyPhone: boolean;
}

/**
 * PreSignUp, before anything is written: a refusal leaves no user behind. For AdminCreateUser the
 * auto* answers are ignored, as Cognito does.
 * @throws UserLambdaValidationException, UnexpectedLambdaException, InvalidLambdaResponseException
 */
export async function runPreSignUp(
  runner: TriggerRunner,
  pool: UserPool,
  args: {
    source: "PreSignUp_SignUp" | "PreSignUp_AdminCreateUser";
    userName: string;
    caller: TriggerCaller;
    attributes: Record<string, string>;
    validationData: Record<string, string> | null;
    clientMetadata: ClientMetadata | null;
  },
): Promise<PreSignUpDecision> {
  const none = { autoConfirmUser: false, autoVerifyEmail: false, autoVerifyPhone: false };
  const response = await runner.run(pool, "PreSignUp", {
    triggerSource: args.source,
    userName: args.userName,
    caller: args.caller,
    request: {
      userAttributes: args.attributes,
      validationData: args.validationData,
      ...(args.clientMetadata ? { clientMetadata: args.clientMetadata } : {}),
    },
  });
  if (!response) return none;
  const decision = {
    autoConfirmUser: readBoolean("PreSignUp", response, "autoConfirmUser") ?? false,
    // Auto-verifying needs the attribute itself (Cognito ignores the flag otherwise).
    autoVerifyEmail: (readBoolean("PreSignUp", response, "autoVerifyEmail") ?? false) && Boolean(args.attributes.email),
    autoVerifyPhone:
      (readBoolean("PreSignUp", response, "autoVerifyPhone") ?? false) && Boolean(args.attributes.phone_number),
  };
  return args.source === "PreSignUp_AdminCreateUser" ? none : decision;
}

/**
 * PostConfirmation, after the confirmation (or password reset) has committed: Cognito calls it "just
 * after Amazon Cognito confirms a new user", and a failure fails the API call with the trigger's
 * error while the user stays confirmed (the code is used up). Never inside a transaction: the HTTP
 * call may take seconds, and nothing here is undone by it.
 * @throws UserLambdaValidationException, UnexpectedLambdaException, InvalidLambdaResponseException
 */
export async function runPostConfirmation(
  runner: TriggerRunner,
  pool: UserPool,
  args: {
    source: "PostConfirmation_ConfirmSignUp" | "PostConfirmation_ConfirmForgotPassword";
    user: User;
    caller: TriggerCaller;
    clientMetadata: ClientMetadata | null;
  },
): Promise<void> {
  await runner.run(pool, "PostConfirmation", {
    triggerSource: args.source,
    userName: args.user.username,
    caller: args.caller,
    request: {
      userAttributes: eventAttributesOf(args.user),
      ...(args.clientMetadata ? { clientMetadata: args.clientMetadata } : {}),
    },
  });
}
