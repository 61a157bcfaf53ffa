import {
  AuthenticationDetails,
  CognitoUser,
  CognitoUserPool,
  type CognitoUserSession,
  type ICognitoStorage,
} from "amazon-cognito-identity-js";
import type { TestApp } from "./test-app.js";

/** amazon-cognito-identity-js keeps tokens and remembered device keys in a Storage; this one is a Map per test. */
export class MapStorage implements ICognitoStorage {
  private readonly items = new Map<string, string>();
  setItem(key: string, value: string): void {
    this.items.set(key, value);
  }
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
  clear(): void {
    this.items.clear();
  }
  keys(): string[] {
    return [...this.items.keys()];
  }
}

/** The library's pool, pointed at the gateway's JSON endpoint: the only change an existing app makes. */
export function identityPool(
  gateway: TestApp,
  poolId: string,
  clientId: string,
  storage: MapStorage = new MapStorage(),
): CognitoUserPool {
  return new CognitoUserPool({
    UserPoolId: poolId,
    ClientId: clientId,
    endpoint: `${gateway.baseUrl}/`,
    Storage: storage,
  });
}

export const userOf = (pool: CognitoUserPool, username: string, storage: MapStorage): CognitoUser =>
  new CognitoUser({ Username: username, Pool: pool, Storage: storage });

/** What authenticateUser (or a later step) ended in: tokens, or the callback the library called. */
export type SignInStep =
  | { kind: "success"; session: CognitoUserSession; userConfirmationNecessary?: boolean }
  | { kind: "newPasswordRequired"; userAttributes: Record<string, string>; requiredAttributes: string[] }
  | { kind: "mfaRequired"; challengeName: string; parameters: Record<string, string> }
  | { kind: "totpRequired"; challengeName: string; parameters: Record<string, string> }
  | { kind: "mfaSetup"; challengeName: string; parameters: Record<string, string> }
  | { kind: "selectMFAType"; challengeName: string; parameters: Record<string, string> };

/** Callbacks that settle a promise with whichever step the library reached. */
export function stepCallbacks(resolve: (step: SignInStep) => void, reject: (error: Error) => void) {
  return {
    onSuccess: (session: CognitoUserSession, userConfirmationNecessary?: boolean) =>
      resolve({ kind: "success", session, userConfirmationNecessary }),
    onFailure: (error: Error) => reject(error),
    newPasswordRequired: (userAttributes: Record<string, string>, requiredAttributes: string[]) =>
      resolve({ kind: "newPasswordRequired", userAttributes, requiredAttributes }),
    mfaRequired: (challengeName: string, parameters: Record<string, string>) =>
      resolve({ kind: "mfaRequired", challengeName, parameters }),
    totpRequired: (challengeName: string, parameters: Record<string, string>) =>
      resolve({ kind: "totpRequired", challengeName, parameters }),
    mfaSetup: (challengeName: string, parameters: Record<string, string>) =>
      resolve({ kind: "mfaSetup", challengeName, parameters }),
    selectMFAType: (challengeName: string, parameters: Record<string, string>) =>
      resolve({ kind: "selectMFAType", challengeName, parameters }),
  };
}

/** authenticateUser (SRP, the library's default flow). */
export const authenticate = (user: CognitoUser, username: string, password: string): Promise<SignInStep> =>
  new Promise((resolve, reject) =>
    user.authenticateUser(
      new AuthenticationDetails({ Username: username, Password: password }),
      stepCallbacks(resolve, reject),
    ),
  );

export function expectSuccess(step: SignInStep): CognitoUserSession {
  if (step.kind !== "success") throw new Error(`expected tokens, the library reached ${step.kind}`);
  return step.session;
}

/** Node-style callback → promise. */
export const call = <T>(run: (callback: (error: Error | null | undefined, result?: T) => void) => void): Promise<T> =>
  new Promise((resolve, reject) => run((error, result) => (error ? reject(error) : resolve(result as T))));

/** `{onSuccess, onFailure}` callbacks → promise. */
export const callbacks = <T>(
  run: (handlers: { onSuccess: (result: T) => void; onFailure: (error: Error) => void }) => void,
): Promise<T> => new Promise((resolve, reject) => run({ onSuccess: resolve, onFailure: reject }));

/** Rejection of a promise that should fail; fails the test when it resolved. */
export async function failureOf(promise: Promise<unknown>): Promise<Error & { code?: string }> {
  const outcome = await promise.then(
    () => null,
    (error: unknown) => error as Error & { code?: string },
  );
  if (outcome === null) throw new Error("the call should have failed");
  return outcome;
}
