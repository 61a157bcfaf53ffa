import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { print, type DocumentNode } from "graphql";
import { createClient } from "graphql-ws";
import WebSocket from "ws";

export interface GraphqlError {
  message: string;
  extensions?: { code?: string; [key: string]: unknown };
  path?: (string | number)[];
}

export interface GraphqlResult<TData> {
  data?: TData | null;
  errors?: GraphqlError[];
  status: number;
}

type Document<TData, TVariables> = TypedDocumentNode<TData, TVariables> | DocumentNode | string;

const toSource = (document: Document<unknown, unknown>): string =>
  typeof document === "string" ? document : print(document);

/** POSTs one GraphQL operation over HTTP, as any frontend would. */
export async function postGraphql<TData, TVariables>(
  url: string,
  document: Document<TData, TVariables>,
  variables?: TVariables,
  options: { token?: string | null; headers?: Record<string, string> } = {},
): Promise<GraphqlResult<TData>> {
  const response = await fetch(url, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...options.headers,
    },
    body: JSON.stringify({ query: toSource(document), variables }),
  });
  const body = (await response.json()) as { data?: TData | null; errors?: GraphqlError[] };
  return { ...body, status: response.status };
}

/** Runs one operation over graphql-ws (the socket backend services use), with the key in connectionParams. */
export async function wsGraphql<TData, TVariables>(
  url: string,
  document: Document<TData, TVariables>,
  variables?: TVariables,
  options: { token?: string | null } = {},
): Promise<Omit<GraphqlResult<TData>, "status">> {
  const client = createClient({
    url: url.replace(/^http/, "ws"),
    webSocketImpl: WebSocket,
    connectionParams: options.token ? { authorization: `Bearer ${options.token}` } : {},
    retryAttempts: 0,
  });
  try {
    return await new Promise((resolve, reject) => {
      let result: Omit<GraphqlResult<TData>, "status"> = {};
      client.subscribe<TData>(
        { query: toSource(document), variables: variables as Record<string, unknown> | undefined },
        {
          next: (value) => {
            result = value as typeof result;
          },
          error: (error) => {
            if (Array.isArray(error)) resolve({ errors: error as GraphqlError[] });
            else reject(error instanceof Error ? error : new Error(JSON.stringify(error)));
          },
          complete: () => resolve(result),
        },
      );
    });
  } finally {
    await client.dispose();
  }
}

/** Returns data or throws with the errors, for steps that must succeed. */
export function expectData<TData>(result: Omit<GraphqlResult<TData>, "status">): TData {
  if (result.errors?.length || !result.data) throw new Error(`GraphQL call failed: ${JSON.stringify(result.errors)}`);
  return result.data;
}

export function errorCodes(result: Omit<GraphqlResult<unknown>, "status">): (string | undefined)[] {
  return (result.errors ?? []).map((error) => error.extensions?.code);
}
