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
  /** The pool's domain base (custom, else prefix), where its OAuth endpoints are published; null = none. */
  domainBaseOf(poolId: string): Promise<string | null>;
}

/** Verifiers refetch on an unknown kid, and a rotated-out key stays published for a day: five minutes is safe. */
const PUBLIC_CACHE = "public, max-age=300";

const STATUS_BY_CODE: Partial<Record<CognitoErrorCode, number>> = {
  InvalidParameterException: 400,
  ResourceNotFoundException: 404,
};

function sendError(response: Response, status: number, code: CognitoErrorCode, message: string): void {
  response.status(status).set("Cache-Control", "no-store").json({ __type: code, message });
}

/**
 * `/<poolId>/.well-known/jwks.json` and `/<poolId>/.well-known/openid-configuration`, at the same paths
 * as Cognito's, so verifiers built for Cognito only need the issuer changed.
 */
export function createWellKnownRouter({ tokens, poolExists, issuerBase, domainBaseOf }: WellKnownDeps): Router {
  const router = Router();
  const issuerOf = (poolId: string) => `${issuerBase.replace(/\/+$/, "")}/${poolId}`;

  const servePoolDocument =
    (build: (poolId: string) => Promise<unknown>) =>
    async (request: { params: { poolId?: string } }, response: Response, next: NextFunction) => {
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
      // The endpoints are published on the pool's custom domain, else its prefix domain (reference-oauth
      // §7); a pool without a domain is served on its issuer path, which Cognito has no equivalent of.
      const base = (await domainBaseOf(poolId)) ?? issuer;
      // Exactly Cognito's ten keys, in its (alphabetical) order. Left out as Cognito leaves them out:
      // revocation_endpoint (openid-client's tokenRevocation then needs it set by the relying party),
      // end_session_endpoint (/logout is not RP-initiated logout), code_challenge_methods_supported
      // (S256 is accepted; openid-client's supportsPKCE() reads false, so a relying party sends PKCE
      // anyway), grant_types_supported and claims_supported.
      return {
        authorization_endpoint: `${base}/oauth2/authorize`,
        id_token_signing_alg_values_supported: ["RS256"],
        issuer,
        jwks_uri: `${issuer}/.well-known/jwks.json`,
        response_types_supported: ["code", "token"],
        scopes_supported: ["openid", "email", "phone", "profile"],
        subject_types_supported: ["public"],
        token_endpoint: `${base}/oauth2/token`,
        token_endpoint_auth_methods_supported: ["client_secret_basic", "client_secret_post"],
        userinfo_endpoint: `${base}/oauth2/userInfo`,
      };
    }),
  );
  router.all(
    ["/:poolId/.well-known/jwks.json", "/:poolId/.well-known/openid-configuration"],
    methodNotAllowed(["GET", "HEAD"]),
  );
  return router;
}
