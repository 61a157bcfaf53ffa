import { AuthenticationHelper, DateHelper } from "amazon-cognito-identity-js";
import BigInteger from "amazon-cognito-identity-js/lib/BigInteger";
import { createRequire } from "node:module";

/**
 * The device half of Cognito's remembered devices, done by the unmodified amazon-cognito-identity-js
 * AuthenticationHelper exactly as its CognitoUser does: the verifier for ConfirmDevice as in
 * authenticateUserInternal (generateHashDevice, getSaltDevices, getVerifierDevices, getRandomPassword),
 * and the DEVICE_SRP_AUTH / DEVICE_PASSWORD_VERIFIER answers as in getDeviceResponse.
 */
export interface RememberedDevice {
  deviceKey: string;
  deviceGroupKey: string;
  /** What the SDK keeps in its storage; never sent. */
  randomPassword: string;
}

const { Sha256 } = createRequire(require.resolve("amazon-cognito-identity-js"))("@aws-crypto/sha256-js") as {
  Sha256: new (secret?: Uint8Array) => { update(data: Uint8Array): void; digestSync(): Uint8Array };
};

/** ConfirmDevice's DeviceSecretVerifierConfig for a NewDeviceMetadata, and the device the SDK then remembers. */
export function createDeviceVerifier(metadata: { deviceKey: string; deviceGroupKey: string }, userPoolName: string) {
  const helper = new AuthenticationHelper(userPoolName);
  helper.generateHashDevice(metadata.deviceGroupKey, metadata.deviceKey, (error) => {
    if (error) throw error;
  });
  const deviceSecretVerifierConfig = {
    salt: Buffer.from(helper.getSaltDevices(), "hex").toString("base64"),
    passwordVerifier: Buffer.from(helper.getVerifierDevices(), "hex").toString("base64"),
  };
  const device: RememberedDevice = { ...metadata, randomPassword: helper.getRandomPassword() };
  return { deviceSecretVerifierConfig, device };
}

/** One device sign-in's client side: SRP_A for DEVICE_SRP_AUTH, then the DEVICE_PASSWORD_VERIFIER answer. */
export function startDeviceSrp(device: RememberedDevice) {
  const helper = new AuthenticationHelper(device.deviceGroupKey);
  let largeA: BigInteger | undefined;
  helper.getLargeAValue((error, value) => {
    if (error) throw error;
    largeA = value;
  });
  return {
    srpA: largeA!.toString(16),
    answer(challenge: { SALT?: string | null; SRP_B?: string | null; SECRET_BLOCK?: string | null }, username: string, timestamp = new DateHelper().getNowString(), password = device.randomPassword) {
      let key: Uint8Array | undefined;
      helper.getPasswordAuthenticationKey(device.deviceKey, password, new BigInteger(challenge.SRP_B!, 16), new BigInteger(challenge.SALT!, 16), (error, hkdf) => {
        if (error) throw error;
        key = hkdf;
      });
      const hash = new Sha256(key);
      hash.update(Buffer.concat([Buffer.from(device.deviceGroupKey, "utf8"), Buffer.from(device.deviceKey, "utf8"), Buffer.from(challenge.SECRET_BLOCK!, "base64"), Buffer.from(timestamp, "utf8")]));
      return {
        USERNAME: username,
        DEVICE_KEY: device.deviceKey,
        PASSWORD_CLAIM_SECRET_BLOCK: challenge.SECRET_BLOCK!,
        PASSWORD_CLAIM_SIGNATURE: Buffer.from(hash.digestSync()).toString("base64"),
        TIMESTAMP: timestamp,
      };
    },
  };
}
