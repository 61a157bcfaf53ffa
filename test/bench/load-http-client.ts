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

/** A keep-alive GraphQL client over node:http (shared by the benchmark's load workers). */
export function createHttpClient(url: string, concurrency: number) {
  const target = new URL(url);
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  return {
    post(query: string, variables: Record<string, unknown>, bearer?: string): Promise<GraphqlBody> {
      const body = Buffer.from(JSON.stringify({ query, variables }));
      return new Promise((resolve, reject) => {
        const call = request(
          {
            agent,
            host: target.hostname,
            port: target.port,
            path: target.pathname,
            method: "POST",
            headers: { "content-type": "application/json", "content-length": body.length, ...(bearer ? { authorization: `Bearer ${bearer}` } : {}) },
          },
          (response) => {
            const chunks: Buffer[] = [];
            response.on("data", (chunk: Buffer) => chunks.push(chunk));
            response.on("end", () => {
              try {
                resolve(JSON.parse(Buffer.concat(chunks).toString("utf8")) as GraphqlBody);
              } catch (error) {
                reject(new Error(`HTTP ${response.statusCode}: ${(error as Error).message}`));
              }
            });
            response.on("error", reject);
          },
        );
        // A request the gateway never answers fails the operation instead of hanging the phase.
        call.setTimeout(REQUEST_TIMEOUT_MS, () => call.destroy(new Error(`no answer within ${REQUEST_TIMEOUT_MS / 1000} s`)));
        call.on("error", reject);
        call.end(body);
      });
    },
    close: () => agent.destroy(),
  };
}
