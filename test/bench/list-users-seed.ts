/**
 * The listUsers benchmark's data: a fixed-seed directory of users (a few very common names, a long tail)
 * written straight into the tables, and the check that finds an earlier, finished seeding.
 */
import { performance } from "node:perf_hooks";
import type { Connection, RowDataPacket } from "mysql2/promise";
import type { QueryRunner } from "typeorm";
import type { DatabaseTarget } from "../../src/config/index.js";
import type { UserPool } from "../../src/core/pools/user-pool.types.js";
import { foldSearchValue, searchableAttributeNames } from "../../src/core/users/user-search.js";
import { createDataSource } from "../../src/infra/typeorm/data-source.js";
import { log } from "./bench-stats.js";
import { FAMILY_NAMES, GIVEN_NAMES } from "./names.js";

/** mulberry32: a fixed seed gives the same million users on every machine, so runs compare. */
export function createPrng(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (below: number) => Math.floor(next() * below);
  const hex = (length: number) => Array.from({ length }, () => "0123456789abcdef"[int(16)]).join("");
  /** Rank k drawn with weight 1 / (k + offset): a few very common names, a long tail. */
  const zipf = (count: number, offset: number) => {
    const cumulative: number[] = [];
    let total = 0;
    for (let rank = 0; rank < count; rank++) cumulative.push((total += 1 / (rank + offset)));
    return () => {
      const target = next() * total;
      let low = 0;
      let high = count - 1;
      while (low < high) {
        const middle = (low + high) >> 1;
        if (cumulative[middle]! < target) low = middle + 1;
        else high = middle;
      }
      return low;
    };
  };
  return { next, int, hex, zipf };
}

const DOMAINS = [
  "gmail.com",
  "yahoo.com",
  "outlook.com",
  "hotmail.com",
  "icloud.com",
  "proton.me",
  "aol.com",
  "example.com",
  "corp.example",
  "mail.example",
];
const AREA_CODES = [
  "312",
  "773",
  "415",
  "212",
  "646",
  "617",
  "202",
  "305",
  "213",
  "310",
  "206",
  "512",
  "404",
  "702",
  "303",
  "215",
  "612",
  "503",
  "615",
  "919",
];

/** Columnar so a million users fit comfortably in memory; index i is user i, ids ascending. */
interface Directory {
  ids: string[];
  given: Uint16Array;
  family: Uint16Array;
  emails: string[];
  phones: string[];
  preferred: (string | undefined)[];
  statuses: string[];
  enabled: Uint8Array;
}

function generateDirectory(count: number): Directory {
  const random = createPrng(20261126);
  const uuid = () => {
    const digits = random.hex(32).split("");
    digits[12] = "4";
    digits[16] = "89ab"[random.int(4)]!;
    const text = digits.join("");
    return `${text.slice(0, 8)}-${text.slice(8, 12)}-${text.slice(12, 16)}-${text.slice(16, 20)}-${text.slice(20)}`;
  };
  // Ascending ids make every users-table index an append instead of a random insert.
  const ids = Array.from({ length: count }, uuid).sort();
  const pickFamily = random.zipf(FAMILY_NAMES.length, 10);
  const pickGiven = random.zipf(GIVEN_NAMES.length, 5);
  const directory: Directory = {
    ids,
    given: new Uint16Array(count),
    family: new Uint16Array(count),
    emails: new Array<string>(count),
    phones: new Array<string>(count),
    preferred: new Array<string | undefined>(count),
    statuses: new Array<string>(count),
    enabled: new Uint8Array(count),
  };
  for (let i = 0; i < count; i++) {
    const given = pickGiven();
    const family = pickFamily();
    directory.given[i] = given;
    directory.family[i] = family;
    const handle = `${GIVEN_NAMES[given]!}.${FAMILY_NAMES[family]!}`
      .normalize("NFD")
      .toLowerCase()
      .replace(/[^a-z.]/g, "");
    directory.emails[i] = `${handle}.${i.toString(36)}@${DOMAINS[random.int(DOMAINS.length)]!}`;
    directory.phones[i] =
      `+1${AREA_CODES[random.int(AREA_CODES.length)]!}${String(random.int(10_000_000)).padStart(7, "0")}`;
    directory.preferred[i] = random.next() < 0.3 ? `${handle.replace(".", "_")}${i.toString(36)}` : undefined;
    const roll = random.next();
    directory.statuses[i] =
      roll < 0.9
        ? "CONFIRMED"
        : roll < 0.98
          ? "UNCONFIRMED"
          : roll < 0.995
            ? "FORCE_CHANGE_PASSWORD"
            : "RESET_REQUIRED";
    directory.enabled[i] = random.next() < 0.98 ? 1 : 0;
  }
  return directory;
}

/** The raw value of a searchable attribute for user i, before core folds it. */
function rawValue(directory: Directory, i: number, name: string): string | undefined {
  const given = GIVEN_NAMES[directory.given[i]!]!;
  const family = FAMILY_NAMES[directory.family[i]!]!;
  switch (name) {
    case "username":
    case "sub":
      return directory.ids[i];
    case "cognito:user_status":
      return directory.statuses[i];
    case "status":
      return directory.enabled[i] ? "Enabled" : "Disabled";
    case "email":
      return directory.emails[i];
    case "phone_number":
      return directory.phones[i];
    case "name":
      return `${given} ${family}`;
    case "given_name":
      return given;
    case "family_name":
      return family;
    case "preferred_username":
      return directory.preferred[i];
    default:
      return undefined;
  }
}

async function insertRows(runner: QueryRunner, table: string, columns: string[], rows: unknown[][]): Promise<void> {
  const tuple = `(${columns.map(() => "?").join(", ")})`;
  await runner.query(
    `INSERT INTO ${table} (${columns.join(", ")}) VALUES ${rows.map(() => tuple).join(", ")}`,
    rows.flat(),
  );
}

/**
 * Straight into the tables with multi-row INSERTs, in primary-key order. The search index's
 * user_id index (and the foreign key that needs it) is dropped while loading and rebuilt after,
 * by sorting, because ten million random inserts into it would take far longer than the build.
 */
export async function seed(target: DatabaseTarget, pool: UserPool, count: number): Promise<void> {
  const started = performance.now();
  const directory = generateDirectory(count);
  log(`generated ${count} users in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  const dataSource = createDataSource(target, { poolSize: 1 });
  await dataSource.initialize();
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query("SET SESSION foreign_key_checks = 0, unique_checks = 0");
    await runner.query("ALTER TABLE user_search_entries DROP FOREIGN KEY fk_user_search_entries_user");
    await runner.query("ALTER TABLE user_search_entries DROP INDEX ix_user_search_entries_user");
    const secret = createPrng(7).hex(4096);
    const userColumns = [
      "id",
      "pool_id",
      "username",
      "username_normalized",
      "status",
      "enabled",
      "attributes",
      "password_hash",
      "srp_salt",
      "srp_verifier",
      "password_changed_at",
      "created_at",
      "updated_at",
    ];
    const createdAtMs = Date.parse("2024-01-01T00:00:00Z");
    let batch: unknown[][] = [];
    for (let i = 0; i < count; i++) {
      const id = directory.ids[i]!;
      const attributes: Record<string, string> = {
        sub: id,
        email: directory.emails[i]!,
        email_verified: "true",
        phone_number: directory.phones[i]!,
        phone_number_verified: "false",
      };
      for (const name of ["given_name", "family_name", "name", "preferred_username"]) {
        const value = rawValue(directory, i, name);
        if (value !== undefined) attributes[name] = value;
      }
      // Realistic row sizes: a bcrypt-length hash and a 3072-bit SRP verifier, random but not real.
      const offset = (i * 97) % 3000;
      const at = new Date(createdAtMs + i * 30_000).toISOString().replace("T", " ").replace("Z", "");
      batch.push([
        id,
        pool.id,
        id,
        id,
        directory.statuses[i],
        directory.enabled[i],
        JSON.stringify(attributes),
        `$2b$10$${secret.slice(offset, offset + 53)}`,
        secret.slice(offset, offset + 32),
        secret.slice(offset, offset + 768),
        at,
        at,
        at,
      ]);
      if (batch.length === 2_000 || i === count - 1) {
        await insertRows(runner, "users", userColumns, batch);
        batch = [];
      }
    }
    log(`users inserted after ${((performance.now() - started) / 1000).toFixed(1)} s`);

    for (const name of searchableAttributeNames(pool)) {
      const values: string[] = new Array<string>(count);
      const order: number[] = [];
      for (let i = 0; i < count; i++) {
        const raw = rawValue(directory, i, name);
        if (raw === undefined) continue;
        values[i] = foldSearchValue(pool, name, raw).slice(0, 255);
        order.push(i);
      }
      // (value, user id) is the primary key's order; ids ascend with i, so i breaks ties.
      order.sort((left, right) =>
        values[left]! < values[right]! ? -1 : values[left]! > values[right]! ? 1 : left - right,
      );
      for (let start = 0; start < order.length; start += 5_000) {
        const rows = order.slice(start, start + 5_000).map((i) => [pool.id, name, values[i], directory.ids[i]]);
        await insertRows(runner, "user_search_entries", ["pool_id", "name", "value", "user_id"], rows);
      }
      log(
        `search entries for ${name} (${order.length}) inserted after ${((performance.now() - started) / 1000).toFixed(1)} s`,
      );
    }
    await runner.query("ALTER TABLE user_search_entries ADD INDEX ix_user_search_entries_user (user_id)");
    await runner.query(
      "ALTER TABLE user_search_entries ADD CONSTRAINT fk_user_search_entries_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE ON UPDATE NO ACTION",
    );
    await runner.query("ANALYZE TABLE users, user_search_entries");
  } finally {
    await runner.release();
    await dataSource.destroy();
  }
  log(`seeded ${count} users in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

/** The pool of an earlier, finished seeding; otherwise an empty database to seed. */
export async function findSeededPool(
  admin: Connection,
  { database, poolName, users }: { database: string; poolName: string; users: number },
): Promise<string | null> {
  await admin.query(`CREATE DATABASE IF NOT EXISTS \`${database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin`);
  const [tables] = await admin.query<RowDataPacket[]>(
    "SELECT table_name FROM information_schema.tables WHERE table_schema = ? AND table_name IN ('user_pools', 'users', 'user_search_entries')",
    [database],
  );
  if (tables.length === 3) {
    const [pools] = await admin.query<RowDataPacket[]>(`SELECT id FROM \`${database}\`.user_pools WHERE name = ?`, [
      poolName,
    ]);
    const poolId = pools[0]?.id as string | undefined;
    if (poolId) {
      const [counted] = await admin.query<RowDataPacket[]>(
        `SELECT COUNT(*) AS n FROM \`${database}\`.users WHERE pool_id = ?`,
        [poolId],
      );
      const [indexed] = await admin.query<RowDataPacket[]>(
        "SELECT 1 FROM information_schema.statistics WHERE table_schema = ? AND index_name = 'ix_user_search_entries_user'",
        [database],
      );
      if (Number(counted[0]!.n) === users && indexed.length > 0) return poolId;
    }
  }
  // Missing or interrupted: start from nothing rather than repair.
  await admin.query(`DROP DATABASE IF EXISTS \`${database}\``);
  await admin.query(`CREATE DATABASE \`${database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin`);
  return null;
}
