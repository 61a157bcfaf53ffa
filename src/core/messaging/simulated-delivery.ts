import type { UserPool } from "../pools/user-pool.types.js";
import type { UserAttributes } from "../users/user.types.js";
import {
  recoveryTarget,
  signUpTarget,
  toDeliveryDetails,
  type CodeDeliveryDetails,
  type DeliveryTarget,
} from "./delivery.js";

/**
 * Delivery details for a name with no deliverable user behind it (PreventUserExistenceErrors ENABLED).
 *
 * Why keyed and weighted: a destination computed from the name's characters can be recomputed by
 * anyone, and one drawn uniformly (`q***@x***`, `+*******0042`) looks like no real address. So the
 * fake address is drawn from a server-side keyed digest of (pool, name) — stable for the name,
 * unpredictable without the secrets key — out of tables shaped like real addresses, and goes to the
 * medium a typical confirmed user of this pool would get, masked by the same function as real ones.
 */
export function simulatedDeliveryDetails(
  pool: UserPool,
  identifier: string,
  purpose: "SIGN_UP" | "FORGOT_PASSWORD",
  digestHex: string,
  /**
   * A real user's attributes when the user gets a simulated answer (disabled, unverified, already
   * confirmed): their own addresses are used, so the answer agrees with what other calls show of
   * them, as an unknown name's answers agree with each other.
   */
  known: UserAttributes | null = null,
): CodeDeliveryDetails {
  const draw = createDraws(digestHex);
  // Both fakes are always drawn, so the draws do not depend on which addresses are known.
  const fakes = { email: fakeEmail(draw), phone_number: fakePhone(draw) };
  // A typed email keeps only what the mask shows; lower case, as addresses are almost always stored.
  const typed = (kind: "email" | "phone_number") => (kind === "email" ? identifier.toLowerCase() : identifier);
  const addressOf = (kind: "email" | "phone_number") =>
    known?.[kind] || (isSignInName(pool, kind, identifier) ? typed(kind) : fakes[kind]);
  return toDeliveryDetails(
    simulatedTarget(pool, purpose, { email: addressOf("email"), phone_number: addressOf("phone_number") }, identifier),
  );
}

/** An email / phone typed as the name is the address a real user found by it would have. */
function isSignInName(pool: UserPool, kind: "email" | "phone_number", identifier: string): boolean {
  const signsIn = pool.usernameAttributes.includes(kind) || pool.aliasAttributes.includes(kind);
  return signsIn && (kind === "email" ? EMAIL_LIKE.test(identifier) : PHONE_LIKE.test(identifier));
}

const EMAIL_LIKE = /^[^\s@]+@[^\s@]+$/;
const PHONE_LIKE = /^\+[0-9]+$/;

/**
 * The channel a typical confirmed user would be sent to: the sign-up code verified the pool's
 * sign-up channel (phone before email, as signUpTarget picks it) and an alias typed as the name is
 * verified by definition; recovery then takes the first verified channel in the pool's order.
 */
function simulatedTarget(
  pool: UserPool,
  purpose: "SIGN_UP" | "FORGOT_PASSWORD",
  addresses: { email: string; phone_number: string },
  identifier: string,
): DeliveryTarget {
  const attributes: UserAttributes = { ...addresses };
  if (purpose === "SIGN_UP")
    return signUpTarget(pool, attributes) ?? { medium: "EMAIL", attributeName: "email", address: addresses.email };
  const verified = signUpTarget(pool, attributes)?.attributeName;
  for (const kind of ["email", "phone_number"] as const) {
    const isVerifiedAlias = pool.aliasAttributes.includes(kind) && isSignInName(pool, kind, identifier);
    attributes[`${kind}_verified`] = verified === kind || isVerifiedAlias ? "true" : "false";
  }
  const target = recoveryTarget(pool, attributes);
  if (target && target !== "admin_only") return target;
  // No channel the pool verifies: real users here get simulated answers too; follow the recovery order.
  const first = [...pool.accountRecoverySetting]
    .sort((left, right) => left.priority - right.priority)
    .find((mechanism) => mechanism.name !== "admin_only");
  return first?.name === "verified_phone_number"
    ? { medium: "SMS", attributeName: "phone_number", address: addresses.phone_number }
    : { medium: "EMAIL", attributeName: "email", address: addresses.email };
}

/** Weighted picks from the digest, 4 bytes each (8 per SHA-256 digest; bias below 1e-5 for these tables). */
function createDraws(digestHex: string) {
  let offset = 0;
  return <T>(table: readonly (readonly [T, number])[]): T => {
    const value = Number.parseInt(digestHex.slice(offset, offset + 8).padEnd(8, "0"), 16);
    offset = (offset + 8) % Math.max(digestHex.length, 8);
    const total = table.reduce((sum, [, weight]) => sum + weight, 0);
    let point = value % total;
    for (const [item, weight] of table) {
      if (point < weight) return item;
      point -= weight;
    }
    return table[table.length - 1]![0];
  };
}
type Draw = ReturnType<typeof createDraws>;

/**
 * First characters of email local parts, per mille: an approximation of the initials of English given
 * names and surnames (j, m, s, a, c lead; q, u, x rare), with a few digits.
 */
const LOCAL_INITIALS: readonly (readonly [string, number])[] = [
  ["a", 75],
  ["b", 45],
  ["c", 60],
  ["d", 60],
  ["e", 35],
  ["f", 20],
  ["g", 30],
  ["h", 30],
  ["i", 15],
  ["j", 95],
  ["k", 55],
  ["l", 45],
  ["m", 90],
  ["n", 30],
  ["o", 10],
  ["p", 40],
  ["q", 3],
  ["r", 50],
  ["s", 85],
  ["t", 50],
  ["u", 4],
  ["v", 15],
  ["w", 20],
  ["x", 3],
  ["y", 5],
  ["z", 8],
  ["1", 3],
  ["2", 2],
  ["9", 2],
];

/** Mail domains by rough share of consumer addresses; "" stands for any other (company, school) domain. */
const DOMAINS: readonly (readonly [string, number])[] = [
  ["gmail.com", 450],
  ["yahoo.com", 100],
  ["hotmail.com", 90],
  ["outlook.com", 60],
  ["icloud.com", 50],
  ["aol.com", 20],
  ["live.com", 20],
  ["qq.com", 20],
  ["msn.com", 10],
  ["comcast.net", 10],
  ["protonmail.com", 10],
  ["gmx.de", 10],
  ["web.de", 10],
  ["yandex.ru", 10],
  ["mail.ru", 10],
  ["163.com", 10],
  ["", 100],
];

/** Initials of other domains: company names start much like words do. */
const OTHER_DOMAIN_INITIALS: readonly (readonly [string, number])[] = [
  ["a", 70],
  ["b", 55],
  ["c", 80],
  ["d", 45],
  ["e", 40],
  ["f", 40],
  ["g", 35],
  ["h", 35],
  ["i", 35],
  ["j", 10],
  ["k", 15],
  ["l", 35],
  ["m", 65],
  ["n", 35],
  ["o", 20],
  ["p", 65],
  ["q", 3],
  ["r", 40],
  ["s", 90],
  ["t", 60],
  ["u", 15],
  ["v", 20],
  ["w", 25],
  ["x", 3],
  ["y", 5],
  ["z", 5],
];

function fakeEmail(draw: Draw): string {
  const initial = draw(LOCAL_INITIALS);
  const domain = draw(DOMAINS) || `${draw(OTHER_DOMAIN_INITIALS)}example.com`;
  return `${initial}user@${domain}`;
}

/** Calling codes by rough share of mobile numbers, with the national number's length. */
const CALLING_CODES: readonly (readonly [{ code: string; digits: number }, number])[] = [
  [{ code: "1", digits: 10 }, 300],
  [{ code: "44", digits: 10 }, 80],
  [{ code: "91", digits: 10 }, 100],
  [{ code: "49", digits: 11 }, 40],
  [{ code: "49", digits: 10 }, 20],
  [{ code: "33", digits: 9 }, 50],
  [{ code: "61", digits: 9 }, 40],
  [{ code: "81", digits: 10 }, 40],
  [{ code: "55", digits: 11 }, 50],
  [{ code: "34", digits: 9 }, 40],
  [{ code: "39", digits: 10 }, 40],
  [{ code: "52", digits: 10 }, 40],
  [{ code: "86", digits: 11 }, 60],
  [{ code: "31", digits: 9 }, 25],
  [{ code: "7", digits: 10 }, 25],
];

const DIGITS: readonly (readonly [string, number])[] = [..."0123456789"].map((digit) => [digit, 1] as const);

/** Only the length and the last four digits survive masking; the rest is filler. */
function fakePhone(draw: Draw): string {
  const { code, digits } = draw(CALLING_CODES);
  const last4 = [0, 1, 2, 3].map(() => draw(DIGITS)).join("");
  return `+${code}${"5".repeat(digits - 4)}${last4}`;
}

/**
 * Delivery details of a USER_AUTH sign-in code (EMAIL_OTP, SMS_OTP) that is not sent: the address of
 * that kind a user found by this name would have — the typed email or phone when it is a sign-in name,
 * else one drawn like the recovery fakes above (stable per name, unpredictable without the key) — or a
 * real user's own address when that user gets a simulated challenge.
 */
export function simulatedSignInCodeDetails(
  pool: UserPool,
  identifier: string,
  kind: "email" | "phone_number",
  digestHex: string,
  knownAddress: string | null = null,
): CodeDeliveryDetails {
  const draw = createDraws(digestHex);
  const fakes = { email: fakeEmail(draw), phone_number: fakePhone(draw) };
  const typed = kind === "email" ? identifier.toLowerCase() : identifier;
  const address = knownAddress || (isSignInName(pool, kind, identifier) ? typed : fakes[kind]);
  return toDeliveryDetails({ medium: kind === "email" ? "EMAIL" : "SMS", attributeName: kind, address });
}
