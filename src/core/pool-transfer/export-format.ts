import { constantTimeEqual } from "../../lib/secrets.js";
import { CognitoError } from "../errors.js";
import type { ExportSealing } from "../ports.js";

/**
 * A pool export is JSON lines (application/x-ndjson): a header, the pool, its trigger secret, clients,
 * resource servers, groups, users (each with its MFA record, devices and passkeys), group memberships,
 * and an end record with the counts. Secrets inside are sealed with the export's SecretBox; every line
 * carries `mac` = HMAC(key, previous mac + "\n" + the line without its mac), so a changed, removed,
 * reordered or added line — or a cut-off stream — is refused before it is applied.
 */
export const EXPORT_FORMAT = "identity-gateway-pool-export";
export const EXPORT_VERSION = 1;
/** Sealed in the header: an import with the wrong key stops at the first line with a clear error. */
export const KEY_CHECK = "identity-gateway-pool-export key check";

export type ExportSealingHeader = { kind: "secretsKey" } | { kind: "passphrase"; kdf: "scrypt"; salt: string };

export interface ExportHeader {
  type: "header";
  format: typeof EXPORT_FORMAT;
  version: number;
  poolId: string;
  exportedAt: string;
  sealing: ExportSealingHeader;
  keyCheck: string;
}

export type ExportRecord = { type: string } & Record<string, unknown>;

export const refusedExport = (detail: string) =>
  new CognitoError("InvalidParameterException", `The export cannot be imported: ${detail}.`);

/** Chains the MACs of the lines written. */
export function createLineSigner(sealing: ExportSealing) {
  let previous = "";
  return (record: ExportRecord): string => {
    const body = JSON.stringify(record);
    previous = sealing.mac(`${previous}\n${body}`);
    return JSON.stringify({ ...record, mac: previous });
  };
}

/** Checks the chain line by line; returns each record without its mac. @throws InvalidParameterException */
export function createLineVerifier(sealing: ExportSealing, firstMac = "") {
  let previous = firstMac;
  return (parsed: Record<string, unknown>): ExportRecord => {
    const { mac, ...record } = parsed;
    if (typeof mac !== "string" || typeof record.type !== "string") throw refusedExport("a line has no type or mac");
    const expected = sealing.mac(`${previous}\n${JSON.stringify(record)}`);
    if (!constantTimeEqual(expected, mac))
      throw refusedExport("a line was changed, removed or reordered (its MAC does not match)");
    previous = mac;
    return record as ExportRecord;
  };
}

/** One line of the stream as an object. @throws InvalidParameterException */
export function parseLine(line: string, lineNumber: number): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch {
    throw refusedExport(`line ${lineNumber} is not JSON`);
  }
  if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed))
    throw refusedExport(`line ${lineNumber} is not a JSON object`);
  return parsed as Record<string, unknown>;
}

/** Dates travel as ISO strings; these bring the named fields back. */
export function revive<T>(value: Record<string, unknown>, fields: readonly string[]): T {
  const copy: Record<string, unknown> = { ...value };
  for (const field of fields) {
    const raw = copy[field];
    if (raw === null || raw === undefined) continue;
    const date = typeof raw === "string" ? new Date(raw) : null;
    if (!date || Number.isNaN(date.getTime())) throw refusedExport(`${field} is not a date`);
    copy[field] = date;
  }
  return copy as T;
}
