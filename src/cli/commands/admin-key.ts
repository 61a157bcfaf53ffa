import { CognitoError } from "../../core/errors.js";
import { createUncachedAdminKeyLookups } from "../../core/admin-keys/admin-key-cache.js";
import { createAdminKeyService, type AdminKeyService } from "../../core/admin-keys/admin-key.service.js";
import type { AdminApiKey } from "../../core/admin-keys/admin-key.types.js";
import { stringOption, type Command } from "../command.js";
import { CLI_PRINCIPAL, loadCliConfig, withCliDatabase, type CliDatabase } from "../context.js";
import { withGatewayAnnouncer } from "../gateway-announcer.js";
import { CliError, EXIT, type Output } from "../io.js";

const PAGE_SIZE = 60;

/** The core service over the CLI's database: the same checks and events as the admin API; a revocation reaches running gateways at once. */
async function withAdminKeys<T>(
  output: Output,
  work: (service: AdminKeyService, database: CliDatabase) => Promise<T>,
): Promise<T> {
  const config = loadCliConfig();
  return withCliDatabase(config, { requireMigrated: true }, (database) =>
    withGatewayAnnouncer(config, output, async (publish) => {
      const service = createAdminKeyService({
        db: database.db,
        clock: database.clock,
        secretBox: database.secrets().secretBox,
        keys: createUncachedAdminKeyLookups(publish),
      });
      try {
        return await work(service, database);
      } catch (error) {
        // The service's refusals (last unscoped key, unknown pool or key) are the operator's to read.
        if (error instanceof CognitoError) throw new CliError(`${error.code}: ${error.message}`);
        throw error;
      }
    }),
  );
}

const describeKey = (key: AdminApiKey) => ({
  keyId: key.id,
  name: key.name,
  poolScope: key.poolScope,
  createdAt: key.createdAt.toISOString(),
  createdBy: key.createdBy,
  revokedAt: key.revokedAt?.toISOString() ?? null,
});

export const adminKeyCreate: Command = {
  name: "admin-key create",
  summary: "Create an admin API key and print it once",
  usage: "--name <name> [--pool <poolId>]... [--json]",
  details:
    "Creates a key as the admin API's createAdminApiKey does (recorded as ADMIN_API_KEY_CREATED by admin-key:cli). The secret is printed once and stored only as a hash (plus a copy sealed with SECRETS_KEY for SigV4). Without --pool the key may do everything, including key management.",
  options: { name: { type: "string" }, pool: { type: "string", multiple: true }, json: { type: "boolean" } },
  optionHelp: [
    ["--name <name>", "what the key is for (1–128 characters)"],
    ["--pool <poolId>", "limit the key to this user pool; repeat for several"],
    ["--json", "print {keyId, name, poolScope, secret} as JSON"],
  ],
  positionals: { min: 0, max: 0, names: "" },
  async run(args, output) {
    const name = stringOption(args, "name");
    if (!name) throw new CliError("admin-key create needs --name <name>", EXIT.usage);
    const pools = args.values.pool as unknown as string[] | undefined;
    await withAdminKeys(output, async (service) => {
      const { key, secret } = await service.createAdminApiKey(CLI_PRINCIPAL, {
        name,
        poolScope: pools && pools.length > 0 ? pools : null,
      });
      if (args.values.json) {
        output.out(JSON.stringify({ keyId: key.id, name: key.name, poolScope: key.poolScope, secret }));
        return;
      }
      output.out(
        `Created admin API key ${key.id} (${key.name}, ${key.poolScope ? `pools ${key.poolScope.join(", ")}` : "every pool"}).`,
      );
      output.out("Its secret, shown only now (send it as Authorization: Bearer <secret>):");
      output.out("");
      output.out(`    ${secret}`);
      output.out("");
    });
  },
};

export const adminKeyList: Command = {
  name: "admin-key list",
  summary: "List the admin API keys (never their secrets)",
  usage: "[--json]",
  details: "Lists every key, revoked ones included, oldest id first.",
  options: { json: { type: "boolean" } },
  optionHelp: [["--json", "print one JSON array"]],
  positionals: { min: 0, max: 0, names: "" },
  async run(args, output) {
    await withAdminKeys(output, async (service) => {
      const keys: AdminApiKey[] = [];
      let after: string | null = null;
      do {
        const page = await service.listAdminApiKeys(CLI_PRINCIPAL, { first: PAGE_SIZE, after });
        keys.push(...page.items);
        after = page.nextCursor;
      } while (after !== null);
      if (args.values.json) {
        output.out(JSON.stringify(keys.map(describeKey)));
        return;
      }
      if (keys.length === 0) output.out("No admin API keys.");
      for (const key of keys) {
        const scope = key.poolScope ? `pools ${key.poolScope.join(",")}` : "every pool";
        output.out(
          `${key.id}  ${key.revokedAt ? "revoked" : "active "}  ${key.createdAt.toISOString()}  ${scope}  ${key.name}`,
        );
      }
    });
  },
};

export const adminKeyRevoke: Command = {
  name: "admin-key revoke",
  summary: "Revoke an admin API key",
  usage: "<keyId>",
  details:
    "Revokes the key at once on every gateway process. The last active unscoped key cannot be revoked (create another first). Revoking a revoked key changes nothing.",
  options: {},
  optionHelp: [],
  positionals: { min: 1, max: 1, names: "<keyId>" },
  async run(args, output) {
    const keyId = args.positionals[0]!;
    await withAdminKeys(output, async (service) => {
      const key = await service.revokeAdminApiKey(CLI_PRINCIPAL, keyId);
      output.out(`Revoked admin API key ${key.id} (${key.name}).`);
    });
  },
};
