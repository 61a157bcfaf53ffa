/**
 * amazon-cognito-identity-js exports AuthenticationHelper and DateHelper from lib/index.js, and its
 * jsbn BigInteger from lib/BigInteger.js, but its index.d.ts declares none of them. These are the
 * members the SRP interop tests drive (signatures read from the package's src/*.js).
 *
 * Deliberately a script (no top-level import/export): ambient `declare module` blocks then declare
 * the BigInteger path outright and merge with the package's own ambient module declaration.
 */

declare module "amazon-cognito-identity-js/lib/BigInteger" {
  export default class BigInteger {
    static readonly ZERO: BigInteger;
    constructor(value: string, radix: number);
    toString(radix?: number): string;
    equals(other: BigInteger): boolean;
    compareTo(other: BigInteger): number;
    mod(modulus: BigInteger): BigInteger;
  }
}

declare module "amazon-cognito-identity-js" {
  import BigInteger from "amazon-cognito-identity-js/lib/BigInteger";

  export class AuthenticationHelper {
    constructor(poolName: string);
    /** The client's private a (128 random bytes); set before getLargeAValue() only to replay a test vector. */
    smallAValue: BigInteger;
    /** Cached A = g^a mod N; the constructor already computes it. */
    largeAValue: BigInteger | undefined;
    getLargeAValue(callback: (err: Error | null, largeAValue: BigInteger) => void): void;
    /** Calls back synchronously with K, the 16-byte HKDF output (§4.5). */
    getPasswordAuthenticationKey(
      username: string,
      password: string,
      serverBValue: BigInteger,
      salt: BigInteger,
      callback: (err: Error | null, hkdf: Uint8Array) => void,
    ): void;
    padHex(bigInt: BigInteger): string;
    /** ConfirmDevice's half (§4.9): a random device password, a 16-byte salt and v = g^x; calls back synchronously. */
    generateHashDevice(deviceGroupKey: string, username: string, callback: (err: Error | null) => void): void;
    /** The device salt as hex (PAD of the integer). */
    getSaltDevices(): string;
    /** The device verifier as hex (PAD of the integer). */
    getVerifierDevices(): string;
    /** base64 of 40 random bytes: the device's password, which the SDK keeps in its storage. */
    getRandomPassword(): string;
  }

  export class DateHelper {
    /** "ddd MMM D HH:mm:ss UTC YYYY" for the current time. */
    getNowString(): string;
  }
}
