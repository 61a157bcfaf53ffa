import { createHmac, scryptSync } from "node:crypto";
import type { ExportKeys, ExportSealing } from "../../core/ports.js";
import { deriveKey } from "./password-hasher.js";
import { createSecretBox } from "./secret-box.js";

/** scrypt cost: 2^15 × 8 × 128 bytes = 32 MiB and ~100 ms per derivation, once per export or import. */
const SCRYPT = { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };

function sealingOf(sealKey: Buffer, macKey: Buffer): ExportSealing {
  return {
    box: createSecretBox(sealKey),
    mac: (data) => createHmac("sha256", macKey).update(data, "utf8").digest("base64url"),
  };
}

/** Pool-export keys (ports.ts ExportKeys): AES-256-GCM in the SecretBox format, HMAC-SHA-256 for the stream. */
export function createExportKeys(secretsKey: Buffer): ExportKeys {
  return {
    fromSecretsKey: () =>
      sealingOf(deriveKey(secretsKey, "pool-export-seal"), deriveKey(secretsKey, "pool-export-mac")),
    fromPassphrase(passphrase, salt) {
      const derived = scryptSync(passphrase.normalize("NFC"), Buffer.from(salt, "base64url"), 64, SCRYPT);
      return sealingOf(derived.subarray(0, 32), derived.subarray(32));
    },
  };
}
