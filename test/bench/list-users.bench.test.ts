/**
 * listUsers on one pool of 1,000,000 users on MariaDB: p50/p99 of a prefix filter's first page and
 * of every page (and the last one) reached by following the cursor, measured over HTTP against a
 * real gateway. Not part of the suite; run it with
 *   DATABASE_URL=mariadb://root@127.0.0.1:3306/any REDIS_URL=redis://127.0.0.1:6379 npm run bench:list-users
 * It uses its own database (BENCH_DATABASE, default gw_bench) on that server and seeds it once;
 * later runs find the seeded pool and go straight to measuring. BENCH_USERS changes the size.
 */
import { performance } from "node:perf_hooks";
import { createConnection, type Connection, type RowDataPacket } from "mysql2/promise";
import { DataSource, type Logger as TypeormLogger, type QueryRunner } from "typeorm";
import { afterAll, describe, expect, it } from "vitest";
import type { DatabaseTarget } from "../../src/config/index.js";
import type { AdminPrincipal } from "../../src/core/admin-keys/admin-key.types.js";
import type { UserSearchQuery } from "../../src/core/ports.js";
import type { UserPool } from "../../src/core/pools/user-pool.types.js";
import { createListUsersService } from "../../src/core/users/list-users.service.js";
import { foldSearchValue, searchableAttributeNames } from "../../src/core/users/user-search.js";
import { createDataSource } from "../../src/infra/typeorm/data-source.js";
import { createUserRepository } from "../../src/infra/typeorm/repositories/user.repository.js";
import { CreateUserPoolDocument, ListUsersDocument } from "../support/generated/graphql.js";
import { expectData } from "../support/graphql-client.js";
import { getTestApp, type TestApp } from "../support/test-app.js";
import { FAMILY_NAMES, GIVEN_NAMES } from "./names.js";

const DATABASE_URL = process.env.DATABASE_URL ?? "";
const REDIS_URL = process.env.REDIS_URL;
const BENCH_DATABASE = process.env.BENCH_DATABASE ?? "gw_bench";
const USERS = Number(process.env.BENCH_USERS ?? 1_000_000);
const POOL_NAME = `bench-list-users-${USERS}`;
const FIRST_PAGE_RUNS = 200;
const WALKS = 3;
const isMariadb = /^(mariadb|mysql):/.test(DATABASE_URL);

const log = (line: string) => process.stdout.write(`${line}\n`);

/** mulberry32: a fixed seed gives the same million users on every machine, so runs compare. */
function createPrng(seed: number) {
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

const DOMAINS = ["gmail.com", "yahoo.com", "outlook.com", "hotmail.com", "icloud.com", "proton.me", "aol.com", "example.com", "corp.example", "mail.example"];
const AREA_CODES = ["312", "773", "415", "212", "646", "617", "202", "305", "213", "310", "206", "512", "404", "702", "303", "215", "612", "503", "615", "919"];

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
    const handle = `${GIVEN_NAMES[given]!}.${FAMILY_NAMES[family]!}`.normalize("NFD").toLowerCase().replace(/[^a-z.]/g, "");
    directory.emails[i] = `${handle}.${i.toString(36)}@${DOMAINS[random.int(DOMAINS.length)]!}`;
    directory.phones[i] = `+1${AREA_CODES[random.int(AREA_CODES.length)]!}${String(random.int(10_000_000)).padStart(7, "0")}`;
    directory.preferred[i] = random.next() < 0.3 ? `${handle.replace(".", "_")}${i.toString(36)}` : undefined;
    const roll = random.next();
    directory.statuses[i] = roll < 0.9 ? "CONFIRMED" : roll < 0.98 ? "UNCONFIRMED" : roll < 0.995 ? "FORCE_CHANGE_PASSWORD" : "RESET_REQUIRED";
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
  await runner.query(`INSERT INTO ${table} (${columns.join(", ")}) VALUES ${rows.map(() => tuple).join(", ")}`, rows.flat());
}

/**
 * Straight into the tables with multi-row INSERTs, in primary-key order. The search index's
 * user_id index (and the foreign key that needs it) is dropped while loading and rebuilt after,
 * by sorting, because ten million random inserts into it would take far longer than the build.
 */
async function seed(target: DatabaseTarget, pool: UserPool): Promise<void> {
  const started = performance.now();
  const directory = generateDirectory(USERS);
  log(`generated ${USERS} users in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  const dataSource = createDataSource(target, { poolSize: 1 });
  await dataSource.initialize();
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query("SET SESSION foreign_key_checks = 0, unique_checks = 0");
    await runner.query("ALTER TABLE user_search_entries DROP FOREIGN KEY fk_user_search_entries_user");
    await runner.query("ALTER TABLE user_search_entries DROP INDEX ix_user_search_entries_user");
    const secret = createPrng(7).hex(4096);
    const userColumns = ["id", "pool_id", "username", "username_normalized", "status", "enabled", "attributes", "password_hash", "srp_salt", "srp_verifier", "password_changed_at", "created_at", "updated_at"];
    const createdAtMs = Date.parse("2024-01-01T00:00:00Z");
    let batch: unknown[][] = [];
    for (let i = 0; i < USERS; i++) {
      const id = directory.ids[i]!;
      const attributes: Record<string, string> = { sub: id, email: directory.emails[i]!, email_verified: "true", phone_number: directory.phones[i]!, phone_number_verified: "false" };
      for (const name of ["given_name", "family_name", "name", "preferred_username"]) {
        const value = rawValue(directory, i, name);
        if (value !== undefined) attributes[name] = value;
      }
      // Realistic row sizes: a bcrypt-length hash and a 3072-bit SRP verifier, random but not real.
      const offset = (i * 97) % 3000;
      const at = new Date(createdAtMs + i * 30_000).toISOString().replace("T", " ").replace("Z", "");
      batch.push([id, pool.id, id, id, directory.statuses[i], directory.enabled[i], JSON.stringify(attributes), `$2b$10$${secret.slice(offset, offset + 53)}`, secret.slice(offset, offset + 32), secret.slice(offset, offset + 768), at, at, at]);
      if (batch.length === 2_000 || i === USERS - 1) {
        await insertRows(runner, "users", userColumns, batch);
        batch = [];
      }
    }
    log(`users inserted after ${((performance.now() - started) / 1000).toFixed(1)} s`);

    for (const name of searchableAttributeNames(pool)) {
      const values: string[] = new Array<string>(USERS);
      const order: number[] = [];
      for (let i = 0; i < USERS; i++) {
        const raw = rawValue(directory, i, name);
        if (raw === undefined) continue;
        values[i] = foldSearchValue(pool, name, raw).slice(0, 255);
        order.push(i);
      }
      // (value, user id) is the primary key's order; ids ascend with i, so i breaks ties.
      order.sort((left, right) => (values[left]! < values[right]! ? -1 : values[left]! > values[right]! ? 1 : left - right));
      for (let start = 0; start < order.length; start += 5_000) {
        const rows = order.slice(start, start + 5_000).map((i) => [pool.id, name, values[i], directory.ids[i]]);
        await insertRows(runner, "user_search_entries", ["pool_id", "name", "value", "user_id"], rows);
      }
      log(`search entries for ${name} (${order.length}) inserted after ${((performance.now() - started) / 1000).toFixed(1)} s`);
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
  log(`seeded ${USERS} users in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

/** The pool of an earlier, finished seeding; otherwise an empty database to seed. */
async function findSeededPool(admin: Connection): Promise<string | null> {
  await admin.query(`CREATE DATABASE IF NOT EXISTS \`${BENCH_DATABASE}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin`);
  const [tables] = await admin.query<RowDataPacket[]>("SELECT table_name FROM information_schema.tables WHERE table_schema = ? AND table_name IN ('user_pools', 'users', 'user_search_entries')", [BENCH_DATABASE]);
  if (tables.length === 3) {
    const [pools] = await admin.query<RowDataPacket[]>(`SELECT id FROM \`${BENCH_DATABASE}\`.user_pools WHERE name = ?`, [POOL_NAME]);
    const poolId = pools[0]?.id as string | undefined;
    if (poolId) {
      const [counted] = await admin.query<RowDataPacket[]>(`SELECT COUNT(*) AS n FROM \`${BENCH_DATABASE}\`.users WHERE pool_id = ?`, [poolId]);
      const [indexed] = await admin.query<RowDataPacket[]>("SELECT 1 FROM information_schema.statistics WHERE table_schema = ? AND index_name = 'ix_user_search_entries_user'", [BENCH_DATABASE]);
      if (Number(counted[0]!.n) === USERS && indexed.length > 0) return poolId;
    }
  }
  // Missing or interrupted: start from nothing rather than repair.
  await admin.query(`DROP DATABASE IF EXISTS \`${BENCH_DATABASE}\``);
  await admin.query(`CREATE DATABASE \`${BENCH_DATABASE}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin`);
  return null;
}

const percentile = (samples: number[], p: number) => {
  const sorted = [...samples].sort((left, right) => left - right);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
};
const ms = (value: number) => value.toFixed(1).padStart(7);

/** A connection to the bench database that records the SQL TypeORM sends, to EXPLAIN the repository's own queries. */
async function createCapturingDataSource(target: DatabaseTarget) {
  const captured: { sql: string; parameters: unknown[] }[] = [];
  const logger: TypeormLogger = {
    logQuery: (sql, parameters) => void captured.push({ sql, parameters: (parameters as unknown[] | undefined) ?? [] }),
    logQueryError: () => undefined,
    logQuerySlow: () => undefined,
    logSchemaBuild: () => undefined,
    logMigration: () => undefined,
    log: () => undefined,
  };
  const dataSource = new DataSource({ ...createDataSource(target, { poolSize: 1 }).options, logging: ["query"], logger });
  await dataSource.initialize();
  return {
    dataSource,
    /** Index entries of `name` in [low, high): how many users a prefix matches. */
    async count(poolId: string, name: string, low: string, high: string): Promise<number> {
      const rows = (await dataSource.query("SELECT COUNT(*) AS n FROM user_search_entries WHERE pool_id = ? AND name = ? AND value >= ? AND value < ?", [poolId, name, low, high])) as { n: number }[];
      return Number(rows[0]!.n);
    },
    /** ANALYZE (EXPLAIN with actual row counts) of every SELECT one repository search sends. */
    async explainSearch(poolId: string, query: UserSearchQuery): Promise<string[]> {
      captured.length = 0;
      await createUserRepository(dataSource.manager).search(poolId, query);
      const lines: string[] = [];
      for (const { sql, parameters } of captured.filter((entry) => /^SELECT/i.test(entry.sql))) {
        const plan = (await dataSource.query(`ANALYZE ${sql}`, parameters)) as Record<string, unknown>[];
        for (const row of plan) lines.push(`  table=${String(row.table)} type=${String(row.type)} key=${String(row.key)} rows=${String(row.rows)} r_rows=${String(row.r_rows)} extra=${String(row.Extra)}`);
      }
      return lines;
    },
  };
}

describe.skipIf(!isMariadb)(`listUsers on ${USERS} users (MariaDB)`, () => {
  let gateway: TestApp | undefined;
  let capturing: Awaited<ReturnType<typeof createCapturingDataSource>> | undefined;
  afterAll(async () => {
    await capturing?.dataSource.destroy();
    await gateway?.close();
  });

  it("prints p50/p99 of first pages and of pages reached by cursor", async () => {
    const url = new URL(DATABASE_URL);
    const admin = await createConnection({ host: url.hostname, port: Number(url.port || 3306), user: decodeURIComponent(url.username || "root"), password: decodeURIComponent(url.password) });
    let poolId = await findSeededPool(admin).finally(() => admin.end());
    url.pathname = `/${BENCH_DATABASE}`;
    const app = await getTestApp({ name: "mariadb+redis", env: { DATABASE_URL: url.toString(), ...(REDIS_URL ? { REDIS_URL } : {}) } });
    gateway = app;
    const target = app.config.database;
    if (!poolId) {
      const created = expectData(await app.gql(CreateUserPoolDocument, { input: { name: POOL_NAME, usernameAttributes: ["email"] } })).createUserPool.id;
      const pool = (await app.app.db.read((repositories) => repositories.pools.findById(created)))!;
      await seed(target, pool);
      poolId = created;
    } else {
      log(`found ${USERS} seeded users in ${BENCH_DATABASE} (pool ${poolId}); skipping seeding`);
    }
    const userPoolId = poolId;
    const sql = await createCapturingDataSource(target);
    capturing = sql;

    type Fetch = (filter: string | undefined, paginationToken?: string | null) => Promise<{ elapsedMs: number; users: number; token: string | null }>;
    const timed: Fetch = async (filter, paginationToken) => {
      const started = performance.now();
      const page = expectData(await app.gql(ListUsersDocument, { userPoolId, filter, limit: 60, paginationToken })).listUsers;
      return { elapsedMs: performance.now() - started, users: page.users.length, token: page.paginationToken ?? null };
    };
    // The same call without HTTP and GraphQL, to show what the service and the database cost alone.
    const service = createListUsersService({ db: app.app.db });
    const principal: AdminPrincipal = { keyId: "bench", poolScope: null };
    const timedService: Fetch = async (filter, paginationToken) => {
      const started = performance.now();
      const page = await service.listUsers(principal, userPoolId, { filter, limit: 60, paginationToken });
      return { elapsedMs: performance.now() - started, users: page.users.length, token: page.paginationToken };
    };
    /** Follows the cursor to the end; the time of every page, and the token that fetched the last one. */
    const walk = async (filter: string, fetch: Fetch = timed) => {
      const samples: number[] = [];
      let token: string | null = null;
      let lastPageToken: string | null = null;
      let users = 0;
      do {
        const page = await fetch(filter, token);
        samples.push(page.elapsedMs);
        users += page.users;
        if (!page.token) lastPageToken = token;
        token = page.token;
      } while (token);
      return { samples, users, lastPageToken };
    };

    const rows: string[] = [];
    const report = (label: string, samples: number[], note = "") =>
      rows.push(`${label.padEnd(62)} ${String(samples.length).padStart(5)} ${ms(percentile(samples, 50))} ${ms(percentile(samples, 99))} ${ms(Math.max(...samples))}  ${note}`);

    // 1. One prefix filter's first page, again and again.
    const broad = 'family_name ^= "Sm"';
    for (let i = 0; i < 20; i++) await timed(broad);
    const broadSamples: number[] = [];
    for (let i = 0; i < FIRST_PAGE_RUNS; i++) {
      const page = await timed(broad);
      expect(page.users).toBe(60);
      broadSamples.push(page.elapsedMs);
    }
    report(`first page, ${broad}`, broadSamples, `${await sql.count(userPoolId, "family_name", "sm", "sn")} matches`);
    const serviceSamples: number[] = [];
    for (let i = 0; i < FIRST_PAGE_RUNS; i++) serviceSamples.push((await timedService(broad)).elapsedMs);
    report(`  the same, service layer only (no HTTP/GraphQL)`, serviceSamples);

    // 2. First pages of varied filters, so not every request reads the same hot pages.
    const varied = ['given_name ^= "Ja"', 'email ^= "mar"', 'phone_number ^= "+1312"', 'family_name = "Nguyen"', 'cognito:user_status = "unconfirmed"', 'status = "Disabled"', 'name ^= "Da"', 'preferred_username ^= "jo"', undefined, 'username ^= "7"'];
    const variedSamples: number[] = [];
    for (let i = 0; i < FIRST_PAGE_RUNS; i++) variedSamples.push((await timed(varied[i % varied.length])).elapsedMs);
    report("first page, 10 filters round-robin (one is no filter)", variedSamples);

    // 3. Every page of a narrower prefix (~5,000 users) by cursor, three times over.
    const surnames = [...new Set(FAMILY_NAMES.map((name) => name.toLowerCase()))];
    const candidates = surnames.filter((name) => !surnames.some((other) => other !== name && other.startsWith(name)));
    const counts = await Promise.all(candidates.map(async (name) => [name, await sql.count(userPoolId, "family_name", name, `${name}\u{10ffff}`)] as const));
    const [narrowName, narrowCount] = counts.reduce((best, next) => (Math.abs(next[1] - 5_000) < Math.abs(best[1] - 5_000) ? next : best));
    const narrow = `family_name ^= "${narrowName}"`;
    const pageSamples: number[] = [];
    const lastPageSamples: number[] = [];
    let lastPageToken: string | null = null;
    for (let i = 0; i < WALKS; i++) {
      const result = await walk(narrow);
      expect(result.users).toBe(narrowCount);
      pageSamples.push(...result.samples);
      lastPageSamples.push(result.samples[result.samples.length - 1]!);
      lastPageToken = result.lastPageToken;
    }
    report(`every page by cursor, ${narrow}`, pageSamples, `${narrowCount} matches, ${pageSamples.length / WALKS} pages x ${WALKS} walks`);
    report(`  last page of each walk`, lastPageSamples);
    const serviceWalk = await walk(narrow, timedService);
    report(`  every page again, service layer only (no HTTP/GraphQL)`, serviceWalk.samples);

    // 4. The broad prefix to its end: the last page lies deep in the index and is still one range read.
    const walkStarted = performance.now();
    const broadWalk = await walk(broad);
    report(`every page by cursor, ${broad}`, broadWalk.samples, `${broadWalk.users} users in ${((performance.now() - walkStarted) / 1000).toFixed(1)} s`);
    report(`  its last page (page ${broadWalk.samples.length})`, broadWalk.samples.slice(-1));

    log("");
    log(`listUsers over HTTP (GraphQL), limit 60, one pool of ${USERS} users, MariaDB database ${BENCH_DATABASE}`);
    log(`${"query".padEnd(62)} ${"runs".padStart(5)} ${"p50 ms".padStart(7)} ${"p99 ms".padStart(7)} ${"max ms".padStart(7)}`);
    for (const row of rows) log(row);
    log("");
    log(`plan of the first page of ${broad}:`);
    for (const line of await sql.explainSearch(userPoolId, { attribute: "family_name", operator: "^=", value: "sm", limit: 61 })) log(line);
    const after = JSON.parse(Buffer.from(lastPageToken!, "base64url").toString("utf8")) as { v: string; u: string };
    log(`plan of the last page of ${narrow}:`);
    for (const line of await sql.explainSearch(userPoolId, { attribute: "family_name", operator: "^=", value: narrowName, after: { value: after.v, userId: after.u }, limit: 61 })) log(line);
  });
});
