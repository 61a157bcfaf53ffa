/**
 * The load workers' HTTP client, in a module of its own: a worker file registers its message handler
 * when it loads, so one worker importing another's file would run both handlers on every task.
 */
import { Agent, request } from "node:http";

const REQUEST_TIMEOUT_MS = 30_000;

export interface GraphqlBody {
  data?: Record<string, Record<string, unknown> | null> | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

export interface HttpAnswer {
  status: number;
  text: string;
}

/**
 * A keep-alive HTTP client over node:http (shared by the benchmark's load workers): `post` for GraphQL at
 * `url`, `send` for any request on the same host (the AWS JSON wire, the OAuth endpoints).
 */
export function createHttpClient(url: string, concurrency: number) {
  const target = new URL(url);
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const send = (
    method: string,
    path: string,
    headers: Record<string, string> = {},
    body?: string,
  ): Promise<HttpAnswer> => {
    const payload = body === undefined ? undefined : Buffer.from(body);
    return new Promise((resolve, reject) => {
      const call = request(
        {
          agent,
          host: target.hostname,
          port: target.port,
          path,
          method,
          headers: payload ? { ...headers, "content-length": payload.length } : headers,
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on("data", (chunk: Buffer) => chunks.push(chunk));
          response.on("end", () =>
            resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString("utf8") }),
          );
          response.on("error", reject);
        },
      );
      // A request the gateway never answers fails the operation instead of hanging the phase.
      call.setTimeout(REQUEST_TIMEOUT_MS, () =>
        call.destroy(new Error(`no answer within ${REQUEST_TIMEOUT_MS / 1000} s`)),
      );
      call.on("error", reject);
      call.end(payload);
    });
  };
  return {
    async post(query: string, variables: Record<string, unknown>, bearer?: string): Promise<GraphqlBody> {
      const answer = await send(
        "POST",
        target.pathname,
        { "content-type": "application/json", ...(bearer ? { authorization: `Bearer ${bearer}` } : {}) },
        JSON.stringify({ query, variables }),
      );
      try {
        return JSON.parse(answer.text) as GraphqlBody;
      } catch (error) {
        throw new Error(`HTTP ${answer.status}: ${(error as Error).message}`);
      }
    },
    send,
    close: () => agent.destroy(),
  };
}
