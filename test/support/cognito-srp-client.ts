import { AuthenticationHelper, DateHelper } from "amazon-cognito-identity-js";
import BigInteger from "amazon-cognito-identity-js/lib/BigInteger";
import { createRequire } from "node:module";

/**
 * The client half of SRP done by the unmodified amazon-cognito-identity-js AuthenticationHelper,
 * with the signature assembled exactly as its CognitoUser.authenticateUserDefaultAuth does.
 */
export interface SrpClient {
  srpA: string;
  /** ChallengeResponses for PASSWORD_VERIFIER. */
  answer(
    challenge: {
      SALT?: string | null;
      SRP_B?: string | null;
      SECRET_BLOCK?: string | null;
      USER_ID_FOR_SRP?: string | null;
    },
    password: string,
    timestamp?: string,
  ): {
    USERNAME: string;
    PASSWORD_CLAIM_SECRET_BLOCK: string;
    PASSWORD_CLAIM_SIGNATURE: string;
    TIMESTAMP: string;
  };
}

const { Sha256 } = createRequire(require.resolve("amazon-cognito-identity-js"))("@aws-crypto/sha256-js") as {
  Sha256: new (secret?: Uint8Array) => { update(data: Uint8Array): void; digestSync(): Uint8Array };
};

/** A fresh AuthenticationHelper for a pool name (or a device group key) and its SRP_A, as CognitoUser starts one. */
export function startAuthenticationHelper(name: string): { helper: AuthenticationHelper; srpA: string } {
  const helper = new AuthenticationHelper(name);
  let largeA: BigInteger | undefined;
  helper.getLargeAValue((error, value) => {
    if (error) throw error;
    largeA = value;
  });
  return { helper, srpA: largeA!.toString(16) };
}

/**
 * PASSWORD_CLAIM_SIGNATURE as CognitoUser computes it: base64(HMAC(K, name || id || SECRET_BLOCK ||
 * TIMESTAMP)), K from the helper. A user signs with its pool name and user id, a device with its
 * group key and device key.
 */
export function signPasswordClaim(
  helper: AuthenticationHelper,
  signer: { name: string; id: string; password: string },
  challenge: { SALT?: string | null; SRP_B?: string | null; SECRET_BLOCK?: string | null },
  timestamp: string,
): string {
  let key: Uint8Array | undefined;
  helper.getPasswordAuthenticationKey(
    signer.id,
    signer.password,
    new BigInteger(challenge.SRP_B!, 16),
    new BigInteger(challenge.SALT!, 16),
    (error, hkdf) => {
      if (error) throw error;
      key = hkdf;
    },
  );
  const hash = new Sha256(key);
  hash.update(
    Buffer.concat([
      Buffer.from(signer.name, "utf8"),
      Buffer.from(signer.id, "utf8"),
      Buffer.from(challenge.SECRET_BLOCK!, "base64"),
      Buffer.from(timestamp, "utf8"),
    ]),
  );
  return Buffer.from(hash.digestSync()).toString("base64");
}

export function createSrpClient(poolId: string): SrpClient {
  const poolName = poolId.split("_")[1]!;
  const { helper, srpA } = startAuthenticationHelper(poolName);
  return {
    srpA,
    answer(challenge, password, timestamp = new DateHelper().getNowString()) {
      const userId = challenge.USER_ID_FOR_SRP!;
      return {
        USERNAME: userId,
        PASSWORD_CLAIM_SECRET_BLOCK: challenge.SECRET_BLOCK!,
        PASSWORD_CLAIM_SIGNATURE: signPasswordClaim(
          helper,
          { name: poolName, id: userId, password },
          challenge,
          timestamp,
        ),
        TIMESTAMP: timestamp,
      };
    },
  };
}
