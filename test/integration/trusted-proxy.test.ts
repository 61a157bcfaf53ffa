import { randomBytes, randomInt } from "node:crypto";
import { createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createClient } from "graphql-ws";
import { print } from "graphql";
import { afterEach, describe, expect, it } from "vitest";
import WebSocket from "ws";
import type { Logger } from "../../src/core/ports.js";
import { BACKENDS } from "../support/backends.js";
import { createDeviceVerifier } from "../support/cognito-device-client.js";
import { createPoolWithClient, GOOD_PASSWORD, uniqueName } from "../support/directory.js";
import { ConfirmDeviceDocument, GetDeviceDocument, InitiateAuthDocument } from "../support/generated/graphql.js";
import { errorCodes, expectData, postGraphql, type GraphqlResult } from "../support/graphql-client.js";
import { createConfirmedUser, expectTokens, signInEnv } from "../support/sign-in.js";
import { getTestApp, type TestApp } from "../support/test-app.js";

/**
 * The gateway behind a reverse proxy (TRUST_PROXY): the client's address is the one the trusted proxy
 * appended to X-Forwarded-For, for the per-address sign-in limit, graphql-ws, the wire protocol and
 * devices' last_ip_used alike; without TRUST_PROXY the proxy's own address counts and one warning says
 * what to set. The per-address counter is one Redis key per address for every pool (and every suite
 * on sign-in Redis DB 9), so each run uses addresses of its own.
 */
const FAILURES_PER_IP = 5;
const WRONG_PASSWORD = "Wr0ng-Password!";
const TOO_MANY = "TooManyRequestsException";

/** A random address in 2001:db8::/32 (documentation), so reruns within the 15-minute window never collide. */
const freshClientAddress = () =>
  `2001:db8:${randomBytes(6).toString("hex").match(/.{4}/g)!.join(":")}::${randomInt(1, 0xffff).toString(16)}`;
/** A loopback address of its own for the proxy's side of the connection (all of 127.0.0.0/8 is local). */
const freshLoopbackAddress = () => `127.${randomInt(1, 255)}.${randomInt(1, 255)}.${randomInt(2, 255)}`;

interface ForwardingProxy {
  url: string;
  close(): Promise<void>;
}

/**
 * A reverse proxy as nginx's `proxy_add_x_forwarded_for` does it: appends the client's address to
 * whatever X-Forwarded-For the client sent. The test names "the client's address" per request in
 * X-Test-Client-Address (removed before forwarding); the proxy reaches the gateway from `peerAddress`.
 */
async function startForwardingProxy(targetBaseUrl: string, peerAddress: string): Promise<ForwardingProxy> {
  const server: Server = createServer((incoming, outgoing) => {
    const headers = { ...incoming.headers };
    const client = String(headers["x-test-client-address"] ?? incoming.socket.remoteAddress);
    delete headers["x-test-client-address"];
    headers["x-forwarded-for"] = headers["x-forwarded-for"]
      ? `${String(headers["x-forwarded-for"])}, ${client}`
      : client;
    const upstream = request(
      `${targetBaseUrl}${incoming.url}`,
      { method: incoming.method, headers, localAddress: peerAddress },
      (answer) => {
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(outgoing);
      },
    );
    upstream.on("error", () => outgoing.writeHead(502).end());
    incoming.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** A Logger that keeps every warning. */
function createWarningCapture(): { logger: Logger; warnings: string[] } {
  const warnings: string[] = [];
  const ignore = () => undefined;
  return {
    warnings,
    logger: {
      debug: ignore,
      info: ignore,
      error: ignore,
      warn: (fields, message) => void warnings.push(`${message} ${JSON.stringify(fields)}`),
    },
  };
}

/** The first error code, or "ok". */
const outcomeOf = (result: Omit<GraphqlResult<unknown>, "status">) =>
  result.errors?.length ? errorCodes(result)[0] : "ok";

describe.each(BACKENDS)("client addresses behind a reverse proxy on $name", (backend) => {
  let gateway: TestApp | undefined;
  let proxy: ForwardingProxy | undefined;
  afterEach(async () => {
    await proxy?.close();
    await gateway?.close();
    proxy = undefined;
    gateway = undefined;
  });

  async function start(env: Record<string, string>, peerAddress = "127.0.0.1") {
    const capture = createWarningCapture();
    gateway = await getTestApp(backend, {
      env: { ...signInEnv(backend), SIGN_IN_FAILURES_PER_IP: String(FAILURES_PER_IP), ...env },
      overrides: { logger: capture.logger },
    });
    proxy = await startForwardingProxy(gateway.baseUrl, peerAddress);
    const { poolId, clientId } = await createPoolWithClient(gateway, {
      deviceConfiguration: { challengeRequiredOnNewDevice: false, deviceOnlyRememberedOnUserPrompt: false },
    });
    const username = uniqueName("proxied");
    await createConfirmedUser(gateway, poolId, username, GOOD_PASSWORD);
    return { gateway, proxy, warnings: capture.warnings, poolId, clientId, username };
  }

  type Started = Awaited<ReturnType<typeof start>>;
  const signInVia = (
    target: Started,
    from: string,
    username: string,
    password: string,
    headers: Record<string, string> = {},
  ) =>
    postGraphql(
      `${target.proxy.url}/graphql`,
      InitiateAuthDocument,
      {
        input: {
          clientId: target.clientId,
          authFlow: "USER_PASSWORD_AUTH",
          authParameters: { USERNAME: username, PASSWORD: password },
        },
      },
      { token: null, headers: { "x-test-client-address": from, ...headers } },
    );

  /** InitiateAuth on the Cognito wire through the proxy; the `__type` of the answer or "ok". */
  async function wireSignInVia(target: Started, from: string, username: string, password: string): Promise<string> {
    const response = await fetch(`${target.proxy.url}/`, {
      method: "POST",
      headers: {
        "content-type": "application/x-amz-json-1.1",
        "x-amz-target": "AWSCognitoIdentityProviderService.InitiateAuth",
        "x-test-client-address": from,
      },
      body: JSON.stringify({
        ClientId: target.clientId,
        AuthFlow: "USER_PASSWORD_AUTH",
        AuthParameters: { USERNAME: username, PASSWORD: password },
      }),
    });
    const body = (await response.json()) as { __type?: string };
    return body.__type ?? "ok";
  }

  /** InitiateAuth over graphql-ws straight to the gateway, the upgrade carrying X-Forwarded-For (the socket's peer is 127.0.0.1). */
  async function wsSignInForwardedFor(target: Started, forwardedFor: string, username: string, password: string) {
    const headers = { "x-forwarded-for": forwardedFor };
    const client = createClient({
      url: target.gateway.url.replace(/^http/, "ws"),
      webSocketImpl: class extends WebSocket {
        constructor(url: string, protocols?: string | string[]) {
          super(url, protocols, { headers });
        }
      },
      retryAttempts: 0,
    });
    try {
      return await new Promise<Omit<GraphqlResult<unknown>, "status">>((resolve, reject) => {
        let result: Omit<GraphqlResult<unknown>, "status"> = {};
        client.subscribe(
          {
            query: print(InitiateAuthDocument),
            variables: {
              input: {
                clientId: target.clientId,
                authFlow: "USER_PASSWORD_AUTH",
                authParameters: { USERNAME: username, PASSWORD: password },
              },
            },
          },
          {
            next: (value) => void (result = value as typeof result),
            error: (error) => (Array.isArray(error) ? resolve({ errors: error }) : reject(error)),
            complete: () => resolve(result),
          },
        );
      });
    } finally {
      await client.dispose();
    }
  }

  it("TRUST_PROXY=loopback: a burst of failures from one client address is refused while a client at another address signs in through the same proxy", async () => {
    const target = await start({ TRUST_PROXY: "loopback" });
    const attacker = freshClientAddress();
    const outcomes: (string | undefined)[] = [];
    for (let i = 0; i < FAILURES_PER_IP + 5; i++) {
      // Half the guesses bring an X-Forwarded-For of their own: the proxy appends the real address after it, and only that one counts.
      const spoofed: Record<string, string> = i % 2 === 1 ? { "x-forwarded-for": freshClientAddress() } : {};
      outcomes.push(outcomeOf(await signInVia(target, attacker, uniqueName("guess"), WRONG_PASSWORD, spoofed)));
    }
    expect(outcomes).toEqual([
      ...Array<string>(FAILURES_PER_IP).fill("NotAuthorizedException"),
      ...Array<string>(5).fill(TOO_MANY),
    ]);
    // The same address is refused on the wire and over graphql-ws (their own resolution of X-Forwarded-For).
    expect(await wireSignInVia(target, attacker, target.username, GOOD_PASSWORD)).toBe(TOO_MANY);
    expect(outcomeOf(await wsSignInForwardedFor(target, attacker, target.username, GOOD_PASSWORD))).toBe(TOO_MANY);

    // Another client behind the same proxy is not affected, on either API.
    const bystander = freshClientAddress();
    const tokens = expectTokens(await signInVia(target, bystander, target.username, GOOD_PASSWORD));
    expect(await wireSignInVia(target, bystander, target.username, GOOD_PASSWORD)).toBe("ok");
    expect(outcomeOf(await wsSignInForwardedFor(target, freshClientAddress(), target.username, GOOD_PASSWORD))).toBe(
      "ok",
    );

    // The device this sign-in created remembers the client's address, not the proxy's.
    const { deviceSecretVerifierConfig, device } = createDeviceVerifier(
      tokens.newDeviceMetadata!,
      target.poolId.split("_")[1]!,
    );
    expectData(
      await target.gateway.gql(
        ConfirmDeviceDocument,
        { input: { deviceKey: device.deviceKey, deviceSecretVerifierConfig, deviceName: "behind a proxy" } },
        tokens.accessToken,
      ),
    );
    const stored = expectData(
      await target.gateway.gql(GetDeviceDocument, { deviceKey: device.deviceKey }, tokens.accessToken),
    ).getDevice;
    expect(stored.deviceAttributes.find((attribute) => attribute.name === "last_ip_used")?.value).toBe(bystander);

    // The proxy is trusted: nothing to warn about.
    expect(target.warnings.filter((warning) => warning.includes("X-Forwarded-For"))).toEqual([]);
  });

  it("counts IPv6 clients by their /64: guesses from many addresses of one /64 share one limit, serially and in parallel", async () => {
    const target = await start({ TRUST_PROXY: "loopback" });
    // One host's /64 (2001:db8:a:b::/64): it may pick any of its 2^64 addresses for each request.
    const prefix = freshClientAddress().split(":").slice(0, 4).join(":");
    const hostAddress = () => `${prefix}:${randomBytes(8).toString("hex").match(/.{4}/g)!.join(":")}`;
    const serial: (string | undefined)[] = [];
    for (let i = 0; i < 3; i++)
      serial.push(outcomeOf(await signInVia(target, hostAddress(), uniqueName("guess"), WRONG_PASSWORD)));
    const parallel = await Promise.all(
      Array.from({ length: 8 }, async () =>
        outcomeOf(await signInVia(target, hostAddress(), uniqueName("guess"), WRONG_PASSWORD)),
      ),
    );
    expect(serial).toEqual(Array<string>(3).fill("NotAuthorizedException"));
    // 3 + 8 guesses, each from an address of its own: the /64 gets FAILURES_PER_IP of them in all.
    expect(parallel.filter((outcome) => outcome === "NotAuthorizedException")).toHaveLength(FAILURES_PER_IP - 3);
    expect(parallel.filter((outcome) => outcome === TOO_MANY)).toHaveLength(8 - (FAILURES_PER_IP - 3));
    // The right password from yet another address of that /64 is refused too, on the wire as over GraphQL.
    expect(await wireSignInVia(target, hostAddress(), target.username, GOOD_PASSWORD)).toBe(TOO_MANY);
    // The next /64 is another client.
    const neighbour = `${freshClientAddress().split(":").slice(0, 4).join(":")}::1`;
    expectTokens(await signInVia(target, neighbour, target.username, GOOD_PASSWORD));
  });

  it("TRUST_PROXY=1 (one hop): the address the proxy appended counts, whatever the client wrote before it", async () => {
    const target = await start({ TRUST_PROXY: "1" });
    const attacker = freshClientAddress();
    for (let i = 0; i < FAILURES_PER_IP; i++)
      expect(
        outcomeOf(
          await signInVia(target, attacker, uniqueName("guess"), WRONG_PASSWORD, {
            "x-forwarded-for": freshClientAddress(),
          }),
        ),
      ).toBe("NotAuthorizedException");
    expect(outcomeOf(await signInVia(target, attacker, target.username, GOOD_PASSWORD))).toBe(TOO_MANY);
    expectTokens(await signInVia(target, freshClientAddress(), target.username, GOOD_PASSWORD));
  });

  it("without TRUST_PROXY: X-Forwarded-For is ignored, the proxy's address counts, and one warning says what to set", async () => {
    const proxyAddress = freshLoopbackAddress();
    const target = await start({}, proxyAddress);
    // Every guess "from" a different client: all of them are the proxy's address to the gateway.
    for (let i = 0; i < FAILURES_PER_IP; i++)
      expect(outcomeOf(await signInVia(target, freshClientAddress(), uniqueName("guess"), WRONG_PASSWORD))).toBe(
        "NotAuthorizedException",
      );
    expect(outcomeOf(await signInVia(target, freshClientAddress(), target.username, GOOD_PASSWORD))).toBe(TOO_MANY);
    expect(await wireSignInVia(target, freshClientAddress(), target.username, GOOD_PASSWORD)).toBe(TOO_MANY);

    const warnings = target.warnings.filter((warning) => warning.includes("X-Forwarded-For"));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain(
      `requests carry X-Forwarded-For from ${proxyAddress}, which is not trusted: set TRUST_PROXY=loopback`,
    );
  });
});
