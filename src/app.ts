import "reflect-metadata";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { buildGatewaySchema } from "./api/graphql/schema.js";
import { createHttpApi, GRAPHQL_PATH, type HttpApi } from "./api/server.js";
import { WIRE_ACTIONS } from "./api/aws-json/router.js";
import { createRequestMetrics, startMetricsServer, type MetricsServer } from "./api/http/metrics.routes.js";
import type { BodyDeadlines } from "./api/http/body-deadline.js";
import type { SocketLimits } from "./api/graphql/socket-limits.js";
import { createPrometheusMetrics } from "./infra/metrics/prometheus-metrics.js";
import type { Config, MessagingConfig } from "./config/index.js";
import { createAdminKeyCache } from "./core/admin-keys/admin-key-cache.js";
import { createAdminKeyService } from "./core/admin-keys/admin-key.service.js";
import { createAppClientService } from "./core/clients/app-client.service.js";
import { createClientContextCache } from "./core/clients/client-context-cache.js";
import { withCachedPoolReads } from "./core/pools/cached-pool-reads.js";
import { createEventService } from "./core/events/event.service.js";
import { createEventFeed, type EventFeed, type EventFeedOptions } from "./core/events/event-feed.js";
import {
  createCommitAnnouncer,
  EVENTS_CHANNEL,
  withEventPipeline,
  type CommitNote,
} from "./core/events/event-pipeline.js";
import { createLiveEventService } from "./core/events/live-events.service.js";
import {
  createWebhookDispatcher,
  type WebhookDispatcher,
  type WebhookDispatcherOptions,
} from "./core/webhooks/webhook-dispatcher.js";
import { createWebhookService } from "./core/webhooks/webhook.service.js";
import { createHttpWebhookPoster } from "./infra/webhooks/http-webhook-poster.js";
import { createGroupService } from "./core/groups/group.service.js";
import { createCodeService } from "./core/messaging/code.service.js";
import { createSentMessageService } from "./core/messaging/sent-message.service.js";
import { createUserPoolService } from "./core/pools/user-pool.service.js";
import { createAdminUserService } from "./core/users/admin-user.service.js";
import { createListUsersService } from "./core/users/list-users.service.js";
import { createPasswordRecoveryService } from "./core/users/password-recovery.service.js";
import { createSignUpService } from "./core/users/sign-up.service.js";
import { createChallengeSessions } from "./core/flows/sign-in/challenge-session.js";
import { createSignInService } from "./core/flows/sign-in/sign-in.service.js";
import { createSignUpSessions } from "./core/flows/sign-in/sign-up-session.js";
import { withSignInMetrics } from "./core/flows/sign-in/sign-in.metrics.js";
import { createLockout } from "./core/security/lockout.js";
import { createTokenService } from "./core/tokens/token.service.js";
import { createRefreshService } from "./core/tokens/refresh.service.js";
import { createAccessTokenService } from "./core/tokens/access-token.service.js";
import { createSignOutService } from "./core/tokens/sign-out.service.js";
import { createSelfService } from "./core/users/self-service.service.js";
import { createMfaService } from "./core/mfa/mfa.service.js";
import { createDeviceService } from "./core/devices/device.service.js";
import { createTriggerRunner } from "./core/triggers/trigger-runner.js";
import { createTriggerSecretService } from "./core/triggers/trigger-secret.service.js";
import { createResourceServerService } from "./core/oauth/resource-server.service.js";
import { createCustomScopeCache } from "./core/oauth/custom-scope-cache.js";
import { createUserPoolDomainService } from "./core/oauth/user-pool-domain.service.js";
import { createUiCustomizationService } from "./core/oauth/ui-customization.service.js";
import { createOAuthService } from "./core/oauth/authorization.service.js";
import { createOAuthTokenService } from "./core/oauth/oauth-token.service.js";
import { createLoginSessionService } from "./core/oauth/login-session.service.js";
import { createPoolHosts } from "./core/oauth/pool-hosts.js";
import { createWebAuthnCredentialService } from "./core/webauthn/webauthn-credential.service.js";
import { createPasskeyService } from "./core/webauthn/passkey.service.js";
import { createWebAuthnVerifier } from "./infra/crypto/webauthn-verifier.js";
import { createHttpTriggerInvoker } from "./infra/triggers/http-trigger-invoker.js";
import { createSrpServerPool, type SrpServerPool } from "./infra/crypto/srp-workers.js";
import { createSigningKeyService } from "./core/tokens/signing-key.service.js";
import { createUserImportService } from "./core/user-import/user-import.service.js";
import {
  createUserImportRunner,
  type UserImportRunner,
  type UserImportRunnerOptions,
} from "./core/user-import/user-import.runner.js";
import { createCognitoMigrationSource, createMigrationSourceCache } from "./core/migration/cognito-source.js";
import { createUserMigrationSourceService } from "./core/migration/migration-source.service.js";
import { createSourcePoolCaller } from "./infra/cognito-source/source-pool-caller.js";
import { createOutboundFetch } from "./infra/outbound/outbound-fetch.js";
import { createPoolExportService } from "./core/pool-transfer/pool-export.service.js";
import { createPoolImportService } from "./core/pool-transfer/pool-import.service.js";
import { createExportKeys } from "./infra/crypto/export-keys.js";
import type { Database, Logger, MessageSender, SecretBox, ShortLivedStore, TokenSigner } from "./core/ports.js";
import { createJoseTokenSigner } from "./infra/crypto/jose-token-signer.js";
import { createSecretBox } from "./infra/crypto/secret-box.js";
import { createTotpEngine } from "./infra/crypto/totp.js";
import { createQrCodeRenderer } from "./infra/qr/qr-code-renderer.js";
import { createCodeHasher, createPasswordHasher } from "./infra/crypto/password-hasher.js";
import { createMessageAuthenticator } from "./infra/crypto/message-authenticator.js";
import { loadOrCreateSecretsKey } from "./infra/crypto/secrets-key-file.js";
import { createOutboxSender } from "./infra/messaging/outbox-sender.js";
import { createRoutingSender } from "./infra/messaging/routing-sender.js";
import { createSmtpSender } from "./infra/messaging/smtp-sender.js";
import { createWebhookSender } from "./infra/messaging/webhook-sender.js";
import { createPinoLogger, pinoInstanceOf } from "./infra/logging/pino-logger.js";
import { createMemoryShortLivedStore } from "./infra/memory/short-lived-store.js";
import { createRedisShortLivedStore } from "./infra/redis/short-lived-store.js";
import { acquireStartupLock, type StartupLock } from "./infra/typeorm/startup-lock.js";
import { createDataSource } from "./infra/typeorm/data-source.js";
import { createTypeormDatabase } from "./infra/typeorm/database.js";
import { createOutsideCommits } from "./infra/typeorm/outside-commits.js";
import { systemClock, type Clock } from "./lib/clock.js";

/** Commit notes within this window go out as one publish (they only wake readers). */
const COMMIT_NOTE_WINDOW_MS = 5;

export interface AppOverrides {
  clock?: Clock;
  logger?: Logger;
  /** Webhook retry schedule and polling (tests shorten them). */
  webhookDispatcher?: WebhookDispatcherOptions;
  /** Live-event feed polling (a test turns the fallback poll off to prove notes travel through Redis). */
  eventFeed?: EventFeedOptions;
  /** Events a live subscriber may fall behind by before it is cut off (tests lower it; default 10,000). */
  liveEvents?: { maxQueued?: number };
  /** Wraps the database every service uses (a test injects a storage outage on the embedded backend). */
  wrapDatabase?: (db: Database) => Database;
  /** User import jobs: batch size, lease, limits and a hook before each batch (tests and the benchmark). */
  userImport?: UserImportRunnerOptions;
  /** How long request bodies may take to arrive (tests shorten them; the defaults are in http/body-deadline.ts). */
  bodyDeadlines?: Partial<BodyDeadlines>;
  /** What one client may hold open on graphql-ws (tests lower them; the defaults are in graphql/socket-limits.ts). */
  socketLimits?: Partial<SocketLimits>;
}

export interface App {
  url: string;
  port: number;
  /** Present only on the very first start of an empty database without ADMIN_API_KEY. */
  generatedAdminKey: string | null;
  db: Database;
  store: ShortLivedStore;
  /** Signs and verifies the pools' JWTs (also reached by tests, which sign tokens directly). */
  tokens: TokenSigner;
  /** The METRICS_PORT server's port; null when /metrics is on the public port (METRICS_TOKEN) or nowhere. */
  metricsPort: number | null;
  close(): Promise<void>;
}

/** The composition root: the one place that builds adapters and wires them into services. */
export async function createApp(config: Config, overrides: AppOverrides = {}): Promise<App> {
  const clock = overrides.clock ?? systemClock;
  const logger = overrides.logger ?? createPinoLogger(config.logLevel);
  if (config.database.dialect === "sqlite" && config.database.path !== ":memory:") {
    mkdirSync(path.dirname(config.database.path), { recursive: true });
  }
  const secretsKey = config.secretsKey ?? loadOrCreateSecretsKey(config.dataDir);
  const secretBox = createSecretBox(secretsKey);
  const hasher = createPasswordHasher({ secretsKey, bcryptCost: config.bcryptCost });
  // Per app, never prom-client's global registry: tests run many apps in one process.
  const metrics = createPrometheusMetrics();

  const dataSource = createDataSource(config.database);
  await dataSource.initialize();
  let httpApi: HttpApi | null = null;
  let store: ShortLivedStore | null = null;
  let eventFeed: EventFeed | null = null;
  let webhookDispatcher: WebhookDispatcher | null = null;
  let srp: SrpServerPool | null = null;
  let startupLock: StartupLock | null = null;
  let metricsServer: MetricsServer | null = null;
  let closePoolHosts: () => Promise<void> = async () => undefined;
  let importRunner: UserImportRunner | null = null;
  try {
    // Held from the migrations to the bootstrap key: processes starting together take turns.
    startupLock = await acquireStartupLock(dataSource);
    const applied = await dataSource.runMigrations({ transaction: "each" });
    if (applied.length > 0)
      logger.info({ migrations: applied.map((migration) => migration.name) }, "applied database migrations");
    // Every commit that wrote events is announced on the store (Redis across processes): only a
    // wake-up for live subscribers and webhook dispatchers, which then read the events table.
    let announceCommit: (note: CommitNote) => void = () => undefined;
    const database = metrics.timeDatabase(
      overrides.wrapDatabase
        ? overrides.wrapDatabase(createTypeormDatabase(dataSource))
        : createTypeormDatabase(dataSource),
    );
    store = metrics.timeStore(
      config.redisUrl
        ? createRedisShortLivedStore({
            url: config.redisUrl,
            keyPrefix: config.redisKeyPrefix,
            clock,
            onError: (error) => logger.warn({ err: error.message }, "redis connection error"),
          })
        : createMemoryShortLivedStore({ clock }),
    );
    // Pools, clients and webhook subscriptions, cached per process; it only reads, so it needs no pipeline.
    // The embedded file's commit counter: the admin CLI's changes there reach no pub/sub.
    const outsideCommits = createOutsideCommits(dataSource);
    const contexts = createClientContextCache({ db: database, store, outsideCommits });
    // Admin keys, cached per process like the contexts (a revocation reaches every process at once).
    const adminKeyCache = createAdminKeyCache({ store, clock, outsideCommits });
    // Each pool's active custom scopes for client_credentials, dropped on the contexts' pool invalidations.
    const customScopes = createCustomScopeCache({ db: database, store, outsideCommits });
    const db = withEventPipeline(withCachedPoolReads(database, contexts), {
      clock,
      subscriptions: contexts,
      onCommit: (note) => announceCommit(note),
    });
    const eventStore = store;
    const announcer = createCommitAnnouncer((message) => eventStore.publish(EVENTS_CHANNEL, message), {
      windowMs: COMMIT_NOTE_WINDOW_MS,
      onError: (error) => logger.warn({ err: error.message }, "could not announce committed events"),
    });
    announceCommit = announcer.announce;
    // Triggers, event webhooks and migration sources call URLs a pool's admin chose: public addresses only,
    // unless OUTBOUND_ALLOWED_NETWORKS opens more (infra/outbound/outbound-fetch.ts).
    const outboundFetch = createOutboundFetch(config.outboundAllowedNetworks);
    eventFeed = createEventFeed({ db, store, logger, options: overrides.eventFeed });
    await eventFeed.start();
    webhookDispatcher = createWebhookDispatcher({
      db,
      store,
      clock,
      poster: createHttpWebhookPoster({ fetch: outboundFetch }),
      secretBox,
      logger,
      options: overrides.webhookDispatcher,
    });

    const sender = createMessageSender(config.messaging, { db, secretBox, clock, logger });
    const codeHasher = createCodeHasher(secretsKey);
    const triggers = createTriggerRunner({
      db,
      secretBox,
      invoker: createHttpTriggerInvoker({ clock, logger, fetch: outboundFetch }),
    });
    const codes = createCodeService({ db, clock, codeHasher, sender, store, triggers });
    // The Sessions SignUp / ConfirmSignUp return and InitiateAuth USER_AUTH redeems (reference-oauth §13.6).
    const signUpSessions = createSignUpSessions(store, clock);
    const userFlowDeps = {
      db,
      contexts,
      clock,
      hasher,
      codes,
      secretBox,
      enumerationSafeMs: config.enumerationSafeMs,
      triggers,
      sender,
      signUpSessions,
    };
    // The pools' built-in migration sources: old Cognito pools asked about unknown users (README "Moving from Cognito").
    const sourcePoolCaller = createSourcePoolCaller({ logger, fetch: outboundFetch });
    const migrationSources = createMigrationSourceCache({ db, clock });
    const migrationSource = createCognitoMigrationSource({
      secretBox,
      caller: sourcePoolCaller,
      sources: migrationSources,
    });
    const poolTransferDeps = { db, clock, secretBox, hasher, exportKeys: createExportKeys(secretsKey), contexts };
    const tokens = createJoseTokenSigner({ db, secretBox, clock, issuerBase: config.publicUrl });
    const sessions = createChallengeSessions(store, clock);
    const totp = createTotpEngine();
    srp = createSrpServerPool({ workers: config.srpWorkers });
    await Promise.all([contexts.start(), adminKeyCache.start(), customScopes.start()]);
    const userPools = createUserPoolService({
      db,
      clock,
      region: config.region,
      maxUserPools: config.maxUserPools,
      contexts,
    });
    const tokenService = createTokenService({ db, clock, signer: tokens, triggers });
    const accessTokens = createAccessTokenService({
      db,
      clock,
      signer: tokens,
      store,
      contexts,
      issuerBase: config.publicUrl,
    });
    const refreshTokens = createRefreshService({
      db,
      clock,
      tokens: tokenService,
      secretBox,
      contexts,
      signOuts: accessTokens,
      customScopes,
    });
    const signOut = createSignOutService({ db, clock, secretBox, accessTokens });
    const poolHosts = createPoolHosts({
      db,
      store,
      clock,
      poolDomainSuffix: config.poolDomainSuffix,
      publicUrl: config.publicUrl,
    });
    await poolHosts.start();
    closePoolHosts = () => poolHosts.close();
    const webAuthnDeps = {
      db,
      clock,
      store,
      verifier: createWebAuthnVerifier(),
      poolDomainSuffix: config.poolDomainSuffix,
      codeHasher,
    };
    const passkeys = createPasskeyService(webAuthnDeps);
    // CSV import jobs run in the background of every process; a job is claimed by one at a time. The runner
    // keeps real time even when a test injects a clock: its leases are shared with every other process on the
    // database, and a clock moved an hour ahead would take them all (a test that needs it passes its own).
    importRunner = createUserImportRunner({
      db,
      clock: overrides.userImport?.clock ?? systemClock,
      logger,
      options: overrides.userImport,
    });
    const userImports = createUserImportService({
      db,
      clock,
      logger,
      authenticator: createMessageAuthenticator(secretsKey, "user-import-upload"),
      publicUrl: config.publicUrl,
      runner: importRunner,
      limits: overrides.userImport?.limits,
    });
    const services = {
      userPools,
      appClients: createAppClientService({
        db,
        clock,
        secretBox,
        maxClientsPerPool: config.maxClientsPerPool,
        contexts,
      }),
      adminKeys: createAdminKeyService({ db, clock, secretBox, keys: adminKeyCache }),
      events: createEventService({ db }),
      liveEvents: createLiveEventService({ db, feed: eventFeed, maxQueued: overrides.liveEvents?.maxQueued }),
      webhooks: createWebhookService({ db, clock, secretBox, contexts }),
      groups: createGroupService({
        db,
        clock,
        maxGroupsPerPool: config.maxGroupsPerPool,
        maxGroupsPerUser: config.maxGroupsPerUser,
      }),
      signUp: createSignUpService(userFlowDeps),
      refreshTokens,
      signIn: withSignInMetrics(
        createSignInService({
          db,
          contexts,
          clock,
          sessions,
          lockout: createLockout(store, clock, { failuresPerIpWindow: config.signInFailuresPerIp, metrics }),
          srp,
          hasher,
          tokens: tokenService,
          refresh: refreshTokens,
          secretBox,
          codeHasher,
          totp,
          sender,
          triggers,
          migrationSource,
          store,
          passkeys,
          signUpSessions,
          enumerationSafeMs: config.enumerationSafeMs,
        }),
        metrics,
      ),
      adminUsers: createAdminUserService({ db, clock, hasher, codes, sender, triggers, signOuts: accessTokens }),
      listUsers: createListUsersService({ db, clock }),
      passwordRecovery: createPasswordRecoveryService({ ...userFlowDeps, migrationSource }),
      userMigrationSources: createUserMigrationSourceService({
        db,
        clock,
        secretBox,
        caller: sourcePoolCaller,
        sources: migrationSources,
      }),
      poolExport: createPoolExportService(poolTransferDeps),
      poolImport: createPoolImportService({ ...poolTransferDeps, maxUserPools: config.maxUserPools }),
      sentMessages: createSentMessageService({ db, secretBox }),
      signingKeys: createSigningKeyService({ db, tokens, clock }),
      accessTokens,
      selfService: createSelfService({ db, clock, hasher, codes }),
      signOut,
      oauth: createOAuthService({ db, store, contexts, customScopes, tokens: tokenService }),
      oauthTokens: createOAuthTokenService({
        db,
        store,
        clock,
        secretBox,
        contexts,
        customScopes,
        tokens: tokenService,
        refreshTokens,
        signOut,
      }),
      loginSessions: createLoginSessionService({ db, store, clock }),
      mfa: createMfaService({
        db,
        clock,
        secretBox,
        totp,
        qrCodes: createQrCodeRenderer(),
        store,
        sessions,
        userPools,
      }),
      devices: createDeviceService({ db, clock, srp }),
      triggerSecrets: createTriggerSecretService({ db, clock, secretBox }),
      resourceServers: createResourceServerService({ db, clock, customScopes }),
      userPoolDomains: createUserPoolDomainService({
        db,
        clock,
        store,
        contexts,
        gatewayHost: new URL(config.publicUrl).hostname,
        poolDomainSuffix: config.poolDomainSuffix,
      }),
      uiCustomizations: createUiCustomizationService({ db, clock, publicUrl: config.publicUrl }),
      webAuthn: createWebAuthnCredentialService(webAuthnDeps),
      userImports,
    };
    const { generatedSecret } = await services.adminKeys.ensureBootstrapKey(config.adminApiKey);
    await startupLock.release();
    startupLock = null;

    await webhookDispatcher.start();
    importRunner.start();
    const imports = importRunner;
    const readyStore = store;
    const srpThreads = srp;
    const background = { feed: eventFeed, dispatcher: webhookDispatcher };
    metrics.readGaugesFrom({
      srpQueueDepth: () => srpThreads.queueDepth(),
      liveSubscribers: () => services.liveEvents.countOpen(),
      webhookBacklog: () => background.dispatcher.countBacklog(),
    });
    httpApi = await createHttpApi({
      schema: await buildGatewaySchema(),
      services,
      logger,
      limits: config.graphql,
      isProduction: config.nodeEnv === "production",
      tokens,
      poolExists: async (poolId) => (await db.read((repositories) => repositories.pools.findById(poolId))) !== null,
      publicUrl: config.publicUrl,
      awsJson: { path: config.awsJsonPath, clock },
      corsOrigins: config.corsOrigins,
      trustProxy: config.trustProxy,
      poolHosts,
      pagesAuthenticator: createMessageAuthenticator(secretsKey, "managed-login-pages"),
      bodyDeadlines: overrides.bodyDeadlines,
      socketLimits: overrides.socketLimits,
      // The access log writes through the same pino (LOG_LEVEL, redaction); a test's own Logger gets none.
      accessLogger: pinoInstanceOf(logger),
      // With METRICS_PORT the public port never serves /metrics, token or not.
      requestMetrics: createRequestMetrics({
        metrics,
        graphqlPath: GRAPHQL_PATH,
        awsJsonPath: config.awsJsonPath,
        wireActions: new Set(Object.keys(WIRE_ACTIONS)),
        publicToken: config.metrics.port === null ? config.metrics.token : null,
      }),
      readinessChecks: [
        { name: "database", check: () => db.ping() },
        { name: config.redisUrl ? "redis" : "store", check: () => readyStore.ping() },
      ],
    });
    const port = await httpApi.listen(config.port, config.host);
    if (config.metrics.port !== null)
      metricsServer = await startMetricsServer({
        metrics,
        token: config.metrics.token,
        port: config.metrics.port,
        host: config.host,
      });
    const api = httpApi;
    const scrapeServer = metricsServer;
    return {
      url: `http://127.0.0.1:${port}${GRAPHQL_PATH}`,
      port,
      generatedAdminKey: generatedSecret,
      db,
      store,
      tokens,
      metricsPort: scrapeServer?.port ?? null,
      async close() {
        await scrapeServer?.close();
        await api.close();
        // After the batch in flight, the job is given back: the next process to start resumes it.
        await imports.close();
        await closePoolHosts();
        await srpThreads.close();
        await background.dispatcher.close();
        await background.feed.close();
        await announcer.flush();
        await readyStore.close();
        await db.close();
      },
    };
  } catch (error) {
    await startupLock?.release().catch(() => undefined);
    await httpApi?.close().catch(() => undefined);
    await importRunner?.close().catch(() => undefined);
    await metricsServer?.close().catch(() => undefined);
    await webhookDispatcher?.close().catch(() => undefined);
    await closePoolHosts().catch(() => undefined);
    await eventFeed?.close().catch(() => undefined);
    await store?.close().catch(() => undefined);
    await srp?.close().catch(() => undefined);
    if (dataSource.isInitialized) await dataSource.destroy();
    throw error;
  }
}

/** EMAIL: SMTP, else the webhook, else the outbox. SMS: the webhook, else the outbox. */
function createMessageSender(
  messaging: MessagingConfig,
  deps: { db: Database; secretBox: SecretBox; clock: Clock; logger: Logger },
): MessageSender {
  const { db, secretBox, clock, logger } = deps;
  const webhook = messaging.webhook
    ? createWebhookSender({ url: messaging.webhook.url, secret: messaging.webhook.secret, clock, logger })
    : undefined;
  const smtp = messaging.smtp
    ? createSmtpSender({ url: messaging.smtp.url, from: messaging.smtp.from, logger })
    : undefined;
  const routes = {
    email: messaging.smtp ? "smtp" : messaging.webhook ? "webhook" : "outbox",
    sms: messaging.webhook ? "webhook" : "outbox",
  };
  logger.info({ messageRoutes: routes }, "message delivery routes");
  return createRoutingSender({
    email: smtp ?? webhook,
    sms: webhook,
    outbox: createOutboxSender({ db, secretBox, clock, logger }),
  });
}
