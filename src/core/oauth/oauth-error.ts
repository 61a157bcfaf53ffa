/**
 * An OAuth 2.0 protocol error (RFC 6749 §5.2, RFC 7009 §2.2.1) as Cognito's OAuth endpoints answer it
 * (reference-oauth §3.4, §5): `{"error": …, "error_description"?: …}` with an HTTP status. These are not
 * Cognito API exceptions — the wire and GraphQL never see them — so they are not CognitoErrors.
 */
export type OAuthErrorCode =
  | "invalid_request"
  | "invalid_client"
  | "invalid_grant"
  | "unauthorized_client"
  | "unsupported_grant_type"
  | "invalid_scope"
  | "unsupported_token_type"
  | "slow_down"
  | "server_error";

export class OAuthError extends Error {
  constructor(
    readonly error: OAuthErrorCode,
    readonly description: string | null = null,
    /** 400 unless the code says otherwise (invalid_client with Basic: 401; slow_down: 429). */
    readonly status = 400,
  ) {
    super(description ?? error);
    this.name = "OAuthError";
  }
}

export const isOAuthError = (error: unknown): error is OAuthError => error instanceof OAuthError;
