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
  answer(challenge: { SALT?: string | null; SRP_B?: string | null; SECRET_BLOCK?: string | null; USER_ID_FOR_SRP?: string | null }, password: string, timestamp?: string): {
    USERNAME: string;
    PASSWORD_CLAIM_SECRET_BLOCK: string;
    PASSWORD_CLAIM_SIGNATURE: string;
    TIMESTAMP: string;
  };
}

const { Sha256 } = createRequire(require.resolve("amazon-cognito-identity-js"))("@aws-crypto/sha256-js") as {
  Sha256: new (secret?: Uint8Array) => { update(data: Uint8Array): void; digestSync(): Uint8Array };
};

export function createSrpClient(poolId: string): SrpClient {
  const poolName = poolId.split("_")[1]!;
  const helper = new AuthenticationHelper(poolName);
  let largeA: BigInteger | undefined;
  helper.getLargeAValue((error, value) => {
    if (error) throw error;
    largeA = value;
  });
  return {
    srpA: largeA!.toString(16),
    answer(challenge, password, timestamp = new DateHelper().getNowString()) {
      const userId = challenge.USER_ID_FOR_SRP!;
      let key: Uint8Array | undefined;
      helper.getPasswordAuthenticationKey(userId, password, new BigInteger(challenge.SRP_B!, 16), new BigInteger(challenge.SALT!, 16), (error, hkdf) => {
        if (error) throw error;
        key = hkdf;
      });
      const hash = new Sha256(key);
      hash.update(Buffer.concat([Buffer.from(poolName, "utf8"), Buffer.from(userId, "utf8"), Buffer.from(challenge.SECRET_BLOCK!, "base64"), Buffer.from(timestamp, "utf8")]));
      return {
        USERNAME: userId,
        PASSWORD_CLAIM_SECRET_BLOCK: challenge.SECRET_BLOCK!,
        PASSWORD_CLAIM_SIGNATURE: Buffer.from(hash.digestSync()).toString("base64"),
        TIMESTAMP: timestamp,
      };
    },
  };
}
