import { createReadStream, createWriteStream, existsSync, readFileSync, renameSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { createInterface } from "node:readline";
import { once } from "node:events";
import { CognitoError } from "../../core/errors.js";
import { createPoolExportService, type PoolTransferDeps } from "../../core/pool-transfer/pool-export.service.js";
import { createPoolImportService } from "../../core/pool-transfer/pool-import.service.js";
import { createExportKeys } from "../../infra/crypto/export-keys.js";
import { createPasswordHasher } from "../../infra/crypto/password-hasher.js";
import { monotonicSeconds } from "../../lib/stopwatch.js";
import { stringOption, type Command, type ParsedArgs } from "../command.js";
import { CLI_PRINCIPAL, loadCliConfig, withCliDatabase } from "../context.js";
import { CliError, createProgress, EXIT, formatBytes } from "../io.js";

const nowMs = () => monotonicSeconds() * 1000;
const passphraseHelp: [string, string] = [
  "--passphrase-file <file>",
  "the export key (≥ 12 characters, first line of the file); without it the export is sealed with this gateway's SECRETS_KEY",
];

/** The passphrase from a file (never from the command line, where other users of the machine see it). */
function passphraseOf(args: ParsedArgs): string | null {
  const file = stringOption(args, "passphrase-file");
  if (file === undefined) return null;
  try {
    return readFileSync(file, "utf8").split(/\r?\n/)[0]!;
  } catch (error) {
    throw new CliError(`Cannot read the passphrase file: ${(error as Error).message}`);
  }
}

/** The core transfer services over the CLI's database, with the gateway's own keys and hasher. */
async function withTransfer<T>(work: (deps: PoolTransferDeps & { maxUserPools: number }) => Promise<T>): Promise<T> {
  const config = loadCliConfig();
  return withCliDatabase(config, { requireMigrated: true }, async (database) => {
    const { secretsKey, secretBox } = database.secrets();
    const deps = {
      db: database.db,
      clock: database.clock,
      secretBox,
      hasher: createPasswordHasher({ secretsKey, bcryptCost: config.bcryptCost }),
      exportKeys: createExportKeys(secretsKey),
      maxUserPools: config.maxUserPools,
    };
    try {
      return await work(deps);
    } catch (error) {
      if (error instanceof CognitoError) throw new CliError(`${error.code}: ${error.message}`);
      throw error;
    }
  });
}

export const poolExport: Command = {
  name: "pool export",
  summary: "Export a user pool to a sealed JSON-lines file",
  usage: "<poolId> <file|-> [--passphrase-file <file>] [--force]",
  details:
    'Writes the pool as the admin API\'s export does (README "Operating"): settings, clients, groups, users with attributes, MFA, devices, passkeys, password hashes and SRP verifiers, every secret sealed, every line chained by a MAC. Another gateway imports it with "pool import". The file is written beside its name and renamed when complete; "-" writes to stdout. Take it while the pool is quiet.',
  options: { "passphrase-file": { type: "string" }, force: { type: "boolean" } },
  optionHelp: [passphraseHelp, ["--force", "replace an existing file"]],
  positionals: { min: 2, max: 2, names: "<poolId> <file|->" },
  async run(args, output) {
    const [poolId, target] = args.positionals as [string, string];
    const toStdout = target === "-";
    const file = path.resolve(target);
    if (!toStdout && existsSync(file) && !args.values.force)
      throw new CliError(`${file} exists; pass --force to replace it.`);
    const passphrase = passphraseOf(args);
    await withTransfer(async (deps) => {
      const total = await deps.db.read((repositories) => repositories.pools.countUsers(poolId));
      const lines = await createPoolExportService(deps).exportPool(CLI_PRINCIPAL, poolId, { passphrase });
      const partial = `${file}.partial`;
      const sink = toStdout ? process.stdout : createWriteStream(partial, { mode: 0o600 });
      const progress = createProgress(output.progressStream, "export", "users", nowMs);
      let users = 0;
      try {
        for await (const line of lines) {
          if (line.startsWith('{"type":"user"')) progress.update(++users, total);
          if (!sink.write(`${line}\n`)) await once(sink, "drain");
        }
        if (!toStdout) {
          await new Promise<void>((resolve, reject) =>
            (sink as ReturnType<typeof createWriteStream>).end((error?: Error | null) =>
              error ? reject(error) : resolve(),
            ),
          );
          renameSync(partial, file);
        }
      } catch (error) {
        if (!toStdout) {
          (sink as ReturnType<typeof createWriteStream>).destroy();
          rmSync(partial, { force: true });
        }
        throw error;
      }
      progress.finish();
      if (!toStdout)
        output.err(
          `Exported pool ${poolId} (${users.toLocaleString("en-US")} users, ${formatBytes(statSync(file).size)}) to ${file}. ${passphrase === null ? "Sealed with this gateway's SECRETS_KEY: only a gateway with the same key can import it." : "Sealed with the export key: keep the passphrase apart from the file."}`,
        );
    });
  },
};

export const poolImport: Command = {
  name: "pool import",
  summary: "Import a pool export made by another gateway",
  usage: "<file> [--passphrase-file <file>]",
  details:
    'Restores the pool of a "pool export" file as the same pool (same pool id, client ids and subs), checking every line\'s MAC before it is applied; its users then sign in with their old passwords. A pool with that id must not exist here (one an import left unfinished, its process killed, is replaced), and the pool counts against MAX_USER_POOLS. If anything is wrong or the file is cut off, the half-imported pool is deleted. For Cognito\'s CSV user import files use "user-import run".',
  options: { "passphrase-file": { type: "string" } },
  optionHelp: [passphraseHelp],
  positionals: { min: 1, max: 1, names: "<file>" },
  async run(args, output) {
    const file = path.resolve(args.positionals[0]!);
    if (!existsSync(file) || !statSync(file).isFile()) throw new CliError(`No export file at ${file}.`);
    const passphrase = passphraseOf(args);
    await withTransfer(async (deps) => {
      const size = statSync(file).size;
      const stream = createReadStream(file, { encoding: "utf8" });
      const progress = createProgress(output.progressStream, "import", "bytes", nowMs, { formatAmount: formatBytes });
      const reader = createInterface({ input: stream, crlfDelay: Infinity });
      const lines = (async function* () {
        for await (const line of reader) {
          progress.update(stream.bytesRead, size);
          yield line;
        }
      })();
      try {
        const summary = await createPoolImportService(deps).importPool(CLI_PRINCIPAL, lines, { passphrase });
        progress.finish();
        const counts = Object.entries(summary.counts)
          .map(([name, count]) => `${count} ${name}`)
          .join(", ");
        output.out(`Imported pool ${summary.userPoolId}: ${counts}.`);
      } finally {
        reader.close();
        stream.destroy();
      }
    });
    return EXIT.ok;
  },
};
