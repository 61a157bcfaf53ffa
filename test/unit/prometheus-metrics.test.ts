import { describe, expect, it } from "vitest";
import type { Database, Repositories } from "../../src/core/ports.js";
import { withSignInMetrics } from "../../src/core/flows/sign-in/sign-in.metrics.js";
import type { SignInService } from "../../src/core/flows/sign-in/sign-in.service.js";
import type { CallerContext } from "../../src/core/flows/sign-in/sign-in.types.js";
import { CognitoError } from "../../src/core/errors.js";
import { createMemoryShortLivedStore } from "../../src/infra/memory/short-lived-store.js";
import { createPrometheusMetrics } from "../../src/infra/metrics/prometheus-metrics.js";
import { createManualClock } from "../../src/lib/clock.js";

const lines = async (metrics: ReturnType<typeof createPrometheusMetrics>, prefix: string) =>
  (await metrics.render()).body.split("\n").filter((line) => line.startsWith(prefix));

describe("Prometheus metrics adapter", () => {
  it("exposes the round-trip timers as cumulative histograms, and passes results and failures through", async () => {
    const metrics = createPrometheusMetrics();
    const store = metrics.timeStore(createMemoryShortLivedStore({ clock: createManualClock() }));
    await store.set("key", "value", 60);
    expect(await store.get("key")).toBe("value");
    expect(await store.get("missing")).toBeNull();
    const repositories = {} as Repositories;
    const failing: Database = {
      read: async () => Promise.reject(new Error("down")),
      transaction: (work) => work(repositories),
      ping: async () => undefined,
      close: async () => undefined,
    };
    const db = metrics.timeDatabase(failing);
    await expect(db.read(async () => 1)).rejects.toThrow("down");
    expect(await db.transaction(async () => 7)).toBe(7);

    const get = await lines(metrics, "gateway_store_duration_seconds");
    expect(get).toContain('gateway_store_duration_seconds_bucket{le="+Inf",operation="get"} 2');
    expect(get).toContain('gateway_store_duration_seconds_count{operation="get"} 2');
    expect(get).toContain('gateway_store_duration_seconds_count{operation="set"} 1');
    // Cumulative: each bucket holds at least the one before it, the last finite one all of them (in-process calls are fast).
    const buckets = get
      .filter(
        (line) => line.startsWith('gateway_store_duration_seconds_bucket{le="') && line.includes('operation="get"'),
      )
      .map((line) => Number(line.split(" ")[1]));
    expect(buckets).toEqual([...buckets].sort((a, b) => a - b));
    expect(buckets.at(-1)).toBe(2);
    const database = await lines(metrics, "gateway_database_duration_seconds_count");
    expect(database).toEqual(
      expect.arrayContaining([
        'gateway_database_duration_seconds_count{operation="read"} 1',
        'gateway_database_duration_seconds_count{operation="transaction"} 1',
      ]),
    );
    expect((await metrics.render()).body).toContain("# TYPE gateway_store_duration_seconds histogram");
  });

  it("counts sign-in steps by flow and outcome, with unknown flows and non-Cognito failures collapsed", async () => {
    const metrics = createPrometheusMetrics();
    const caller: CallerContext = { sourceIp: null, admin: null };
    const service = {
      initiateAuth: async (input: { authFlow: string }) => {
        if (input.authFlow === "USER_SRP_AUTH")
          return { kind: "challenge", challengeName: "PASSWORD_VERIFIER", session: "s", parameters: {} };
        if (input.authFlow === "CUSTOM_AUTH") throw new Error("boom");
        throw new CognitoError("NotAuthorizedException", "no");
      },
      respondToAuthChallenge: async () => ({ kind: "authenticated", result: {} }),
    } as unknown as SignInService;
    const counted = withSignInMetrics(service, metrics);
    await counted.initiateAuth({ clientId: "c", authFlow: "USER_SRP_AUTH", authParameters: {} }, caller);
    await expect(
      counted.initiateAuth({ clientId: "c", authFlow: "USER_PASSWORD_AUTH", authParameters: {} }, caller),
    ).rejects.toThrow("no");
    await expect(
      counted.initiateAuth({ clientId: "c", authFlow: "CUSTOM_AUTH", authParameters: {} }, caller),
    ).rejects.toThrow("boom");
    await counted.respondToAuthChallenge(
      { clientId: "c", challengeName: "PASSWORD_VERIFIER", session: "s", challengeResponses: {} },
      caller,
    );
    await counted.respondToAuthChallenge(
      { clientId: "c", challengeName: "pool_abc_user-chosen", session: "s", challengeResponses: {} },
      caller,
    );
    expect(await lines(metrics, "gateway_sign_ins_total")).toEqual([
      'gateway_sign_ins_total{flow="USER_SRP_AUTH",outcome="challenge"} 1',
      'gateway_sign_ins_total{flow="USER_PASSWORD_AUTH",outcome="NotAuthorizedException"} 1',
      'gateway_sign_ins_total{flow="CUSTOM_AUTH",outcome="InternalErrorException"} 1',
      'gateway_sign_ins_total{flow="PASSWORD_VERIFIER",outcome="authenticated"} 1',
      'gateway_sign_ins_total{flow="other",outcome="authenticated"} 1',
    ]);
  });

  it("keeps one registry per instance", async () => {
    const first = createPrometheusMetrics();
    const second = createPrometheusMetrics();
    first.countLockout();
    expect(await lines(first, "gateway_lockouts_total")).toEqual(["gateway_lockouts_total 1"]);
    expect(await lines(second, "gateway_lockouts_total")).toEqual(["gateway_lockouts_total 0"]);
  });
});
