import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { EVENT_TYPES } from "../../src/core/events/event.types.js";

describe("README's event type table", () => {
  it("lists every event type with an example detail", () => {
    const readme = readFileSync(path.resolve(__dirname, "../../README.md"), "utf8");
    const section = /### Event types\n([\s\S]*?)\n### /.exec(readme)?.[1] ?? "";
    const rows = section.split("\n").filter((line) => line.startsWith("| `"));
    const documented = new Set(
      rows.flatMap((row) => [...row.split("|")[1]!.matchAll(/`([A-Z_]+)`/g)].map((match) => match[1]!)),
    );
    expect(EVENT_TYPES.filter((type) => !documented.has(type))).toEqual([]);
    expect([...documented].filter((type) => !(EVENT_TYPES as readonly string[]).includes(type))).toEqual([]);
    for (const row of rows) expect(row.split("|")[3]).toMatch(/`\{.*\}`/);
  });
});
