/**
 * Cognito exception names are API contract: clients switch on them, so a code is never renamed.
 * The message is public (it reaches the client); internal detail belongs in the log only.
 */
export const COGNITO_ERROR_CODES = [
  "AliasExistsException",
  "CodeDeliveryFailureException",
  "CodeMismatchException",
  "ConcurrentModificationException",
  "DeviceKeyExistsException",
  "EnableSoftwareTokenMFAException",
  "ExpiredCodeException",
  "ForbiddenException",
  "GroupExistsException",
  "InternalErrorException",
  "InvalidLambdaResponseException",
  "InvalidOAuthFlowException",
  "InvalidParameterException",
  "InvalidPasswordException",
  "LimitExceededException",
  "NotAuthorizedException",
  "PasswordHistoryPolicyViolationException",
  "PasswordResetRequiredException",
  "PreconditionNotMetException",
  "RefreshTokenReuseException",
  "ResourceNotFoundException",
  "ScopeDoesNotExistException",
  "SoftwareTokenMFANotFoundException",
  "TooManyFailedAttemptsException",
  "TooManyRequestsException",
  "UnauthorizedException",
  "UnexpectedLambdaException",
  "UnsupportedOperationException",
  "UnsupportedTokenTypeException",
  "UnsupportedUserStateException",
  "UserImportInProgressException",
  "UserLambdaValidationException",
  "UserNotConfirmedException",
  "UserNotFoundException",
  "UsernameExistsException",
  "WebAuthnChallengeNotFoundException",
  "WebAuthnClientMismatchException",
  "WebAuthnConfigurationMissingException",
  "WebAuthnCredentialNotSupportedException",
  "WebAuthnNotEnabledException",
  "WebAuthnOriginNotAllowedException",
  "WebAuthnRelyingPartyMismatchException",
] as const;

export type CognitoErrorCode = (typeof COGNITO_ERROR_CODES)[number];

export class CognitoError extends Error {
  constructor(
    readonly code: CognitoErrorCode,
    message: string,
  ) {
    super(message);
    this.name = code;
  }
}

export const isCognitoError = (error: unknown): error is CognitoError => error instanceof CognitoError;

/** Shorthand for the most common failure: one bad field, named in the message. */
export const invalidParameter = (message: string): CognitoError =>
  new CognitoError("InvalidParameterException", message);
export const resourceNotFound = (message: string): CognitoError =>
  new CognitoError("ResourceNotFoundException", message);
