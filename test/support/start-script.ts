import { readFileSync } from "node:fs";
import path from "node:path";

const PACKAGE_JSON = path.join(__dirname, "..", "..", "package.json");

/**
 * The Node and V8 flags `npm start` runs the gateway with (`node <flags> dist/src/main.js` in package.json),
 * so that a test or benchmark starting the compiled gateway itself runs it as deployed.
 */
export function npmStartNodeFlags(): string[] {
  const scripts = (JSON.parse(readFileSync(PACKAGE_JSON, "utf8")) as { scripts: Record<string, string> }).scripts;
  const match = /(?:^|&&\s*)node\s+((?:--\S+\s+)*)dist\/src\/main\.js\s*$/.exec(scripts.start ?? "");
  if (!match)
    throw new Error(`package.json's start script does not end in "node [flags] dist/src/main.js": ${scripts.start}`);
  return match[1]!.split(/\s+/).filter(Boolean);
}
