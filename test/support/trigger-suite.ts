import { afterAll, beforeAll } from "vitest";
import type { Backend } from "./backends.js";
import { createPoolWithClient, uniqueName } from "./directory.js";
import {
  RotateTriggerSecretDocument,
  type CreateUserPoolClientInput,
  type CreateUserPoolInput,
  type LambdaConfigInput,
} from "./generated/graphql.js";
import { expectData } from "./graphql-client.js";
import { getTestApp, type TestApp } from "./test-app.js";
import { startTriggerReceiver, type TriggerReceiver } from "./trigger-receiver.js";

/** A pool whose triggers point at its own paths on the suite's receiver. */
export interface TriggerPool {
  poolId: string;
  clientId: string;
  /** The pool's trigger signing secret (rotateTriggerSecret's answer). */
  secret: string;
  /** The receiver path of one of this pool's triggers, for `receiver.on` / `receiver.at`. */
  path(name: string): string;
}

/**
 * One gateway and one trigger receiver for a describe block on `backend`, started before its tests
 * and closed after them. Read `gateway` / `receiver` inside tests (they exist once beforeAll ran).
 */
export function useTriggerSuite(backend: Backend) {
  let gateway: TestApp | undefined;
  let receiver: TriggerReceiver | undefined;
  beforeAll(async () => {
    gateway = await getTestApp(backend);
    receiver = await startTriggerReceiver();
  });
  afterAll(async () => {
    await receiver?.close();
    await gateway?.close();
  });
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error("the trigger suite is not started yet (use it inside a test)");
    return value;
  };
  return {
    get gateway(): TestApp {
      return started(gateway);
    },
    get receiver(): TriggerReceiver {
      return started(receiver);
    },
    /**
     * Creates a pool (and an app client) whose lambdaConfig the caller builds from `url(path)`, under
     * a prefix of its own, and rotates its trigger secret so the triggers can be called.
     */
    async poolWithTriggers(
      lambdaConfig: (url: (path: string) => string) => LambdaConfigInput,
      poolInput: Partial<CreateUserPoolInput> = {},
      clientInput: Partial<CreateUserPoolClientInput> = {},
    ): Promise<TriggerPool> {
      const prefix = `/${uniqueName("t")}`;
      const url = (path: string) => started(receiver).url(`${prefix}${path}`);
      const { poolId, clientId } = await createPoolWithClient(
        started(gateway),
        { lambdaConfig: lambdaConfig(url), ...poolInput },
        clientInput,
      );
      const { secret } = expectData(
        await started(gateway).gql(RotateTriggerSecretDocument, { userPoolId: poolId }),
      ).rotateTriggerSecret;
      return { poolId, clientId, secret, path: (name: string) => `${prefix}${name}` };
    },
  };
}
