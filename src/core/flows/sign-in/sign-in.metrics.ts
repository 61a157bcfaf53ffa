import { COGNITO_ERROR_CODES, isCognitoError } from "../../errors.js";
import type { Metrics } from "../../metrics.js";
import { AUTH_FLOWS } from "./sign-in.types.js";
import { SIGN_IN_STATES } from "./sign-in.flow.js";
import type { SignInService } from "./sign-in.service.js";
import type { SignInOutcome } from "./sign-in.types.js";

const KNOWN_FLOWS: ReadonlySet<string> = new Set<string>([...AUTH_FLOWS, ...SIGN_IN_STATES]);
const KNOWN_CODES: ReadonlySet<string> = new Set<string>(COGNITO_ERROR_CODES);

/** The flow or challenge name as given by the caller, or "other": a label never takes an arbitrary string. */
const flowLabel = (name: string): string => (KNOWN_FLOWS.has(name) ? name : "other");
const outcomeOf = (outcome: SignInOutcome): string =>
  outcome.kind === "authenticated" ? "authenticated" : "challenge";
const failureOf = (error: unknown): string =>
  isCognitoError(error) && KNOWN_CODES.has(error.code) ? error.code : "InternalErrorException";

/** The sign-in service, counting every step by flow and outcome. */
export function withSignInMetrics(service: SignInService, metrics: Metrics): SignInService {
  const counted = async (flow: string, step: () => Promise<SignInOutcome>): Promise<SignInOutcome> => {
    try {
      const outcome = await step();
      metrics.countSignIn(flow, outcomeOf(outcome));
      return outcome;
    } catch (error) {
      metrics.countSignIn(flow, failureOf(error));
      throw error;
    }
  };
  return {
    ...service,
    initiateAuth: (input, caller) => counted(flowLabel(input.authFlow), () => service.initiateAuth(input, caller)),
    respondToAuthChallenge: (input, caller) =>
      counted(flowLabel(input.challengeName), () => service.respondToAuthChallenge(input, caller)),
  };
}
