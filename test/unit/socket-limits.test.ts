import { describe, expect, it } from "vitest";
import { createOperationCounter } from "../../src/api/graphql/socket-limits.js";

const refused = (result: unknown) =>
  (result as { errors?: { originalError?: { code?: string } }[] }).errors?.[0]?.originalError?.code;

describe("operations counted per socket while they run", () => {
  it("counts a query until its result, whatever the client said meanwhile, and frees the slot after", async () => {
    const counter = createOperationCounter(2);
    const socket = {};
    const gates: (() => void)[] = [];
    const slow = () => new Promise<string>((resolve) => gates.push(() => resolve("done")));
    const first = counter.admit(socket, slow);
    const second = counter.admit(socket, slow);
    expect(refused(await counter.admit(socket, slow))).toBe("LimitExceededException");
    // Another socket has its own count.
    const elsewhere = counter.admit({}, () => "other");
    expect(await elsewhere).toBe("other");
    gates[0]!();
    expect(await first).toBe("done");
    const third = counter.admit(socket, slow);
    expect(refused(await counter.admit(socket, slow))).toBe("LimitExceededException");
    gates[1]!();
    gates[2]!();
    expect([await second, await third]).toEqual(["done", "done"]);
  });

  it("counts a stream until it ends, fails or is closed, even before its first value", async () => {
    const counter = createOperationCounter(1);
    const socket = {};
    async function* events() {
      yield 1;
      yield 2;
    }
    const read = async (stream: unknown) => {
      const values = [];
      for await (const value of stream as AsyncIterable<number>) values.push(value);
      return values;
    };
    const drained = await counter.admit(socket, () => events());
    expect(refused(await counter.admit(socket, () => events()))).toBe("LimitExceededException");
    expect(await read(drained)).toEqual([1, 2]);
    const closedEarly = (await counter.admit(socket, () => events())) as AsyncGenerator<number>;
    await closedEarly.return(undefined);
    const failing = (await counter.admit(socket, async function* () {
      throw new Error("stream failed");
    })) as AsyncGenerator<number>;
    await expect(failing.next()).rejects.toThrow("stream failed");
    expect(await read(await counter.admit(socket, () => events()))).toEqual([1, 2]);
  });
});
