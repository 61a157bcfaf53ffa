import { AuthenticationHelper, DateHelper } from "amazon-cognito-identity-js";
import { signPasswordClaim, startAuthenticationHelper } from "./cognito-srp-client.js";

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
  const { helper, srpA } = startAuthenticationHelper(device.deviceGroupKey);
  return {
    srpA,
    answer(
      challenge: { SALT?: string | null; SRP_B?: string | null; SECRET_BLOCK?: string | null },
      username: string,
      timestamp = new DateHelper().getNowString(),
      password = device.randomPassword,
    ) {
      return {
        USERNAME: username,
        DEVICE_KEY: device.deviceKey,
        PASSWORD_CLAIM_SECRET_BLOCK: challenge.SECRET_BLOCK!,
        PASSWORD_CLAIM_SIGNATURE: signPasswordClaim(
          helper,
          { name: device.deviceGroupKey, id: device.deviceKey, password },
          challenge,
          timestamp,
        ),
        TIMESTAMP: timestamp,
      };
    },
  };
}
