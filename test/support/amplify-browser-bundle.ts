import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const ROOT = path.resolve(__dirname, "../..");

/**
 * Amplify v6 (aws-amplify from node_modules, unmodified) bundled for a browser page, the way an app's bundler
 * would: aws-amplify ships no browser build, so rolldown (vite's bundler, already in node_modules as vitest's
 * dependency; no network) turns its ESM into one IIFE that sets `window.amplify`. Null when rolldown cannot
 * be loaded, so the caller can say the Amplify run was skipped.
 */
export async function bundleAmplifyForBrowser(): Promise<string | null> {
  let rolldown: typeof import("rolldown").rolldown;
  try {
    ({ rolldown } = await import("rolldown"));
  } catch {
    return null;
  }
  const dir = mkdtempSync(path.join(tmpdir(), "gw-amplify-"));
  try {
    const entry = path.join(dir, "entry.mjs");
    writeFileSync(
      entry,
      `import { Amplify } from "aws-amplify";
import { signIn, signOut, associateWebAuthnCredential, listWebAuthnCredentials, deleteWebAuthnCredential, fetchAuthSession } from "aws-amplify/auth";
window.amplify = { Amplify, signIn, signOut, associateWebAuthnCredential, listWebAuthnCredentials, deleteWebAuthnCredential, fetchAuthSession };
`,
    );
    const bundle = await rolldown({
      input: entry,
      platform: "browser",
      cwd: ROOT,
      resolve: {
        mainFields: ["browser", "module", "main"],
        modules: [path.join(ROOT, "node_modules"), "node_modules"],
      },
      logLevel: "silent",
    });
    const { output } = await bundle.generate({ format: "iife" });
    await bundle.close();
    return output[0].code;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
