import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from "@apollo/server/plugin/disabled";
import express, { type Request, type Response } from "express";
import type { GraphQLSchema } from "graphql";
import { createServer, type Server } from "node:http";
import type { GraphqlLimits, TrustProxy } from "../config/index.js";
import type { Logger as PinoLogger } from "pino";
import type { Logger, MessageAuthenticator, TokenSigner } from "../core/ports.js";
import { readBearerToken, type ApiServices, type GraphqlContext } from "./graphql/context.js";
import { formatGraphqlError } from "./graphql/errors.js";
import { createHttpRequestPlugin, withHttpResponse } from "./graphql/http-request.plugin.js";
import { createLimitRules } from "./graphql/hardening.js";
import { oneSignInStepPerDocument } from "./graphql/sign-in-step.rule.js";
import { createHealthRouter, type ReadinessCheck } from "./http/health.routes.js";
import { createWellKnownRouter } from "./http/well-known.routes.js";
import { createUiAssetsRouter } from "./oauth/ui-assets.routes.js";
import { createEdgeErrorHandler, MAX_REQUEST_BYTES, notFound, sendGraphqlError } from "./http/edge-errors.js";
import { createGraphiqlRouter } from "./http/graphiql.routes.js";
import type { RequestMetrics } from "./http/metrics.routes.js";
import { createAwsJsonRouter, createWireHandler, sendWireError } from "./aws-json/router.js";
import { createCors } from "./http/cors.js";
import { createEdge } from "./http/edge.js";
import { createGraphqlHttpHandler } from "./http/graphql-http.js";
import { createCompiledExecution, createReadyOperations } from "./graphql/compiled-execution.js";
import { createDirectExecution } from "./graphql/direct-execution.js";
import { serveGraphqlWs } from "./graphql/socket-server.js";
import type { SocketLimits } from "./graphql/socket-limits.js";
import { createAccessLog, noteGraphqlOperation, requestIdOf } from "./http/access-log.js";
import { createClientAddresses } from "./http/client-address.js";
import type { Clock } from "../lib/clock.js";
import type { PoolHosts } from "../core/oauth/pool-hosts.js";
import { createOAuthEndpointPath, createOAuthRouter } from "./oauth/router.js";
import { createOAuthEndpoints } from "./oauth/token.routes.js";
import { createPoolTransferRouter } from "./http/pool-transfer.routes.js";
import { createManagedLoginPages } from "./oauth/pages/router.js";
import { createUserImportUploadRouter } from "./http/user-import-upload.routes.js";
import { DEFAULT_BODY_DEADLINES, withBodyDeadline, type BodyDeadlines } from "./http/body-deadline.js";

export interface HttpApiDeps {
  schema: GraphQLSchema;
  services: ApiServices;
  logger: Logger;
  limits: GraphqlLimits;
  isProduction: boolean;
  readinessChecks: ReadinessCheck[];
  /** Publishes each pool's JWKS; the sign-in flows sign with it. */
  tokens: TokenSigner;
  poolExists(poolId: string): Promise<boolean>;
  /** PUBLIC_URL, the base of every pool's issuer. */
  publicUrl: string;
  /** The Cognito JSON wire protocol: its path (AWS_JSON_PATH) and the clock SigV4 dates are checked against. */
  awsJson: { path: string; clock: Clock };
  /** CORS_ORIGINS: the browser origins allowed to call the APIs; null = any. */
  corsOrigins: readonly string[] | null;
  /** Request counts and latency, and GET /metrics on this port when METRICS_TOKEN allows it (http/metrics.routes.ts). */
  requestMetrics: RequestMetrics;
  /** TRUST_PROXY: whose X-Forwarded-For is believed when resolving the client's address. */
  trustProxy: TrustProxy;
  /** Writes the access log (http/access-log.ts); null = no access log (a Logger not backed by pino). */
  accessLogger: PinoLogger | null;
  /** Which pool a Host names (pool domains), for the OAuth endpoints and sign-in pages. */
  poolHosts: PoolHosts;
  /** Signs what the sign-in pages hand the browser (CSRF tokens, the delivery text of /confirm). */
  pagesAuthenticator: MessageAuthenticator;
  /** How long request bodies may take to arrive; unset fields keep DEFAULT_BODY_DEADLINES (tests shorten them). */
  bodyDeadlines?: Partial<BodyDeadlines>;
  /** What one client may hold open on graphql-ws; unset fields keep DEFAULT_SOCKET_LIMITS (tests lower them). */
  socketLimits?: Partial<SocketLimits>;
}

/**
 * The OAuth endpoints every origin may call (Access-Control-Allow-Origin: *), on the issuer path or a pool
 * domain, as loosely as Express's router matches them (any case, a trailing slash).
 */
const ANY_ORIGIN_OAUTH_PATHS = /^(?:\/[^/]+)?\/oauth2\/(?:token|revoke|userInfo)\/?$/i;

/** Paths whose routes come before the wire router's (they answer a POST with 405), as Express matches them. */
const WIRE_SHADOWING_PATHS =
  /^(?:\/(?:healthz|readyz)|\/[^/]+\/\.well-known\/(?:jwks\.json|openid-configuration))\/?$/i;

/**
 * The streaming uploads, by the method and path their routes serve (PUT of a job's pre-signed URL, POST of
 * a pool import), as loosely as Express's router matches the path. Any other method there is answered at
 * once and gets an ordinary body's deadline.
 */
const isUploadRequest = (method: string | undefined, path: string): boolean =>
  (method === "PUT" && /^\/import-jobs\/[^/]+\/upload\/?$/i.test(path)) ||
  (method === "POST" && /^\/admin\/pools\/import\/?$/i.test(path));

export interface HttpApi {
  server: Server;
  listen(port: number, host: string): Promise<number>;
  close(): Promise<void>;
}

export const GRAPHQL_PATH = "/graphql";

/** Builds the HTTP edge: GraphQL over HTTP and graphql-ws on one path, plus health endpoints. */
export async function createHttpApi({
  schema,
  services,
  logger,
  limits,
  isProduction,
  readinessChecks,
  tokens,
  poolExists,
  publicUrl,
  awsJson,
  corsOrigins,
  trustProxy,
  accessLogger,
  requestMetrics,
  poolHosts,
  pagesAuthenticator,
  bodyDeadlines: deadlineOverrides,
  socketLimits: socketLimitOverrides,
}: HttpApiDeps): Promise<HttpApi> {
  const bodyDeadlines: BodyDeadlines = { ...DEFAULT_BODY_DEADLINES, ...deadlineOverrides };
  const { bodyTimeoutMs } = bodyDeadlines;
  const uploadDeadlines = {
    idleTimeoutMs: bodyDeadlines.uploadIdleTimeoutMs,
    timeoutMs: bodyDeadlines.uploadTimeoutMs,
  };
  const app = express();
  app.disable("x-powered-by");
  // One resolution of the client's address for HTTP (req.ip) and graphql-ws alike.
  const clientAddresses = createClientAddresses(trustProxy, logger);
  app.set("trust proxy", clientAddresses.trust);
  // Its request listener is the edge (http/edge.ts), added once Apollo has started; Express is its fallback.
  const server = createServer();
  // Node closes an idle keep-alive connection after 5 s, while a client or a load balancer may be sending
  // on it that moment: the request dies with ECONNRESET (a busy client, whose own idle timer runs late, hit it
  // in the suite). Load balancers keep idle connections for 60 s (AWS ALB's default), so the gateway keeps
  // them longer and the other side always closes first; headersTimeout must stay above keepAliveTimeout.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  // Node's requestTimeout (300 s) is one deadline for every request's body: it cut pool imports and CSV
  // uploads that stream for longer, and any value long enough for them would let a client trickling a
  // sign-in body hold its socket as long. It is off; the body deadlines replace it per kind of request
  // (http/body-deadline.ts): a total one for every body the edge, Express's parsers or nobody reads, and
  // an idle one plus a generous cap for the uploads. headersTimeout still bounds the headers.
  server.requestTimeout = 0;
  const limitRules = [...createLimitRules(limits), oneSignInStepPerDocument];
  const graphqlWs = serveGraphqlWs({
    server,
    graphqlPath: GRAPHQL_PATH,
    schema,
    services,
    logger,
    accessLogger,
    clientAddresses,
    corsOrigins,
    maxTokens: limits.maxTokens,
    limitRules,
    isProduction,
    socketLimits: socketLimitOverrides,
  });

  // The documents Apollo has validated and compiled, which direct-execution.ts may answer without its pipeline.
  const readyOperations = createReadyOperations();
  const apollo = new ApolloServer<GraphqlContext>({
    // Queries and mutations run compiled (graphql-jit); Apollo still parses, validates and formats.
    gateway: createCompiledExecution(schema, undefined, readyOperations),
    // Apollo's own messages go to the JSON log too, never to the console.
    logger: {
      debug: (message) => logger.debug({ source: "apollo" }, String(message)),
      info: (message) => logger.info({ source: "apollo" }, String(message)),
      warn: (message) => logger.warn({ source: "apollo" }, String(message)),
      error: (message) => logger.error({ source: "apollo" }, String(message)),
    },
    introspection: !isProduction,
    // main.ts owns SIGTERM/SIGINT (app.close drains everything in order). Apollo's own handler
    // stopped the server a second time, concurrently, and on MariaDB + Redis that stop never settled.
    stopOnTerminationSignals: false,
    hideSchemaDetailsFromClientErrors: isProduction,
    includeStacktraceInErrorResponses: false,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    // Automatic persisted queries would keep clients' documents in a per-process cache (not shared behind a
    // load balancer, and filled by anyone); every request sends its query instead.
    persistedQueries: false,
    parseOptions: { maxTokens: limits.maxTokens },
    validationRules: limitRules,
    formatError: formatGraphqlError,
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      // No field has a cache hint: the plugin wrapped every resolver to find none. http-request.plugin sets no-store.
      ApolloServerPluginCacheControlDisabled(),
      ApolloServerPluginDrainHttpServer({ httpServer: server }),
      // Error logging, request metrics and the access line's operation: one plugin, one set of hooks per request.
      createHttpRequestPlugin({
        logger,
        noteOperation: noteGraphqlOperation,
        noteResult: requestMetrics.noteGraphqlResult,
      }),
      {
        async serverWillStart() {
          return {
            async drainServer() {
              await graphqlWs.dispose();
            },
          };
        },
      },
    ],
  });
  await apollo.start();

  const handleGraphql = createGraphqlHttpHandler(
    apollo,
    (request, response) =>
      // The request's id from the access log, already in x-request-id; the address follows TRUST_PROXY.
      withHttpResponse(
        {
          requestId: requestIdOf(request),
          services,
          bearerToken: readBearerToken(request.headers.authorization),
          admin: null,
          user: null,
          sourceIp: clientAddresses.addressOf(request),
        },
        response,
      ),
    // The same hooks as the plugin above.
    createDirectExecution({
      ready: readyOperations,
      logger,
      noteOperation: noteGraphqlOperation,
      noteResult: requestMetrics.noteGraphqlResult,
    }),
  );
  // The GraphQL requests the edge leaves to Express (another method or content type, a compressed body).
  const graphql = [
    withBodyDeadline(express.json({ limit: MAX_REQUEST_BYTES }), bodyTimeoutMs),
    (request: Request, response: Response) => handleGraphql(request, response, request.body),
    // A body the JSON parser refuses (malformed, too large, another charset) is answered here as GraphQL.
    createEdgeErrorHandler(logger, sendGraphqlError),
  ];
  // The id, access line, metrics and CORS of every request are the edge's (http/edge.ts), before Express.
  app.use(requestMetrics.router);
  app.post(GRAPHQL_PATH, ...graphql);
  app.use(createHealthRouter(readinessChecks, logger));
  app.use(
    createWellKnownRouter({
      tokens,
      poolExists,
      issuerBase: publicUrl,
      domainBaseOf: (poolId) => poolHosts.domainBaseOf(poolId),
    }),
  );
  app.use(createUiAssetsRouter({ uiCustomizations: services.uiCustomizations }));
  // GET /graphql from a browser (Accept: text/html) gets GraphiQL; every other request goes on to Apollo.
  app.use(createGraphiqlRouter(GRAPHQL_PATH));
  // POST on its own path only (another method there is a 405): GET /healthz and the GraphQL path are untouched.
  const wireDeps = { services, logger, clock: awsJson.clock };
  app.use(createAwsJsonRouter({ ...wireDeps, path: awsJson.path, bodyTimeoutMs }));
  app.use(GRAPHQL_PATH, ...graphql);
  // The targets of import jobs' pre-signed URLs (PUT /import-jobs/<jobId>/upload), before the pools' paths.
  app.use(createUserImportUploadRouter({ userImports: services.userImports, logger, deadlines: uploadDeadlines }));
  // Pool export and import, streamed NDJSON with an admin key (GET /admin/pools/<id>/export, POST /admin/pools/import).
  app.use(
    createPoolTransferRouter({
      adminKeys: services.adminKeys,
      poolExport: services.poolExport,
      poolImport: services.poolImport,
      logger,
      deadlines: uploadDeadlines,
    }),
  );
  // The pools' OAuth endpoints and sign-in pages: `/<poolId>/…` and pool domains by Host. After the wire
  // router, whose error handler would otherwise answer this router's errors in the wire's shape.
  app.use(
    createOAuthRouter({
      services,
      poolHosts,
      publicUrl,
      pages: createManagedLoginPages({
        services,
        clock: awsJson.clock,
        logger,
        authenticator: pagesAuthenticator,
        bodyTimeoutMs,
      }),
      bodyTimeoutMs,
    }),
  );
  // Nothing reaches Express's default handlers: unknown paths and any error a route throws get JSON.
  app.use(notFound);
  app.use(createEdgeErrorHandler(logger));

  server.on(
    "request",
    createEdge({
      logger,
      accessLog: createAccessLog(accessLogger, clientAddresses.addressOf),
      clientAddresses,
      requestMetrics,
      // Before every route, so a preflight is answered and every answer, errors included, carries CORS headers.
      cors: createCors({ origins: corsOrigins, logger, anyOriginPaths: ANY_ORIGIN_OAUTH_PATHS }),
      graphql: { path: GRAPHQL_PATH, handle: handleGraphql },
      // A POST there is answered by a route mounted before the wire's (a 405): Express keeps it.
      wire: {
        path: WIRE_SHADOWING_PATHS.test(awsJson.path) ? null : awsJson.path,
        handle: createWireHandler(wireDeps),
        sendError: sendWireError,
      },
      oauth: {
        resolve: createOAuthEndpointPath({ poolHosts, publicUrl, trust: clientAddresses.trust }),
        endpoints: createOAuthEndpoints({ oauthTokens: services.oauthTokens, accessTokens: services.accessTokens }),
      },
      fallback: app,
      bodyDeadlines,
      isUploadRequest,
    }),
  );

  return {
    server,
    listen: (port, host) =>
      new Promise((resolve, reject) => {
        server.once("error", reject);
        server.listen(port, host, () => {
          const address = server.address();
          resolve(typeof address === "object" && address ? address.port : port);
        });
      }),
    close: async () => {
      await apollo.stop();
      graphqlWs.close();
    },
  };
}
