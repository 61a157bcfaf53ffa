import { randomInt } from "node:crypto";
import { decodeJwt } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BACKENDS } from "../support/backends.js";
import { createPoolWithClient, uniqueName } from "../support/directory.js";
import { InitiateAuthDocument, RespondToAuthChallengeDocument } from "../support/generated/graphql.js";
import { errorCodes } from "../support/graphql-client.js";
import { createConfirmedUser, expectChallenge, expectTokens, INCORRECT, signInEnv } from "../support/sign-in.js";
import { SrpClientWorkers } from "../support/srp-client-workers.js";
import { getTestApp, type TestApp } from "../support/test-app.js";

/**
 * SRP interop at volume (cognito-reference §4): random users and passwords, so that salts, A and B
 * with the top bit set (the PAD traps of §4.2) and short salts all occur, in every username mode,
 * signed in over GraphQL by the unmodified amazon-cognito-identity-js AuthenticationHelper.
 */
/**
 * jsbn costs the client ~0.4 s of CPU per sign-in, so both backends at 200 would take minutes: the
 * embedded run does 200; the MariaDB + Redis one, whose SRP code path is the same and which adds only
 * the storage of salts and verifiers, does 50.
 */
const USERS_BY_BACKEND = { embedded: 200, "mariadb+redis": 50 } as const;
/** Every tenth user also tries a wrong password first (a whole extra sign-in of client CPU). */
const WRONG_PASSWORD_EVERY = 10;

const UPPER = [..."ABCDEFGHIJKLMNOPQRSTUVWXYZ"];
const LOWER = [..."abcdefghijklmnopqrstuvwxyz"];
const DIGITS = [..."0123456789"];
const SYMBOLS = [..."^$*.[]{}()?\"!@#%&/\\,><':;|_~`=+-"];
// No whitespace: PasswordType's pattern is [\S]+ (cognito-reference §2.2).
const UNICODE = ["é", "ß", "ü", "Ω", "ж", "中", "文", "ア", "😀", "🙂", "€"];
const USERNAME_EXTRA = ["é", "ü", "ö", "ß", "Ω", "ж", "中", "文", "ア", "ñ", ".", "_", "-", "+", "€"];

const pick = <T>(items: readonly T[]): T => items[randomInt(items.length)]!;
const shuffled = <T>(items: T[]): T[] => {
  for (let i = items.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
};

/** Satisfies the default policy; 8–48 UTF-16 units, every seventh one 200–256; no whitespace. */
function randomPassword(index: number): string {
  const target = index % 7 === 0 ? 200 + randomInt(54) : 6 + randomInt(41);
  const middle = [pick(UPPER), pick(LOWER), pick(DIGITS), pick(SYMBOLS)];
  const alphabet = [...UPPER, ...LOWER, ...DIGITS, ...SYMBOLS, ...UNICODE];
  while (middle.join("").length < target) middle.push(pick(alphabet));
  return `${pick(LOWER)}${shuffled(middle).join("")}${pick(UPPER)}`;
}

/** Letters from several scripts, both cases, punctuation; unique across runs. */
function randomUsername(): string {
  const letters = Array.from({ length: 2 + randomInt(20) }, () =>
    pick([...UPPER, ...LOWER, ...DIGITS, ...USERNAME_EXTRA]),
  );
  return `${letters.join("")}${uniqueName("u")}`;
}

/** The username with its case flipped, when the pool's lower-casing maps both to the same name. */
function caseVariant(name: string): string {
  const flipped = [...name]
    .map((character) => (character === character.toLowerCase() ? character.toUpperCase() : character.toLowerCase()))
    .join("");
  return flipped.toLowerCase() === name.toLowerCase() ? flipped : name;
}

type Mode = "username" | "email-as-username" | "email-alias";

interface Candidate {
  index: number;
  mode: Mode;
  poolId: string;
  clientId: string;
  /** What AdminCreateUser gets as Username. */
  createAs: string;
  /** What the client signs in with. */
  signInAs: string;
  password: string;
  attributes: { name: string; value: string }[];
  created?: { username: string; sub: string };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Runs `task` over `items` with at most `limit` in flight. */
async function inParallel<T>(items: readonly T[], limit: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) await task(items[next++]!);
    }),
  );
}

describe.each(BACKENDS)("SRP with amazon-cognito-identity-js for many users on $name", (backend) => {
  const USERS = USERS_BY_BACKEND[backend.name as keyof typeof USERS_BY_BACKEND];
  let gateway: TestApp;
  let workers: SrpClientWorkers;
  beforeAll(async () => {
    gateway = await getTestApp(backend, { env: signInEnv(backend) });
    workers = new SrpClientWorkers();
  });
  afterAll(async () => {
    await workers?.close();
    await gateway?.close();
  });

  it(
    `signs in ${USERS} random users in every username mode; their wrong passwords fail`,
    { timeout: 400_000 },
    async () => {
      const pools = {
        username: await createPoolWithClient(gateway),
        "email-as-username": await createPoolWithClient(gateway, { usernameAttributes: ["email"] }),
        "email-alias": await createPoolWithClient(gateway, { aliasAttributes: ["email"] }),
      } satisfies Record<Mode, unknown>;
      const modes = Object.keys(pools) as Mode[];

      const candidates: Candidate[] = Array.from({ length: USERS }, (_, index) => {
        const mode = modes[index % modes.length]!;
        const { poolId, clientId } = pools[mode];
        const password = randomPassword(index);
        if (mode === "username") {
          const username = randomUsername();
          // Half sign in with the other case: the pool is case-insensitive, USER_ID_FOR_SRP stays the stored name.
          return {
            index,
            mode,
            poolId,
            clientId,
            createAs: username,
            signInAs: index % 2 ? caseVariant(username) : username,
            password,
            attributes: [],
          };
        }
        const email = `${uniqueName("Mail.")}@Example.com`;
        if (mode === "email-as-username")
          return {
            index,
            mode,
            poolId,
            clientId,
            createAs: email,
            signInAs: index % 2 ? email.toLowerCase() : email,
            password,
            attributes: [{ name: "email", value: email }],
          };
        return {
          index,
          mode,
          poolId,
          clientId,
          createAs: randomUsername(),
          signInAs: email.toLowerCase(),
          password,
          attributes: [
            { name: "email", value: email },
            { name: "email_verified", value: "true" },
          ],
        };
      });
      await inParallel(candidates, 6, async (candidate) => {
        candidate.created = await createConfirmedUser(
          gateway,
          candidate.poolId,
          candidate.createAs,
          candidate.password,
          candidate.attributes,
        );
      });

      const failures: string[] = [];
      const seen = { topBitA: 0, topBitB: 0, topBitSalt: 0, shortSalt: 0, longPasswords: 0, wrongRefused: 0 };
      const describeCandidate = (candidate: Candidate) =>
        JSON.stringify({
          mode: candidate.mode,
          signInAs: candidate.signInAs,
          password: candidate.password,
          created: candidate.created,
        });

      /** One sign-in; returns the error code and message, or null after checking the tokens. */
      async function signIn(
        candidate: Candidate,
        password: string,
      ): Promise<{ code: string | undefined; message: string } | null> {
        const client = await workers.start(candidate.poolId);
        const started = await gateway.gql(
          InitiateAuthDocument,
          {
            input: {
              clientId: candidate.clientId,
              authFlow: "USER_SRP_AUTH",
              authParameters: { USERNAME: candidate.signInAs, SRP_A: client.srpA },
            },
          },
          null,
        );
        const challenge = expectChallenge(started);
        const parameters = challenge.challengeParameters;
        if (
          parameters.USER_ID_FOR_SRP !== candidate.created!.username ||
          parameters.USERNAME !== parameters.USER_ID_FOR_SRP
        ) {
          failures.push(
            `#${candidate.index}: USER_ID_FOR_SRP ${parameters.USER_ID_FOR_SRP} for ${describeCandidate(candidate)}`,
          );
        }
        if (candidate.mode === "email-as-username" && !UUID.test(parameters.USER_ID_FOR_SRP ?? ""))
          failures.push(`#${candidate.index}: USER_ID_FOR_SRP is not a UUID`);
        const salt = parameters.SALT!;
        if (salt.length === 32 && /^[89a-f]/.test(salt)) seen.topBitSalt++;
        if (salt.length < 32) seen.shortSalt++;
        if (parameters.SRP_B!.length % 2 === 0 && /^[89a-f]/.test(parameters.SRP_B!)) seen.topBitB++;
        if (client.srpA.length % 2 === 0 && /^[89a-f]/.test(client.srpA)) seen.topBitA++;

        const answer = await client.answer(parameters, password);
        const done = await gateway.gql(
          RespondToAuthChallengeDocument,
          {
            input: {
              clientId: candidate.clientId,
              challengeName: "PASSWORD_VERIFIER",
              session: challenge.session,
              challengeResponses: answer,
            },
          },
          null,
        );
        if (done.errors) return { code: errorCodes(done)[0], message: done.errors[0]!.message };
        const tokens = expectTokens(done);
        const idClaims = decodeJwt(tokens.idToken);
        if (
          idClaims["cognito:username"] !== candidate.created!.username ||
          idClaims.sub !== candidate.created!.sub ||
          decodeJwt(tokens.accessToken).username !== candidate.created!.username
        ) {
          failures.push(`#${candidate.index}: token subject ${JSON.stringify(idClaims)}`);
        }
        return null;
      }

      await inParallel(candidates, workers.size * 2, async (candidate) => {
        if (candidate.password.length >= 200) seen.longPasswords++;
        if (candidate.index % WRONG_PASSWORD_EVERY === 0) {
          const wrong = await signIn(
            candidate,
            `${candidate.password.slice(0, -1)}${candidate.password.endsWith("Z") ? "Y" : "Z"}`,
          );
          if (wrong?.code === "NotAuthorizedException" && wrong.message === INCORRECT) seen.wrongRefused++;
          else
            failures.push(
              `#${candidate.index}: wrong password answered ${JSON.stringify(wrong)} for ${describeCandidate(candidate)}`,
            );
        }
        const error = await signIn(candidate, candidate.password);
        if (error) failures.push(`#${candidate.index}: ${JSON.stringify(error)} for ${describeCandidate(candidate)}`);
      });

      expect(failures).toEqual([]);
      expect(seen.wrongRefused).toBe(USERS / WRONG_PASSWORD_EVERY);
      expect(seen.longPasswords).toBeGreaterThan(0);
      // Every PAD branch (§4.2) was crossed: top bit set on A, B and the salt (each misses 50 users with
      // probability 2^-50), and salts shorter than 16 bytes (1 in 16 salts: asserted only where 200 make a miss ~1e-6).
      for (const [name, count] of Object.entries({
        topBitA: seen.topBitA,
        topBitB: seen.topBitB,
        topBitSalt: seen.topBitSalt,
      }))
        expect(count, name).toBeGreaterThan(0);
      if (USERS >= 200) expect(seen.shortSalt, "shortSalt").toBeGreaterThan(0);
    },
  );
});
