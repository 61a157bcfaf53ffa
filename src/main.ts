import "reflect-metadata";
import { createApp } from "./app.js";
import { ConfigError, loadConfig } from "./config/index.js";
import { createPinoLogger } from "./infra/logging/pino-logger.js";

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
  const logger = createPinoLogger(config.logLevel);
  const app = await createApp(config, { logger });
  const publicGraphqlUrl = `${config.publicUrl}/graphql`;
  logger.info(
    { url: publicGraphqlUrl, database: config.database.dialect, store: config.redisUrl ? "redis" : "memory" },
    "identity gateway listening",
  );

  // Printed to the terminal, never to the JSON log: the key appears exactly once, here.
  const banner = [`\nIdentity gateway ready: GraphQL at ${publicGraphqlUrl}`];
  if (app.generatedAdminKey) {
    banner.push(`First start: your admin API key (shown only now, store it safely):\n\n    ${app.generatedAdminKey}\n`);
    banner.push(`Use it as: Authorization: Bearer <key>`);
  } else if (!config.adminApiKey) {
    banner.push(
      "Admin API key: the one printed at first start. Lost it? Start with ADMIN_API_KEY=<24+ chars> to add one.",
    );
  } else {
    banner.push("Admin API key: the value of ADMIN_API_KEY (send it as Authorization: Bearer <key>).");
  }
  process.stdout.write(`${banner.join("\n")}\n\n`);

  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    logger.info({ signal }, "shutting down: draining requests");
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error instanceof Error ? error.message : String(error) }, "error during shutdown");
        process.exit(1);
      },
    );
  };
  process.on("SIGTERM", () => shutdown("SIGTERM"));
  process.on("SIGINT", () => shutdown("SIGINT"));
}

main().catch((error: unknown) => {
  process.stderr.write(`Gateway failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
