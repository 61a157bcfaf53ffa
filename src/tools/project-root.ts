import { existsSync } from "node:fs";
import path from "node:path";

/** The folder holding package.json, found upward from here: the same from src/ (tests) and dist/src/ (npm scripts). */
export function findProjectRoot(start: string = __dirname): string {
  let directory = start;
  while (!existsSync(path.join(directory, "package.json"))) {
    const parent = path.dirname(directory);
    if (parent === directory) throw new Error(`No package.json above ${start}`);
    directory = parent;
  }
  return directory;
}
