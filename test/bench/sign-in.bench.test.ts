/**
 * Full SRP sign-ins (initiateAuth + respondToAuthChallenge), then refreshes (REFRESH_TOKEN_AUTH),
 * then getUser calls, over HTTP against a real gateway; and, in the same run, the crypto-only bound:
 * the server's SRP work plus two RS256 signatures per second on one core. Goal: sign-ins/s ≥ half of
 * that bound. Not part of the suite; run it with
 *   DATABASE_URL=mariadb://root@127.0.0.1:3306/gw_dev REDIS_URL=redis://127.0.0.1:6379 npm run bench:sign-in
 * (without the two variables it runs on the embedded SQLite + in-process store). Knobs: BENCH_USERS
 * (200), BENCH_OPERATIONS per phase (1000), BENCH_CONCURRENCY (16), BENCH_PHASE_SECONDS cap (15), BENCH_ROUNDS
 * of sign-ins, each followed by its own bound, with the median ratio (3), BENCH_WARM_UP sign-ins first (3000),
 * BENCH_CPU_PROFILE=<path> to write a V8 CPU profile of the gateway's thread per phase (<path>.<phase>.cpuprofile);
 * SRP_WORKERS is handed to the gateway (its default otherwise: min(2, cores − 1) SRP worker threads).
 *
 * The load generator runs in a worker thread of this process (its own event loop, free to use the other core),
 * computing client proofs with OpenSSL modexps (test/support/fast-srp-client.ts). Each phase's client
 * ephemeral keys (a, A) are drawn before its clock starts.
 *
 * Then USER_AUTH (#16), beside SRP: EMAIL_OTP sign-ins (initiateAuth with PREFERRED_CHALLENGE=EMAIL_OTP, the
 * 8-digit code delivered through the gateway's message webhook to a receiver in the load generator, then the
 * answer) and WEB_AUTHN sign-ins (options, an ES256 assertion by a software authenticator, the answer) by
 * BENCH_PASSKEY_USERS (50) users whose passkeys are registered first (test/bench/user-auth-load.worker.ts).
 */
import { writeFileSync } from "node:fs";
import { Session } from "node:inspector/promises";
import { constants as perfConstants, performance, PerformanceObserver } from "node:perf_hooks";
import { print } from "graphql";
import { afterAll, describe, expect, it } from "vitest";
import { createPoolWithClient } from "../support/directory.js";
import {
  CompleteWebAuthnRegistrationDocument,
  CreateUserPoolClientDocument,
  GetUserDocument,
  InitiateAuthDocument,
  RespondToAuthChallengeDocument,
  SetWebAuthnConfigurationDocument,
  StartWebAuthnRegistrationDocument,
  UpdateUserPoolDocument,
} from "../support/generated/graphql.js";
import { expectData } from "../support/graphql-client.js";
import { getTestApp, type TestApp } from "../support/test-app.js";
import {
  CLIENT_PRIVATE_KEY_BYTES,
  measureCryptoBound,
  seedUsers,
  startLoadGenerator,
  type LoadGenerator,
} from "./bench-gateway.js";
import {
  countRoundTrips,
  cpuSince,
  fixed,
  log,
  machineLine,
  percentile,
  snapshotCpu,
  table,
  OPERATION_COLUMNS,
} from "./bench-stats.js";
import type { LoadDocuments, PhaseRequest, PhaseResult } from "./srp-load.worker.js";
import type { UserAuthDocuments, UserAuthTask } from "./user-auth-load.worker.js";

const DATABASE_URL = process.env.DATABASE_URL ?? "";
const REDIS_URL = process.env.REDIS_URL ?? "";
const isExternal = /^(mariadb|mysql):/.test(DATABASE_URL) && REDIS_URL !== "";
const USERS = Number(process.env.BENCH_USERS ?? 200);
const OPERATIONS = Number(process.env.BENCH_OPERATIONS ?? 1000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
const PHASE_SECONDS = Number(process.env.BENCH_PHASE_SECONDS ?? 15);
const ROUNDS = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 3));
const CPU_PROFILE = process.env.BENCH_CPU_PROFILE;
const SRP_WORKERS = process.env.SRP_WORKERS;
const profileFile = (phase: string) => CPU_PROFILE!.replace(/(\.cpuprofile)?$/, `.${phase}.cpuprofile`);
/**
 * A server's steady state: with 50 warm-up sign-ins the first measured round ran 10–20% below the later
 * ones, with 1,000 still ~10%, with 3,000 not (V8 optimising both sides, MariaDB warming). BENCH_WARM_UP.
 */
const WARM_UP_SIGN_INS = Number(process.env.BENCH_WARM_UP ?? 3000);
const CRYPTO_BOUND_SECONDS = 3;
const PASSKEY_USERS = Number(process.env.BENCH_PASSKEY_USERS ?? 50);
/** USER_AUTH warm-up per factor: the code paths compiled and the pool's keys in use before the clock starts. */
const USER_AUTH_WARM_UP = Number(process.env.BENCH_USER_AUTH_WARM_UP ?? 500);
/** The RP ID the bench pool's passkeys are bound to, and the origin the software authenticator signs for. */
const RP_ID = "bench.example.com";
const ORIGIN = `https://${RP_ID}`;

describe(`SRP sign-in throughput (${isExternal ? "MariaDB + Redis" : "embedded SQLite + in-process store"})`, () => {
  let gateway: TestApp | undefined;
  let load: LoadGenerator<PhaseRequest> | undefined;
  let userAuthLoad: LoadGenerator<UserAuthTask> | undefined;
  afterAll(async () => {
    await load?.close();
    await userAuthLoad?.close();
    await gateway?.close();
  });

  it("prints sign-ins/s, refreshes/s and getUser/s with p50/p99 against the crypto-only bound", async () => {
    log("");
    log(machineLine());
    const roundTrips = countRoundTrips();
    // Codes reach the load generator as a deployment delivers them: the gateway's message webhook.
    userAuthLoad = startLoadGenerator<UserAuthTask>("user-auth-load.worker.ts");
    const receiver = await userAuthLoad.run<{ url: string }>({ kind: "receiver" });
    const webhookEnv = {
      MESSAGE_WEBHOOK_URL: receiver.url,
      MESSAGE_WEBHOOK_SECRET: `whsec_${Buffer.alloc(32, 7).toString("base64")}`,
    };
    // As deployed: NODE_ENV=production for the gateway's config here, and for the libraries through the
    // npm script (graphql-js and express read it when they load; their development checks cost ~15% here).
    const app = await getTestApp(
      { name: isExternal ? "mariadb+redis" : "embedded", env: isExternal ? { DATABASE_URL, REDIS_URL } : {} },
      { env: { NODE_ENV: "production", ...webhookEnv, ...(SRP_WORKERS ? { SRP_WORKERS } : {}) } },
    );
    gateway = app;
    const { poolId, clientId } = await createPoolWithClient(app);
    const seedStarted = performance.now();
    const users = await seedUsers(app, poolId, USERS);
    log(`seeded ${users.length} users in ${fixed((performance.now() - seedStarted) / 1000)} s`);

    const documents: LoadDocuments = {
      initiateAuth: print(InitiateAuthDocument),
      respondToAuthChallenge: print(RespondToAuthChallengeDocument),
      getUser: print(GetUserDocument),
    };
    load = startLoadGenerator();
    const base = {
      url: app.url,
      documents,
      poolId,
      clientId,
      privateKeyBytes: CLIENT_PRIVATE_KEY_BYTES,
      maxSeconds: PHASE_SECONDS,
    };
    const assertHealthy = (name: string, result: PhaseResult) => {
      expect(result.failures, `${name}: first error ${result.firstError}`).toBe(0);
      expect(result.completed).toBeGreaterThan(0);
    };

    // Warm-up: the pool's signing keys are created on first use, and both sides' code gets compiled.
    assertHealthy(
      "warm-up",
      await load.run({
        ...base,
        phase: "sign-in",
        users,
        count: WARM_UP_SIGN_INS,
        concurrency: CONCURRENCY,
        maxSeconds: 120,
      }),
    );
    // The pause every later round gets too (its crypto bound): MariaDB flushes and purges the warm-up's writes.
    await new Promise((resolve) => setTimeout(resolve, CRYPTO_BOUND_SECONDS * 1000));

    const rows: (string | number)[][] = [];
    const cpuLines: string[] = [];
    const measure = async <TTask>(label: string, task: TTask, generator: LoadGenerator<TTask> = load! as never) => {
      const workerElu = generator.worker!.performance.eventLoopUtilization();
      const tripsBefore = roundTrips();
      const cpu = snapshotCpu();
      // The gateway thread's garbage collections during the phase (minor: scavenges; major: mark-compacts).
      const gc = { minor: 0, minorMs: 0, major: 0, majorMs: 0 };
      const gcObserver = new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) {
          const isMajor =
            (entry as PerformanceEntry & { detail?: { kind?: number } }).detail?.kind ===
            perfConstants.NODE_PERFORMANCE_GC_MAJOR;
          gc[isMajor ? "major" : "minor"]++;
          gc[isMajor ? "majorMs" : "minorMs"] += entry.duration;
        }
      });
      gcObserver.observe({ entryTypes: ["gc"] });
      const session = CPU_PROFILE ? new Session() : null;
      if (session) {
        session.connect();
        await session.post("Profiler.enable");
        await session.post("Profiler.start");
      }
      const result = await generator.run<PhaseResult>(task);
      if (session) {
        const { profile: cpuProfile } = await session.post("Profiler.stop");
        writeFileSync(profileFile(label), JSON.stringify(cpuProfile));
        session.disconnect();
      }
      gcObserver.disconnect();
      const cpuUsed = cpuSince(cpu, {
        "load-generator event loop not idle": `${fixed(generator.worker!.performance.eventLoopUtilization(workerElu).utilization * 100, 0)}%`,
        "gateway GC": `${gc.minor} minor (${fixed(gc.minorMs, 0)} ms), ${gc.major} major (${fixed(gc.majorMs, 0)} ms)`,
      });
      cpuLines.push(`${label.padEnd(9)} ${cpuUsed.line}`);
      const trips = roundTrips();
      assertHealthy(label, result);
      const perSecond = result.completed / (result.elapsedMs / 1000);
      const perOperation = (count: number) => (isExternal ? fixed(count / result.completed) : "-");
      rows.push([
        label,
        result.completed,
        result.lanes ?? (task as { concurrency: number }).concurrency,
        fixed(perSecond),
        fixed(percentile(result.latenciesMs, 50)),
        fixed(percentile(result.latenciesMs, 99)),
        fixed(Math.max(...result.latenciesMs)),
        fixed(cpuUsed.milliseconds.gatewayThread / result.completed, 2),
        perOperation(trips.sql - tripsBefore.sql),
        perOperation(trips.redis - tripsBefore.redis),
      ]);
      if (label === "sign-in") signInThreadCpuMs = cpuUsed.milliseconds.gatewayThread / result.completed;
      return { result, perSecond };
    };

    let signInThreadCpuMs = Number.NaN;
    const signIns = await measure("sign-in", {
      ...base,
      phase: "sign-in",
      users,
      count: OPERATIONS,
      concurrency: CONCURRENCY,
    });
    const clientCryptoMsEach = signIns.result.clientCryptoMs / signIns.result.completed;
    await measure("refresh", {
      ...base,
      phase: "refresh",
      refreshTokens: signIns.result.tokens.map((tokens) => tokens.refreshToken),
      count: OPERATIONS,
      concurrency: CONCURRENCY,
    });
    await measure("getUser", {
      ...base,
      phase: "get-user",
      accessTokens: signIns.result.tokens.map((tokens) => tokens.accessToken),
      count: OPERATIONS,
      concurrency: CONCURRENCY,
    });

    // After the load phases, with the gateway idle, so the bound has a core to itself.
    const bound = await measureCryptoBound(CRYPTO_BOUND_SECONDS);
    // More rounds of sign-ins, each followed by its own bound: this machine's speed drifts by tens of
    // percent over a minute, so one pair is a sample, not a result.
    const rounds = [{ perSecond: signIns.perSecond, bound: bound.combinedPerSecond }];
    for (let round = 2; round <= ROUNDS; round++) {
      const again = await measure(`sign-in #${round}`, {
        ...base,
        phase: "sign-in",
        users,
        count: OPERATIONS,
        concurrency: CONCURRENCY,
      });
      rounds.push({
        perSecond: again.perSecond,
        bound: (await measureCryptoBound(CRYPTO_BOUND_SECONDS)).combinedPerSecond,
      });
    }

    // USER_AUTH beside SRP (#16), on a client of the same pool that allows it.
    expectData(
      await app.gql(UpdateUserPoolDocument, {
        userPoolId: poolId,
        input: { signInPolicy: { allowedFirstAuthFactors: ["PASSWORD", "EMAIL_OTP", "WEB_AUTHN"] } },
      }),
    );
    expectData(
      await app.gql(SetWebAuthnConfigurationDocument, {
        userPoolId: poolId,
        input: { webAuthnConfiguration: { relyingPartyId: RP_ID } },
      }),
    );
    const userAuthClientId = expectData(
      await app.gql(CreateUserPoolClientDocument, {
        userPoolId: poolId,
        input: { clientName: "user-auth", explicitAuthFlows: ["ALLOW_USER_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"] },
      }),
    ).createUserPoolClient.clientId;
    const userAuthDocuments: UserAuthDocuments = {
      initiateAuth: print(InitiateAuthDocument),
      respondToAuthChallenge: print(RespondToAuthChallengeDocument),
      startWebAuthnRegistration: print(StartWebAuthnRegistrationDocument),
      completeWebAuthnRegistration: print(CompleteWebAuthnRegistrationDocument),
    };
    const userAuthBase = {
      kind: "phase" as const,
      url: app.url,
      documents: userAuthDocuments,
      clientId: userAuthClientId,
      origin: ORIGIN,
      maxSeconds: PHASE_SECONDS,
      concurrency: CONCURRENCY,
    };
    const otpUsers = users.map((user) => ({ username: user.username, email: `${user.username}@example.com` }));
    const otpWarmUp = await userAuthLoad.run<PhaseResult>({
      ...userAuthBase,
      phase: "email-otp",
      users: otpUsers,
      count: USER_AUTH_WARM_UP,
      maxSeconds: 120,
    });
    assertHealthy("email-otp warm-up", otpWarmUp);
    const emailOtp = await measure(
      "USER_AUTH EMAIL_OTP",
      { ...userAuthBase, phase: "email-otp", users: otpUsers, count: OPERATIONS },
      userAuthLoad,
    );
    const passkeyUsers = users.slice(0, Math.min(PASSKEY_USERS, users.length));
    const registered = await userAuthLoad.run<{ registered: number }>({
      kind: "register-passkeys",
      url: app.url,
      documents: userAuthDocuments,
      clientId: userAuthClientId,
      users: passkeyUsers,
      origin: ORIGIN,
      concurrency: CONCURRENCY,
    });
    const passkeyLoginUsers = otpUsers.slice(0, registered.registered);
    assertHealthy(
      "web-authn warm-up",
      await userAuthLoad.run<PhaseResult>({
        ...userAuthBase,
        phase: "web-authn",
        users: passkeyLoginUsers,
        count: USER_AUTH_WARM_UP,
        maxSeconds: 120,
      }),
    );
    const webAuthn = await measure(
      "USER_AUTH WEB_AUTHN",
      { ...userAuthBase, phase: "web-authn", users: passkeyLoginUsers, count: OPERATIONS },
      userAuthLoad,
    );

    log("");
    log(
      `SRP sign-in benchmark over HTTP (GraphQL), ${isExternal ? "MariaDB + Redis" : "embedded SQLite + in-process store"}, ${USERS} users, BCRYPT_COST ${app.config.bcryptCost}, SRP_WORKERS ${app.config.srpWorkers}, NODE_ENV ${app.config.nodeEnv} (libraries: ${process.env.NODE_ENV})`,
    );
    log(
      `NOTE: the load generator runs in a worker thread of the gateway's process and shares the machine's cores with the gateway${isExternal ? ", MariaDB and Redis" : ""};`,
    );
    log(
      `      it spent ${fixed(clientCryptoMsEach, 2)} ms of client SRP math per sign-in (a of ${CLIENT_PRIVATE_KEY_BYTES} bytes, g^x cached per user), and drew the`,
    );
    log(
      `      clients' ephemeral keys (a, A = g^a) before the timed window (${fixed(signIns.result.ephemeralKeysMs / OPERATIONS, 2)} ms each), as devices would while their users type.`,
    );
    log("");
    for (const line of table(OPERATION_COLUMNS, rows)) log(line);
    log("");
    for (const line of cpuLines) log(line);
    log("");
    log(
      `crypto-only bound, one core, in-process: ${fixed(bound.combinedPerSecond)} sign-ins/s (server SRP step + 2 x RS256 sign, sequential)`,
    );
    log(
      `  components alone: server SRP step ${fixed(bound.srpPerSecond)}/s, RS256 sign ${fixed(bound.rs256PerSecond)}/s`,
    );
    log(
      `  per sign-in: ${fixed(1000 / bound.combinedPerSecond, 2)} ms of crypto on one core, against ${fixed(signInThreadCpuMs, 2)} ms of gateway-thread CPU measured in the sign-in phase`,
    );
    const ratio = signIns.perSecond / bound.combinedPerSecond;
    log(
      `ratio sign-ins/s / crypto bound = ${fixed(signIns.perSecond)} / ${fixed(bound.combinedPerSecond)} = ${fixed(ratio, 2)}  (goal >= 0.50: ${ratio >= 0.5 ? "met" : "NOT met"})`,
    );
    // On a shared machine the throughput ratio moves with everyone else's load; CPU per sign-in moves much
    // less. This is the ratio the gateway would reach with a core of its own (optimistic: the RS256
    // signatures run on libuv's thread pool, outside the gateway thread's CPU).
    log(
      `CPU view: crypto ms / gateway-thread CPU ms per sign-in = ${fixed(1000 / bound.combinedPerSecond, 2)} / ${fixed(signInThreadCpuMs, 2)} = ${fixed(1000 / bound.combinedPerSecond / signInThreadCpuMs, 2)}`,
    );
    if (rounds.length > 1) {
      const ratios = rounds.map((round) => round.perSecond / round.bound);
      const median = percentile(ratios, 50);
      log(
        `ratio per round (sign-ins/s / the bound measured right after): ${rounds.map((round, i) => `${fixed(round.perSecond)}/${fixed(round.bound)} = ${fixed(ratios[i]!, 2)}`).join(", ")}`,
      );
      log(
        `median ratio over ${rounds.length} rounds = ${fixed(median, 2)}  (goal >= 0.50: ${median >= 0.5 ? "met" : "NOT met"})`,
      );
    }
    log("");
    const p99 = (result: PhaseResult) => fixed(percentile(result.latenciesMs, 99));
    log(
      `USER_AUTH beside SRP (completed sign-ins/s, p99 ms; concurrency ${CONCURRENCY}; the code delivered by webhook to the load generator; ${registered.registered} passkeys, ES256, software authenticator):`,
    );
    log(`  SRP (USER_SRP_AUTH)  ${fixed(signIns.perSecond).padStart(7)} /s  p99 ${p99(signIns.result).padStart(7)} ms`);
    log(
      `  USER_AUTH EMAIL_OTP  ${fixed(emailOtp.perSecond).padStart(7)} /s  p99 ${p99(emailOtp.result).padStart(7)} ms`,
    );
    log(
      `  USER_AUTH WEB_AUTHN  ${fixed(webAuthn.perSecond).padStart(7)} /s  p99 ${p99(webAuthn.result).padStart(7)} ms  (client assertion ${fixed(webAuthn.result.clientCryptoMs / webAuthn.result.completed, 2)} ms each, in the load generator)`,
    );
    if (CPU_PROFILE)
      log(
        `CPU profiles of the gateway's thread, one per phase: ${["sign-in", "refresh", "getUser"].map(profileFile).join(", ")}`,
      );
  });
});
