import { pino, type DestinationStream, type Logger as PinoInstance } from "pino";
import type { Logger } from "../../core/ports.js";

/**
 * JSON logs. Redaction is a second line of defence: no code path should log a secret, but if a
 * field with one of these names slips into a log line its value is replaced.
 */
const REDACTED_PATHS = [
  "password",
  "*.password",
  "proposedPassword",
  "*.proposedPassword",
  "previousPassword",
  "temporaryPassword",
  "code",
  "*.code",
  "confirmationCode",
  "*.confirmationCode",
  "secret",
  "*.secret",
  "clientSecret",
  "*.clientSecret",
  "token",
  "*.token",
  "accessToken",
  "refreshToken",
  "idToken",
  "authorization",
  "*.authorization",
  "req.headers.authorization",
  "headers.authorization",
  "adminApiKey",
  "secretsKey",
  "variables",
  // A request body, whole or in Cognito's shape: body-parser errors carry the raw body as `body`, and
  // pino's error serializer copies every field of an error it is given.
  "body",
  "*.body",
  "rawBody",
  "*.rawBody",
  "session",
  "*.session",
  "Session",
  "*.Session",
  "AuthParameters",
  "*.AuthParameters",
  "ChallengeResponses",
  "*.ChallengeResponses",
  "PASSWORD",
  "*.PASSWORD",
  "REFRESH_TOKEN",
  "*.REFRESH_TOKEN",
  "SECRET_HASH",
  "*.SECRET_HASH",
  "*.refreshToken",
  "*.accessToken",
  "*.idToken",
];

/** The pino instance behind each Logger made here: the access log (api/http/access-log.ts) writes through it. */
const instances = new WeakMap<Logger, PinoInstance>();

/** The pino instance of a Logger made by createPinoLogger; null for any other Logger (a test's capture). */
export function pinoInstanceOf(logger: Logger): PinoInstance | null {
  return instances.get(logger) ?? null;
}

export function createPinoLogger(level: string, destination?: DestinationStream): Logger & { flush(): void } {
  const logger = pino(
    {
      level,
      base: { service: "identity-gateway" },
      redact: { paths: REDACTED_PATHS, censor: "[redacted]" },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    destination,
  );
  const wrapped: Logger & { flush(): void } = {
    debug: (fields, message) => logger.debug(fields, message),
    info: (fields, message) => logger.info(fields, message),
    warn: (fields, message) => logger.warn(fields, message),
    error: (fields, message) => logger.error(fields, message),
    flush: () => logger.flush(),
  };
  instances.set(wrapped, logger);
  return wrapped;
}
