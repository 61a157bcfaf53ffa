import { Router, type NextFunction, type Response } from "express";
import { isCognitoError, type CognitoErrorCode } from "../../core/errors.js";
import type { TokenSigner } from "../../core/ports.js";
import { requirePoolId } from "../../core/validation.js";
import { methodNotAllowed } from "./edge-errors.js";

export interface WellKnownDeps {
  tokens: TokenSigner;
  poolExists(poolId: string): Promise<boolean>;
  /** PUBLIC_URL: a pool's issuer is `<issuerBase>/<poolId>`. */
  issuerBase: string;
}

/** Verifiers refetch on an unknown kid, and a rotated-out key stays published for a day: five minutes is safe. */
const PUBLIC_CACHE = "public, max-age=300";

const STATUS_BY_CODE: Partial<Record<CognitoErrorCode, number>> = {
  InvalidParameterException: 400,
  ResourceNotFoundException: 404,
};

/** The OIDC claims the pool's ID tokens can carry (cognito-reference §6.2, §7.1). */
const CLAIMS_SUPPORTED = [
  "sub", "iss", "aud", "exp", "iat", "auth_time", "token_use", "jti", "origin_jti", "event_id",
  "cognito:username", "cognito:groups", "cognito:roles", "cognito:preferred_role",
  "email", "email_verified", "phone_number", "phone_number_verified", "name", "given_name", "family_name",
  "middle_name", "nickname", "preferred_username", "profile", "picture", "website", "gender", "birthdate",
  "zoneinfo", "locale", "address", "updated_at",
];

function sendError(response: Response, status: number, code: CognitoErrorCode, message: string): void {
  response.status(status).set("Cache-Control", "no-store").json({ __type: code, message });
}

/**
 * `/<poolId>/.well-known/jwks.json` and `/<poolId>/.well-known/openid-configuration`, at the same paths
 * as Cognito's, so verifiers built for Cognito only need the issuer changed.
 */
export function createWellKnownRouter({ tokens, poolExists, issuerBase }: WellKnownDeps): Router {
  const router = Router();
  const issuerOf = (poolId: string) => `${issuerBase.replace(/\/+$/, "")}/${poolId}`;

  const servePoolDocument = (build: (poolId: string) => Promise<unknown>) => async (request: { params: { poolId?: string } }, response: Response, next: NextFunction) => {
    const poolId = request.params.poolId ?? "";
    try {
      requirePoolId(poolId);
      if (!(await poolExists(poolId))) {
        sendError(response, 404, "ResourceNotFoundException", `User pool ${poolId} does not exist.`);
        return;
      }
      const body = await build(poolId);
      // Public, unauthenticated documents: any origin may read them (browser OIDC clients fetch them).
      response.set({ "Cache-Control": PUBLIC_CACHE, "Access-Control-Allow-Origin": "*" }).json(body);
    } catch (error) {
      const status = isCognitoError(error) ? STATUS_BY_CODE[error.code] : undefined;
      if (isCognitoError(error) && status !== undefined) {
        sendError(response, status, error.code, error.message);
        return;
      }
      // The edge's error handler logs the cause under a request id and answers 500 with that id only.
      next(error);
    }
  };

  router.get(
    "/:poolId/.well-known/jwks.json",
    servePoolDocument((poolId) => tokens.jwks(poolId)),
  );
  router.get(
    "/:poolId/.well-known/openid-configuration",
    servePoolDocument(async (poolId) => {
      const issuer = issuerOf(poolId);
      // Only what the gateway serves today: the issuer, the keys and what its tokens carry. There is no
      // OAuth authorization server yet (no /oauth2/authorize, /oauth2/token or /oauth2/userInfo), so
      // authorization_endpoint, token_endpoint, userinfo_endpoint, response_types_supported,
      // scopes_supported, grant_types and token_endpoint_auth_methods_supported are left out rather than
      // advertised for endpoints that would answer 404: a relying party that reads them would start
      // flows that cannot work. OIDC Discovery 1.0 §3 calls authorization_endpoint and
      // response_types_supported REQUIRED for an OpenID Provider, which the gateway is not yet; the
      // document serves token verification, which needs only `issuer` (oauth4webapi/openid-client check
      // nothing else on discovery) and `jwks_uri` (jose's createRemoteJWKSet, aws-jwt-verify). The OAuth
      // issue adds the endpoint fields together with the endpoints.
      return {
        issuer,
        jwks_uri: `${issuer}/.well-known/jwks.json`,
        id_token_signing_alg_values_supported: ["RS256"],
        subject_types_supported: ["public"],
        claims_supported: CLAIMS_SUPPORTED,
      };
    }),
  );
  router.all(
    ["/:poolId/.well-known/jwks.json", "/:poolId/.well-known/openid-configuration"],
    methodNotAllowed(["GET", "HEAD"]),
  );
  return router;
}
