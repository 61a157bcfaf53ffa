import { isCognitoError } from "../../core/errors.js";

/**
 * An error as the AWS JSON 1.1 protocol sends it: `{"__type": "<Name>", "message": "…"}`.
 * Beside the Cognito exceptions of core this carries the protocol's own faults, which AWS raises
 * before a request reaches the service (SerializationException, UnknownOperationException, the
 * SigV4 errors), so core's error table stays Cognito's.
 */
export class WireError extends Error {
  constructor(
    readonly type: string,
    message: string,
    readonly status = 400,
  ) {
    super(message);
    this.name = type;
  }
}

export const serializationError = (message: string): WireError => new WireError("SerializationException", message);

/** Raised by the SigV4 check; the SDK maps each `__type` to its own exception class. */
export const authErrors = {
  missing: () => new WireError("MissingAuthenticationTokenException", "Missing Authentication Token"),
  incomplete: (message: string) => new WireError("IncompleteSignatureException", message),
  unrecognizedClient: () =>
    new WireError("UnrecognizedClientException", "The security token included in the request is invalid."),
  badSignature: () =>
    new WireError(
      "InvalidSignatureException",
      "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.",
    ),
  stale: (message: string) => new WireError("InvalidSignatureException", message),
  cannotSign: () =>
    new WireError(
      "UnrecognizedClientException",
      "The security token included in the request is invalid: this admin API key was created before keys could sign requests; create a new admin key to use AWS Signature Version 4.",
    ),
};

/**
 * The wire form of any failure. Every client fault is 400, as real Cognito answers and as
 * cognito-reference §1 recommends (JSON-protocol clients dispatch on `__type`, never on status);
 * only InternalErrorException is a 5xx. Anything unexpected is reported without detail.
 */
export function toWireError(error: unknown, requestId: string): WireError {
  if (error instanceof WireError) return error;
  if (isCognitoError(error))
    return new WireError(error.code, error.message, error.code === "InternalErrorException" ? 500 : 400);
  // The cause is logged under this id; the caller gets the id only.
  return new WireError("InternalErrorException", `An internal error occurred (request id ${requestId}).`, 500);
}
