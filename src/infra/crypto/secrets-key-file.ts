import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

/**
 * The embedded default keeps its secrets key beside the SQLite file, readable by the owner only.
 * Created once; losing it makes every sealed secret (client secrets, signing keys) unreadable.
 */
export function loadOrCreateSecretsKey(dataDir: string): Buffer {
  const file = path.join(dataDir, "secrets.key");
  try {
    const key = Buffer.from(readFileSync(file, "utf8").trim(), "base64");
    if (key.length !== 32) throw new Error(`${file} does not hold a 32-byte base64 key`);
    return key;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const key = randomBytes(32);
  // "wx" fails if another process created the file first; then read theirs.
  try {
    writeFileSync(file, `${key.toString("base64")}\n`, { mode: 0o600, flag: "wx" });
    return key;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return loadOrCreateSecretsKey(dataDir);
    throw error;
  }
}
