import { CognitoError } from "../errors.js";
import type { Database, SecretBox, TriggerInvoker } from "../ports.js";
import type { LambdaConfig, UserPool } from "../pools/user-pool.types.js";
import type { User } from "../users/user.types.js";

/** Cognito's LambdaConfig names, as they prefix UserLambdaValidationException messages. */
export type TriggerName =
  | "PreSignUp"
  | "PostConfirmation"
  | "PreAuthentication"
  | "PostAuthentication"
  | "CustomMessage"
  | "PreTokenGeneration"
  | "UserMigration"
  | "DefineAuthChallenge"
  | "CreateAuthChallenge"
  | "VerifyAuthChallengeResponse"
  | "CustomEmailSender"
  | "CustomSMSSender";

/** Where each trigger's URL lives in the pool's lambdaConfig. */
export function triggerUrlOf(config: LambdaConfig, name: TriggerName): string | undefined {
  switch (name) {
    case "PreSignUp":
      return config.preSignUp;
    case "PostConfirmation":
      return config.postConfirmation;
    case "PreAuthentication":
      return config.preAuthentication;
    case "PostAuthentication":
      return config.postAuthentication;
    case "CustomMessage":
      return config.customMessage;
    case "PreTokenGeneration":
      return config.preTokenGenerationConfig?.lambdaArn ?? config.preTokenGeneration;
    case "UserMigration":
      return config.userMigration;
    case "DefineAuthChallenge":
      return config.defineAuthChallenge;
    case "CreateAuthChallenge":
      return config.createAuthChallenge;
    case "VerifyAuthChallengeResponse":
      return config.verifyAuthChallengeResponse;
    case "CustomEmailSender":
      return config.customEmailSender?.lambdaArn;
    case "CustomSMSSender":
      return config.customSmsSender?.lambdaArn;
  }
}

/** Who triggered the call: Cognito's callerContext. */
export interface TriggerCaller {
  clientId: string | null;
}

export interface TriggerEventInput {
  triggerSource: string;
  /** "1" for every trigger but PreTokenGeneration V2_0 ("2"). */
  version?: string;
  userName: string;
  caller: TriggerCaller;
  request: Record<string, unknown>;
}

/**
 * The attributes a trigger sees: the user's, plus Cognito's `cognito:user_status` (as Lambda code
 * written for Cognito expects it in PostConfirmation and the auth triggers).
 */
export const eventAttributesOf = (user: User): Record<string, string> => ({
  ...user.attributes,
  sub: user.id,
  "cognito:user_status": user.status,
});

export type TriggerRunner = ReturnType<typeof createTriggerRunner>;

/**
 * Builds Cognito's Lambda envelope (cognito-reference §10.1) and calls the pool's endpoint through
 * the invoker, signed with the pool's trigger secret. Core never sees HTTP; the invoker never sees
 * the pool.
 */
export function createTriggerRunner({
  db,
  secretBox,
  invoker,
}: {
  db: Database;
  secretBox: SecretBox;
  invoker: TriggerInvoker;
}) {
  async function secretOf(pool: UserPool, name: TriggerName): Promise<string> {
    const record = await db.read((repositories) => repositories.triggerSecrets.find(pool.id));
    if (!record)
      throw new CognitoError(
        "UnexpectedLambdaException",
        `${name} failed: the user pool has no trigger secret yet; call rotateTriggerSecret first.`,
      );
    return secretBox.decrypt(record.secretCiphertext);
  }

  return {
    isConfigured: (pool: UserPool, name: TriggerName): boolean => Boolean(triggerUrlOf(pool.lambdaConfig, name)),

    /**
     * Calls the trigger if the pool configured it and returns the `response` object of its answer
     * (null when the pool has no such trigger). Never call it inside a transaction: the endpoint may
     * take up to 5 s, and a transaction held that long blocks other writers (on SQLite, everyone).
     * Run triggers before the writes they decide, or after the commit they report on.
     * @throws UserLambdaValidationException, UnexpectedLambdaException, InvalidLambdaResponseException
     */
    async run(pool: UserPool, name: TriggerName, input: TriggerEventInput): Promise<Record<string, unknown> | null> {
      const url = triggerUrlOf(pool.lambdaConfig, name);
      if (!url) return null;
      const secret = await secretOf(pool, name);
      const event = {
        version: input.version ?? "1",
        triggerSource: input.triggerSource,
        region: pool.id.slice(0, Math.max(0, pool.id.indexOf("_"))),
        userPoolId: pool.id,
        userName: input.userName,
        callerContext: {
          awsSdkVersion: "identity-gateway",
          clientId: input.caller.clientId ?? "CLIENT_ID_NOT_APPLICABLE",
        },
        request: input.request,
        response: {},
      };
      const answer = await invoker.invoke({ triggerName: name, url, secret, event });
      const response = answer.response;
      if (response === undefined || response === null) return {};
      if (typeof response !== "object" || Array.isArray(response))
        throw invalidResponse(name, "response must be an object");
      return response as Record<string, unknown>;
    },

    /** Seals a code for a custom sender with the pool's trigger secret. */
    async sealForReceiver(pool: UserPool, name: TriggerName, plaintext: string): Promise<string> {
      return invoker.sealForReceiver(await secretOf(pool, name), plaintext);
    },
  };
}

export const invalidResponse = (name: TriggerName, detail: string): CognitoError =>
  new CognitoError("InvalidLambdaResponseException", `Invalid ${name} response: ${detail}.`);
