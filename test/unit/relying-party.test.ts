import { describe, expect, it } from "vitest";
import { DEFAULT_POOL_SETTINGS } from "../../src/core/pools/user-pool.defaults.js";
import type { UserPool } from "../../src/core/pools/user-pool.types.js";
import type { UserPoolDomain } from "../../src/core/oauth/user-pool-domain.types.js";
import {
  isOriginAllowed,
  normalizeRelyingPartyId,
  readWebAuthnConfiguration,
  resolveRelyingPartyId,
} from "../../src/core/webauthn/relying-party.js";

const pool = (relyingPartyId: string | null = null): UserPool => ({
  ...DEFAULT_POOL_SETTINGS,
  name: "p",
  id: "local_abc",
  schemaAttributes: [],
  createdAt: new Date(0),
  updatedAt: new Date(0),
  webAuthnConfiguration:
    relyingPartyId === null
      ? null
      : { relyingPartyId, userVerification: "preferred", factorConfiguration: "SINGLE_FACTOR" },
});
const domain = (name: string, kind: UserPoolDomain["kind"]): UserPoolDomain => ({
  domain: name,
  poolId: "local_abc",
  kind,
  managedLoginVersion: 1,
  customDomainConfig: null,
  createdAt: new Date(0),
  updatedAt: new Date(0),
});

describe("passkey origins (isOriginAllowed)", () => {
  it.each([
    ["https://auth.example.com", "auth.example.com", true],
    ["https://eu.auth.example.com", "auth.example.com", true],
    ["https://auth.example.com:8443", "auth.example.com", true],
    ["http://auth.example.com", "auth.example.com", false],
    ["https://example.com", "auth.example.com", false],
    ["https://auth.example.com.evil.test", "auth.example.com", false],
    ["https://evilauth.example.com", "auth.example.com", false],
    ["https://auth.example.com/", "auth.example.com", false],
    ["https://user@auth.example.com", "auth.example.com", false],
    ["HTTPS://AUTH.EXAMPLE.COM", "auth.example.com", false],
    ["null", "auth.example.com", false],
    ["http://localhost:3000", "localhost", true],
    ["http://app.auth.localhost:3000", "app.auth.localhost", true],
    ["http://eu.app.auth.localhost", "app.auth.localhost", true],
    ["http://other.auth.localhost", "app.auth.localhost", false],
    ["http://127.0.0.1:3000", "localhost", false],
  ])("%s for RP ID %s → %s", (origin, rpId, allowed) => {
    expect(isOriginAllowed(origin, rpId)).toBe(allowed);
  });
});

describe("RP IDs", () => {
  it("normalises host names and refuses anything else", () => {
    expect(normalizeRelyingPartyId("Auth.Example.COM")).toBe("auth.example.com");
    expect(normalizeRelyingPartyId("localhost")).toBe("localhost");
    for (const bad of [
      "",
      "com",
      "https://a.example.com",
      "a.example.com:443",
      "a.example.com/x",
      "1.2.3.4",
      "a..example.com",
      "-a.example.com",
      "a_b.example.com",
      `${"a".repeat(64)}.example.com`,
    ]) {
      expect(() => normalizeRelyingPartyId(bad), bad).toThrow(
        expect.objectContaining({ code: "InvalidParameterException" }),
      );
    }
  });

  it("WebAuthnConfiguration takes Cognito's defaults for omitted members and refuses discouraged", () => {
    expect(readWebAuthnConfiguration({})).toEqual({
      relyingPartyId: null,
      userVerification: "preferred",
      factorConfiguration: "SINGLE_FACTOR",
    });
    expect(() => readWebAuthnConfiguration({ userVerification: "discouraged" })).toThrow(
      expect.objectContaining({ code: "InvalidParameterException" }),
    );
  });

  it("resolves configured → custom domain → prefix domain host → WebAuthnConfigurationMissingException", () => {
    const both = [domain("my-app", "prefix"), domain("login.example.com", "custom")];
    expect(resolveRelyingPartyId(pool("rp.example.com"), both, "auth.example.net")).toBe("rp.example.com");
    expect(resolveRelyingPartyId(pool(), both, "auth.example.net")).toBe("login.example.com");
    expect(resolveRelyingPartyId(pool(), [domain("my-app", "prefix")], "auth.example.net")).toBe(
      "my-app.auth.example.net",
    );
    expect(() => resolveRelyingPartyId(pool(), [], "auth.example.net")).toThrow(
      expect.objectContaining({ code: "WebAuthnConfigurationMissingException" }),
    );
  });
});
