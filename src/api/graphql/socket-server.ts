import {
  execute,
  GraphQLError,
  NoSchemaIntrospectionCustomRule,
  parse,
  specifiedRules,
  subscribe,
  validate,
  type DocumentNode,
  type ExecutionArgs,
  type GraphQLSchema,
  type ValidationRule,
} from "graphql";
import { useServer } from "graphql-ws/use/ws";
import type { IncomingMessage, Server } from "node:http";
import type { Duplex } from "node:stream";
import type { Logger as PinoLogger } from "pino";
import { WebSocketServer } from "ws";
import type { Logger } from "../../core/ports.js";
import { randomUuid } from "../../lib/random.js";
import { logSocketOperation } from "../http/access-log.js";
import type { ClientAddresses } from "../http/client-address.js";
import { isOriginAllowed } from "../http/cors.js";
import { pathOf } from "../http/edge.js";
import { MAX_REQUEST_BYTES } from "../http/edge-errors.js";
import { refuseUpgrade } from "../http/upgrade-refusal.js";
import { readBearerToken, type ApiServices, type GraphqlContext } from "./context.js";
import { asClientFaultIfBadVariable, formatGraphqlError, recordUnexpectedError } from "./errors.js";
import {
  createOperationCounter,
  createSocketCounter,
  DEFAULT_SOCKET_LIMITS,
  socketOf,
  withSocket,
  type SocketLimits,
} from "./socket-limits.js";

export interface GraphqlWsDeps {
  server: Server;
  /** The one path sockets are served on (the GraphQL path); any other handshake is refused. */
  graphqlPath: string;
  schema: GraphQLSchema;
  services: ApiServices;
  logger: Logger;
  /** Writes the access log's socket lines; null = no access log. */
  accessLogger: PinoLogger | null;
  clientAddresses: ClientAddresses;
  /** CORS_ORIGINS: the browser origins allowed to open a socket; null = any. */
  corsOrigins: readonly string[] | null;
  /** The parse limit HTTP's documents have. */
  maxTokens: number;
  /** The validation limits HTTP's documents have (depth, cost, aliases, one sign-in step). */
  limitRules: readonly ValidationRule[];
  isProduction: boolean;
  /** Unset fields keep DEFAULT_SOCKET_LIMITS (tests lower them). */
  socketLimits?: Partial<SocketLimits>;
}

export interface GraphqlWs {
  /** Closes every socket (the server's drain). */
  dispose(): Promise<void>;
  /** Stops the socket server itself, once drained. */
  close(): void;
}

/**
 * graphql-ws on the HTTP server's upgrades: which handshakes are let in (path, origin, sockets per
 * address), the same parse and validation limits as HTTP, operations counted per socket, and the same
 * error shapes and log lines.
 */
export function serveGraphqlWs({
  server,
  graphqlPath,
  schema,
  services,
  logger,
  accessLogger,
  clientAddresses,
  corsOrigins,
  maxTokens,
  limitRules,
  isProduction,
  socketLimits: socketLimitOverrides,
}: GraphqlWsDeps): GraphqlWs {
  const socketLimits: SocketLimits = { ...DEFAULT_SOCKET_LIMITS, ...socketLimitOverrides };
  const openSockets = createSocketCounter(socketLimits.maxSocketsPerAddress);
  const runningOperations = createOperationCounter(socketLimits.maxOperationsPerSocket);
  // The socket gets what Apollo's introspection: false and hideSchemaDetailsFromClientErrors give HTTP.
  const wsRules = [...specifiedRules, ...(isProduction ? [NoSchemaIntrospectionCustomRule] : []), ...limitRules];
  const wsMessage = (message: string) => (isProduction ? message.replace(/ ?Did you mean(.+?)\?$/, "") : message);

  // ws would read messages of up to 100 MiB: a socket message gets the HTTP body cap. A larger one is
  // refused as it arrives (close 1009) and never reaches graphql-ws.
  // Browsers send Origin on a socket handshake but apply no CORS to sockets: with CORS_ORIGINS set, a
  // page on another origin is refused here (403). Backend services send no Origin and are let in.
  // The upgrade handler below decides which handshakes ws sees, and answers every refusal in JSON.
  const wsServer = new WebSocketServer({ noServer: true, maxPayload: MAX_REQUEST_BYTES });
  server.on("upgrade", (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    const path = pathOf(request.url ?? "");
    const refusal = { request, socket, path, isGraphqlPath: path === graphqlPath };
    if (path !== graphqlPath)
      return refuseUpgrade(logger, refusal, 404, "NotFoundException", `WebSocket is served on ${graphqlPath} only.`);
    if (!isOriginAllowed(corsOrigins, request.headers.origin))
      return refuseUpgrade(
        logger,
        refusal,
        403,
        "ForbiddenException",
        "This origin is not allowed to call the gateway (CORS_ORIGINS).",
      );
    // Counted until the TCP connection closes, whatever ends it (a refused handshake included).
    if (!openSockets.admit(clientAddresses.addressOf(request), (release) => socket.once("close", release)))
      return refuseUpgrade(
        logger,
        refusal,
        429,
        "LimitExceededException",
        `At most ${socketLimits.maxSocketsPerAddress} sockets may be open at once from one address; close one first.`,
      );
    wsServer.handleUpgrade(request, socket, head, (webSocket) => wsServer.emit("connection", webSocket, request));
  });
  // A handshake ws cannot accept (no Sec-WebSocket-Key, an unknown version, a bad subprotocol header).
  wsServer.on("wsClientError", (error: Error, socket: Duplex, request: IncomingMessage) =>
    refuseUpgrade(
      logger,
      { request, socket, path: graphqlPath, isGraphqlPath: true },
      400,
      "InvalidParameterException",
      error.message,
    ),
  );
  const wsCleanup = useServer<Record<string, unknown>>(
    {
      schema,
      // Counted per socket while they run (graphql/socket-limits.ts); past the limit, refused without running.
      execute: (args) => runningOperations.admit(socketOf(args), () => execute(args)) as ReturnType<typeof execute>,
      subscribe: (args) =>
        runningOperations.admit(socketOf(args), () => subscribe(args)) as ReturnType<typeof subscribe>,
      context: (ctx) =>
        withSocket(ctx.extra.socket, {
          requestId: randomUuid(),
          services,
          bearerToken: readBearerToken(
            typeof ctx.connectionParams?.authorization === "string" ? ctx.connectionParams.authorization : undefined,
          ),
          sourceIp: clientAddresses.addressOf(ctx.extra.request),
          admin: null,
          user: null,
        } satisfies GraphqlContext),
      // The same parse and validation limits as over HTTP, so the socket is no way around them.
      onSubscribe: (ctx, _id, payload) => {
        let document: DocumentNode | undefined;
        const refused = () =>
          logSocketOperation(accessLogger, {
            requestId: null,
            path: graphqlPath,
            clientAddress: clientAddresses.addressOf(ctx.extra.request),
            document,
            operationName: payload.operationName,
            refused: true,
          });
        try {
          document = parse(payload.query, { maxTokens: maxTokens });
        } catch (error) {
          refused();
          // Apollo's own codes, so formatGraphqlError reports them as InvalidParameterException as over HTTP.
          return [
            new GraphQLError(error instanceof GraphQLError ? error.message : "Could not parse the document", {
              extensions: { code: "GRAPHQL_PARSE_FAILED" },
            }),
          ];
        }
        const errors = validate(schema, document, wsRules);
        if (errors.length > 0) {
          refused();
          return errors.map(
            (error) =>
              new GraphQLError(wsMessage(error.message), { extensions: { code: "GRAPHQL_VALIDATION_FAILED" } }),
          );
        }
        return undefined;
      },
      onOperation: (_ctx, _id, _payload, args: ExecutionArgs) => {
        const { requestId, sourceIp } = args.contextValue as GraphqlContext;
        logSocketOperation(accessLogger, {
          requestId,
          path: graphqlPath,
          clientAddress: sourceIp,
          document: args.document,
          operationName: args.operationName,
        });
      },
      onError: (_ctx, _id, _payload, errors) =>
        errors.map((error) => {
          const formatted = formatGraphqlError(error.toJSON(), error);
          return new GraphQLError(formatted.message, { extensions: formatted.extensions, path: formatted.path });
        }),
      onNext: (_ctx, _id, _payload, args: ExecutionArgs, result) => {
        if (!("errors" in result) || !result.errors) return result;
        const { requestId } = args.contextValue as GraphqlContext;
        return {
          ...result,
          errors: result.errors.map((sent) => {
            const error = asClientFaultIfBadVariable(sent);
            recordUnexpectedError(logger, error, requestId, args.operationName);
            const formatted = formatGraphqlError(error.toJSON(), error);
            return new GraphQLError(formatted.message, { extensions: formatted.extensions, path: formatted.path });
          }),
        };
      },
    },
    wsServer,
  );
  // ws reports a refused message (too large, bad frame) as an "error" on the socket after closing it;
  // graphql-ws's own listener printed it with console.error, outside the JSON log. Registered after
  // useServer, this replaces that listener on each new socket.
  wsServer.on("connection", (socket) => {
    socket.removeAllListeners("error");
    socket.on("error", (error: Error & { code?: string }) => {
      logger.info({ reason: error.code ?? error.name, path: graphqlPath }, "graphql-ws message refused");
      socket.close(1011);
    });
  });
  return {
    dispose: async () => void (await wsCleanup.dispose()),
    close: () => wsServer.close(),
  };
}
