import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { npmStartNodeFlags } from "../support/start-script.js";

describe("npm start's Node flags", () => {
  it("are the heap sizing README's Performance section measures, and this Node starts with them", () => {
    const flags = npmStartNodeFlags();
    expect(flags).toEqual(["--max-semi-space-size=4", "--heap-growing-percent=50"]);
    // A flag Node or V8 does not know stops the process before the gateway's first line (exit 9).
    const answer = execFileSync(
      process.execPath,
      [...flags, "-e", 'process.stdout.write(String(require("v8").getHeapSpaceStatistics().length))'],
      { encoding: "utf8" },
    );
    expect(Number(answer)).toBeGreaterThan(0);
    expect(() =>
      execFileSync(process.execPath, ["--heap-growing-percentage=50", "-e", "0"], { stdio: "pipe" }),
    ).toThrow(/bad option/);
  });
});
