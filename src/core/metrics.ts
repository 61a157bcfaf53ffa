/**
 * What the gateway reports to whoever watches it (Prometheus, in infra/metrics). Every label value
 * comes from a small fixed set (a flow name, an action name, an error code): a pool id, a client id,
 * a username or anything else a caller chooses would give an attacker unbounded series and tell
 * every scraper the pool names, so none of them is ever passed here.
 */
export interface Metrics {
  /**
   * One InitiateAuth or RespondToAuthChallenge step. `flow` is the auth flow (InitiateAuth) or the
   * challenge answered (RespondToAuthChallenge); `outcome` is "authenticated", "challenge" or the
   * Cognito error code the step failed with.
   */
  countSignIn(flow: string, outcome: string): void;
  /** A failed attempt started a lockout (the fifth failure in a row and every one after it). */
  countLockout(): void;
}

/** The API a request came in through. */
export type RequestApi = "graphql" | "aws_json" | "http";

/** "ok", or the class of the error the caller got. */
export type RequestOutcome = "ok" | "client_error" | "server_error";

/** What the HTTP edge records per request, and what /metrics serves. */
export interface EdgeMetrics {
  /**
   * One answered request. `operation` is a GraphQL root field, a Cognito wire action or a fixed route
   * name; `code` the error code sent ("none" when ok). Callers pass only values from fixed sets.
   */
  recordRequest(api: RequestApi, operation: string, outcome: RequestOutcome, code: string, seconds: number): void;
  /** The exposition text, collected now (gauges such as the webhook backlog are read on scrape). */
  render(): Promise<{ contentType: string; body: string }>;
}

/** For services built without metrics (unit tests). */
export const NO_METRICS: Metrics = {
  countSignIn: () => undefined,
  countLockout: () => undefined,
};
