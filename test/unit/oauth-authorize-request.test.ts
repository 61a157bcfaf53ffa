import { describe, expect, it } from "vitest";
import type { AppClient } from "../../src/core/clients/app-client.types.js";
import { familyIdOfCode } from "../../src/core/oauth/authorization.service.js";
import {
  checkAuthorizeParameters,
  isAcceptableResource,
  redirectLocation,
} from "../../src/core/oauth/authorize-request.js";
import {
  grantAuthorizeScopes,
  grantClientCredentialsScopes,
  idTokenAttributeFilter,
  userInfoAttributeFilter,
} from "../../src/core/oauth/scopes.js";
import { leftHalfSha256Base64Url, sha256Base64Url } from "../../src/lib/oauth-hashes.js";

const CALLBACK = "https://app.example.com/cb";
const client = {
  clientId: "client1",
  poolId: "local_pool",
  allowedOAuthFlowsUserPoolClient: true,
  allowedOAuthFlows: ["code"],
  allowedOAuthScopes: ["openid", "email", "https://api/read"],
  callbackUrls: [CALLBACK],
  defaultRedirectUri: null,
  supportedIdentityProviders: ["COGNITO"],
} as unknown as AppClient;
const active = new Set(["https://api/read"]);
const check = (parameters: Record<string, string>, overrides: Partial<AppClient> = {}) =>
  checkAuthorizeParameters({
    poolId: "local_pool",
    query: new URLSearchParams({ client_id: "client1", redirect_uri: CALLBACK, ...parameters }),
    client: { ...client, ...overrides },
    activeCustomScopes: active,
  });

describe("authorization request checks (reference-oauth §2.1, §2.2)", () => {
  it("keeps client and redirect URI faults on the error page, exact string match", () => {
    expect(check({ response_type: "code", redirect_uri: `${CALLBACK}/` }).kind).toBe("page-error");
    expect(check({ response_type: "code" }, { allowedOAuthFlowsUserPoolClient: false }).kind).toBe("page-error");
    expect(check({ response_type: "code" }, { poolId: "other" }).kind).toBe("page-error");
    expect(
      checkAuthorizeParameters({
        poolId: "local_pool",
        query: new URLSearchParams("client_id=a&client_id=b"),
        client,
        activeCustomScopes: active,
      }).kind,
    ).toBe("page-error");
  });

  it("redirects other faults with state, in the fragment for response_type=token", () => {
    expect(check({ state: "s" })).toEqual({
      kind: "redirect-error",
      location: `${CALLBACK}?error=invalid_request&error_description=response_type+is+required&state=s`,
    });
    expect(check({ response_type: "token", state: "s" })).toEqual({
      kind: "redirect-error",
      location: `${CALLBACK}#error=unauthorized_client&state=s`,
    });
    expect(check({ response_type: "code", scope: "email" })).toMatchObject({
      location: `${CALLBACK}?error=invalid_scope`,
    });
    expect(check({ response_type: "code", response_mode: "x", state: "1", nonce: "n", scope: "openid" }).kind).toBe(
      "valid",
    );
    expect(check({ response_type: "code", scope: "openid", nonce: "a&nonce=b" }).kind).toBe("valid");
  });

  it("defaults scope to the client's allowed scopes and drops inactive custom scopes", () => {
    expect(grantAuthorizeScopes(null, client, active)).toEqual({
      ok: true,
      scopes: ["openid", "email", "https://api/read"],
    });
    expect(grantAuthorizeScopes(["openid", "https://api/read"], client, new Set())).toEqual({
      ok: true,
      scopes: ["openid"],
    });
    expect(grantAuthorizeScopes(["profile", "openid"], client, active)).toEqual({ ok: false });
    expect(grantClientCredentialsScopes(["openid", "https://api/read", "x/y"], client, active)).toEqual([
      "https://api/read",
    ]);
    expect(grantClientCredentialsScopes(null, client, new Set())).toEqual([]);
  });

  it("narrows the ID token only for email/phone without profile; userInfo by the sets named", () => {
    expect(["email", "name", "custom:x"].filter(idTokenAttributeFilter(["openid"]))).toEqual([
      "email",
      "name",
      "custom:x",
    ]);
    expect(["email", "name", "phone_number"].filter(idTokenAttributeFilter(["openid", "email"]))).toEqual(["email"]);
    expect(["email", "name", "custom:x"].filter(idTokenAttributeFilter(["openid", "email", "profile"]))).toEqual([
      "email",
      "name",
      "custom:x",
    ]);
    expect(["email", "name", "custom:x", "address"].filter(userInfoAttributeFilter(["openid", "profile"]))).toEqual([
      "name",
      "custom:x",
    ]);
    expect(["email", "address"].filter(userInfoAttributeFilter(["openid", "aws.cognito.signin.user.admin"]))).toEqual([
      "email",
      "address",
    ]);
  });

  it("accepts resources of https, loopback http and app schemes only", () => {
    expect(["https://api.example.com", "http://localhost:3000/x", "myapp://cb"].every(isAcceptableResource)).toBe(true);
    expect(
      ["http://api.example.com", "https://a#f", "javascript:alert(1)", "not a uri", "data:text/plain,x"].some(
        isAcceptableResource,
      ),
    ).toBe(false);
  });

  it("keeps a registered query and builds fragments", () => {
    expect(redirectLocation("https://a/cb?x=1", "code", { code: "c", state: null })).toBe("https://a/cb?x=1&code=c");
    expect(redirectLocation("https://a/cb", "token", { access_token: "t", state: "s s" })).toBe(
      "https://a/cb#access_token=t&state=s+s",
    );
  });

  it("computes PKCE S256 and at_hash as RFC 7636 Appendix B and OIDC say", () => {
    expect(sha256Base64Url("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk")).toBe(
      "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
    );
    expect(leftHalfSha256Base64Url("a")).toBe("ypeBEsobvcr6wjGzmiPcTQ");
    expect(familyIdOfCode("c1")).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(familyIdOfCode("c1")).toBe(familyIdOfCode("c1"));
    expect(familyIdOfCode("c1")).not.toBe(familyIdOfCode("c2"));
  });
});
