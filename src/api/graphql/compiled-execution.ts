import type { ApolloServerOptionsWithGateway, BaseContext } from "@apollo/server";
import {
  execute,
  GraphQLError,
  type DocumentNode,
  type ExecutionResult,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type Source,
} from "graphql";
import { compileQuery, isCompiledQuery, type CompiledQuery } from "graphql-jit";

type Gateway = ApolloServerOptionsWithGateway<BaseContext>["gateway"];
type GatewayRequest = Parameters<NonNullable<Awaited<ReturnType<Gateway["load"]>>["executor"]>>[0];

/** What graphql-jit reports for a field's failure: not graphql-js's GraphQLError class, which Apollo and our formatter test for. */
export interface JitError {
  message: string;
  locations?: readonly { line: number; column: number }[];
  path?: readonly (string | number)[];
  originalError?: Error;
  extensions?: Record<string, unknown>;
}

/** graphql-jit's compileQuery, or a stand-in that counts its calls (the unit tests). */
export type Compile = (
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName?: string,
) => CompiledQuery | ExecutionResult;

/** A client fault (Apollo's BAD_REQUEST): the formatter reports it as InvalidParameterException and nothing is logged. */
const subscriptionOverHttp = () =>
  new GraphQLError("Subscriptions are served over graphql-ws (WebSocket) on /graphql, not over HTTP POST.", {
    extensions: { code: "BAD_REQUEST" },
  });

/**
 * A query or mutation Apollo has parsed, validated (the limit rules included) and run, compiled: what
 * direct-execution.ts needs to answer the same text again without Apollo's pipeline.
 */
export interface ReadyOperation {
  operation: OperationDefinitionNode;
  compiled: CompiledQuery;
}

/** The documents Apollo has accepted and graphql-jit compiled, by their exact text and the operation name sent. */
export interface ReadyOperations {
  find(query: string, operationName: string): ReadyOperation | undefined;
  remember(query: string, operationName: string, ready: ReadyOperation): void;
}

/** Enough for every document a real client sends; a stream of distinct documents only cycles it. */
const MAX_READY_DOCUMENTS = 500;

export function createReadyOperations(maxDocuments = MAX_READY_DOCUMENTS): ReadyOperations {
  const documents = new Map<string, Map<string, ReadyOperation>>();
  return {
    find: (query, operationName) => documents.get(query)?.get(operationName),
    remember(query, operationName, ready) {
      let operations = documents.get(query);
      if (!operations) {
        if (documents.size >= maxDocuments) documents.delete(documents.keys().next().value!);
        documents.set(query, (operations = new Map()));
      }
      operations.set(operationName, ready);
    },
  };
}

/** Apollo's OPERATION_RESOLUTION_FAILURE (a 400), with graphql-js's words; the formatter reports InvalidParameterException. */
const unresolvedOperation = (operationName: string | undefined) =>
  new GraphQLError(
    operationName === undefined || operationName === null
      ? "Must provide operation name if query contains multiple operations."
      : `Unknown operation named "${operationName}".`,
    { extensions: { code: "OPERATION_RESOLUTION_FAILURE", http: { status: 400 } } },
  );

/** Each operation of a document: run once by graphql-js, then compiled (null: graphql-jit refused it). */
const SEEN_ONCE = Symbol("seenOnce");
type Operations = Map<string, typeof SEEN_ONCE | CompiledQuery | null>;

/**
 * Runs queries and mutations through graphql-jit, which turns a document into a function once and then
 * executes it at a fraction of graphql-js's per-field cost (a 60-user listUsers page: 2.9 → 2.0 ms of the
 * gateway thread). Plugged in through Apollo's gateway interface, its one documented way to replace the
 * executor, so parsing, validation (the depth, cost and alias limits), plugins and error formatting stay
 * Apollo's. A document is compiled on its second run: compiling costs more than one execution, so a
 * client sending a stream of distinct documents gets graphql-js and never makes the gateway compile.
 * Compiled code lives as long as Apollo keeps the parsed document (its bounded document store).
 * A subscription over HTTP is refused (graphql-ws serves them); any document graphql-jit refuses runs on
 * graphql-js unchanged.
 */
export function createCompiledExecution(
  schema: GraphQLSchema,
  compile: Compile = compileQuery,
  ready?: ReadyOperations,
): Gateway {
  const documents = new WeakMap<DocumentNode, Operations>();

  const compiledFor = (document: DocumentNode, operationName: string): CompiledQuery | null | undefined => {
    let operations = documents.get(document);
    if (!operations) documents.set(document, (operations = new Map()));
    const state = operations.get(operationName);
    if (state === undefined) {
      operations.set(operationName, SEEN_ONCE);
      return undefined;
    }
    if (state !== SEEN_ONCE) return state;
    let usable: CompiledQuery | null = null;
    try {
      const compiled = compile(schema, document, operationName || undefined);
      if (isCompiledQuery(compiled)) usable = compiled;
    } catch {
      // A document graphql-jit cannot compile still has an answer: graphql-js's.
    }
    operations.set(operationName, usable);
    return usable;
  };

  const runOnGraphqlJs = (request: GatewayRequest) =>
    execute({
      schema,
      document: request.document,
      contextValue: request.context,
      variableValues: request.request.variables,
      operationName: request.operationName,
    });

  const executor = async (request: GatewayRequest): Promise<ExecutionResult> => {
    // A subscription is a stream: over HTTP its resolver would run without an event and fail.
    // No operation by that name (or none named in a document of several): the client's fault, as graphql-js words it.
    if (!request.operation) return { errors: [unresolvedOperation(request.request.operationName)] };
    if (request.operation.operation === "subscription") return { errors: [subscriptionOverHttp()] };
    const compiled = compiledFor(request.document, request.operationName ?? "");
    if (!compiled) return runOnGraphqlJs(request);
    // Apollo got here only after parsing and validating this exact text: the next request with it may skip both.
    const query = request.request.query;
    if (ready && query !== undefined)
      ready.remember(query, request.request.operationName ?? "", { operation: request.operation, compiled });
    const result = (await compiled.query(undefined, request.context, request.request.variables ?? {})) as {
      data?: unknown;
      errors?: readonly JitError[];
    };
    if (!result.errors?.length) return result as ExecutionResult;
    // No data: the variables were refused before any resolver ran. graphql-js words those errors the way
    // Apollo and clients expect (and Apollo answers 400), so it reports them.
    if (!("data" in result)) return runOnGraphqlJs(request);
    const source = request.document.loc?.source;
    return {
      data: result.data as ExecutionResult["data"],
      errors: result.errors.map((error) => asGraphqlError(error, source)),
    };
  };

  return {
    async load() {
      return { executor };
    },
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: "" });
      return () => {};
    },
    async stop() {},
  };
}

/** graphql-jit's error as graphql-js's, with its path, original error (for unwrapResolverError) and locations. */
export function asGraphqlError(error: JitError, source: Source | undefined): GraphQLError {
  const positions = source && error.locations?.map((location) => positionOf(source.body, location));
  return new GraphQLError(error.message, {
    source: positions ? source : undefined,
    positions,
    path: error.path,
    originalError: error.originalError,
    extensions: error.extensions,
  });
}

/** The character offset of a 1-based line and column, counting line breaks as graphql-js's getLocation does. */
function positionOf(body: string, { line, column }: { line: number; column: number }): number {
  const lineBreak = /\r\n|[\n\r]/g;
  let lineStart = 0;
  for (let current = 1; current < line && lineBreak.exec(body); current++) lineStart = lineBreak.lastIndex;
  return lineStart + column - 1;
}
