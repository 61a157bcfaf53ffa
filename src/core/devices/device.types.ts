/** Cognito's DeviceRememberedStatusType. */
export const DEVICE_REMEMBERED_STATUSES = ["remembered", "not_remembered"] as const;
export type DeviceRememberedStatus = (typeof DEVICE_REMEMBERED_STATUSES)[number];

/**
 * A device of a user (cognito-reference §4.9). It is created when a sign-in hands out its
 * NewDeviceMetadata and stays pending (no verifier) until ConfirmDevice stores the device's SRP
 * salt and verifier; only a confirmed device can sign in with DEVICE_SRP_AUTH.
 */
export interface Device {
  /** `<region>_<uuid>`: the device "username" of device SRP. */
  deviceKey: string;
  poolId: string;
  userId: string;
  /** The device "pool name" of device SRP. */
  deviceGroupKey: string;
  /** Device SRP salt and verifier as transport hex; null while the device is pending confirmation. */
  srpSalt: string | null;
  srpVerifier: string | null;
  name: string | null;
  rememberedStatus: DeviceRememberedStatus;
  lastIpUsed: string | null;
  createdAt: Date;
  updatedAt: Date;
  lastAuthenticatedAt: Date | null;
}

export const isConfirmed = (device: Device): device is Device & { srpSalt: string; srpVerifier: string } =>
  device.srpSalt !== null && device.srpVerifier !== null;

/** Cognito's message for an unknown device key; amazon-cognito-identity-js retries without the device on it. */
export const DEVICE_NOT_FOUND = "Device does not exist.";
