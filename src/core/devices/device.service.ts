import type { Clock } from "../../lib/clock.js";
import { decodeCursor, encodeCursor } from "../../lib/cursor.js";
import { actorOf as adminActorOf, type AdminPrincipal } from "../admin-keys/admin-key.types.js";
import { CognitoError, invalidParameter } from "../errors.js";
import type { Database, Repositories, SrpServer } from "../ports.js";
import type { UserPool } from "../pools/user-pool.types.js";
import { loadSelfContext, type AccessTokenPrincipal } from "../tokens/access-token.service.js";
import { loadAdminUserContext, type AdminUserRef } from "../users/admin-user-context.js";
import type { User } from "../users/user.types.js";
import { requireIntegerInRange, requireLength } from "../validation.js";
import {
  DEVICE_NOT_FOUND,
  DEVICE_REMEMBERED_STATUSES,
  isConfirmed,
  type Device,
  type DeviceRememberedStatus,
} from "./device.types.js";

export interface DeviceServiceDeps {
  db: Database;
  clock: Clock;
  /** Checks that a device's SRP verifier is a usable group element. */
  srp: SrpServer;
}

export interface DeviceSecretVerifierConfig {
  /** base64 of the verifier's bytes, as amazon-cognito-identity-js sends it. */
  passwordVerifier: string;
  /** base64 of the salt's bytes. */
  salt: string;
}

export interface DevicePage {
  devices: Device[];
  paginationToken: string | null;
}

export type DeviceService = ReturnType<typeof createDeviceService>;

/** ListDevices' Limit: 0–60, 0 or absent meaning 60 (cognito-reference §4.9). */
const MAX_LIST_DEVICES_LIMIT = 60;
const DEVICE_KEY_PATTERN = /^[\w-]+_[0-9a-f-]+$/;
/** A 3072-bit verifier is 384 bytes; anything longer is not one. */
const MAX_VERIFIER_BYTES = 385;
const MAX_SALT_BYTES = 64;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

const notFound = (): CognitoError => new CognitoError("ResourceNotFoundException", DEVICE_NOT_FOUND);

function requireDeviceKey(deviceKey: string): void {
  requireLength("deviceKey", deviceKey, 1, 55);
  if (!DEVICE_KEY_PATTERN.test(deviceKey)) throw invalidParameter("deviceKey must look like <region>_<uuid>.");
}

function requireStatus(status: string): DeviceRememberedStatus {
  if (!(DEVICE_REMEMBERED_STATUSES as readonly string[]).includes(status))
    throw invalidParameter("deviceRememberedStatus must be remembered or not_remembered.");
  return status as DeviceRememberedStatus;
}

/** base64 → transport hex (lowercase, no leading zeros), within a byte bound. */
function base64ToHex(field: string, value: string, maxBytes: number): string {
  if (!BASE64.test(value) || value.length > Math.ceil(maxBytes / 3) * 4)
    throw invalidParameter(`${field} must be base64 of at most ${maxBytes} bytes.`);
  const hex = Buffer.from(value, "base64")
    .toString("hex")
    .replace(/^0+(?=.)/, "");
  if (/^0*$/.test(hex)) throw invalidParameter(`${field} must not be zero.`);
  return hex;
}

function readLimit(limit: number | null | undefined): number {
  requireIntegerInRange("limit", limit ?? 0, 0, MAX_LIST_DEVICES_LIMIT);
  return limit ? limit : MAX_LIST_DEVICES_LIMIT;
}

function readToken(token: string | null | undefined, userId: string): string | undefined {
  if (token === undefined || token === null) return undefined;
  const decoded = decodeCursor(token);
  // The token names the user it was issued for: it cannot page through another user's devices.
  if (!decoded || typeof decoded.after !== "string" || decoded.user !== userId)
    throw invalidParameter("paginationToken is not a token returned by listDevices for this user.");
  return decoded.after;
}

/** The user's own device, confirmed unless `pendingToo`; anything else (other user, unknown) is "does not exist". */
async function loadOwnDevice(
  repositories: Repositories,
  pool: UserPool,
  user: User,
  deviceKey: string,
  options: { pendingToo?: boolean } = {},
): Promise<Device> {
  requireDeviceKey(deviceKey);
  const device = await repositories.devices.findByKey(deviceKey);
  if (!device || device.poolId !== pool.id || device.userId !== user.id) throw notFound();
  if (!options.pendingToo && !isConfirmed(device)) throw notFound();
  return device;
}

/** The user's confirmed device of that key, or null (unknown, pending, another pool's or user's): sign-in and refresh ask this. */
export async function findConfirmedDevice(
  repositories: Repositories,
  owner: { poolId: string; userId: string },
  deviceKey: string,
): Promise<(Device & { srpSalt: string; srpVerifier: string }) | null> {
  if (deviceKey.length > 64) return null;
  const device = await repositories.devices.findByKey(deviceKey);
  return device && device.poolId === owner.poolId && device.userId === owner.userId && isConfirmed(device)
    ? device
    : null;
}

/** Remembered devices (Cognito device tracking): confirm, list, read, change status, forget; self-service and admin forms. */
export function createDeviceService({ db, clock, srp }: DeviceServiceDeps) {
  const userActor = (principal: AccessTokenPrincipal) => `user:${principal.userId}`;

  async function listOf(
    repositories: Repositories,
    user: User,
    request: { limit?: number | null; paginationToken?: string | null },
  ): Promise<DevicePage> {
    const limit = readLimit(request.limit);
    const afterId = readToken(request.paginationToken, user.id);
    const rows = await repositories.devices.listConfirmedOfUser(user.id, { afterId, limit: limit + 1 });
    const devices = rows.slice(0, limit);
    return {
      devices,
      paginationToken:
        rows.length > limit ? encodeCursor({ after: devices[devices.length - 1]!.deviceKey, user: user.id }) : null,
    };
  }

  async function changeStatus(
    repositories: Repositories,
    pool: UserPool,
    user: User,
    deviceKey: string,
    status: DeviceRememberedStatus,
    actor: string,
  ): Promise<void> {
    const device = await loadOwnDevice(repositories, pool, user, deviceKey);
    if (device.rememberedStatus === status) return;
    const now = clock.now();
    await repositories.devices.updateStatus(deviceKey, status, now);
    await repositories.events.append(
      { type: "DEVICE_REMEMBERED", poolId: pool.id, actor, detail: { userSub: user.id, deviceKey, status } },
      now,
    );
  }

  async function forget(
    repositories: Repositories,
    pool: UserPool,
    user: User,
    deviceKey: string,
    actor: string,
  ): Promise<void> {
    await loadOwnDevice(repositories, pool, user, deviceKey, { pendingToo: true });
    const now = clock.now();
    await repositories.devices.delete(deviceKey);
    // Forgetting a device signs it out, as in Cognito: a lost phone's refresh token must not keep minting
    // tokens once the user dropped it. Its sign-ins' families are revoked, so their access tokens go too.
    await repositories.refreshTokens.revokeAllOfDevice(user.id, deviceKey, now);
    await repositories.events.append(
      { type: "DEVICE_FORGOTTEN", poolId: pool.id, actor, detail: { userSub: user.id, deviceKey } },
      now,
    );
  }

  return {
    /**
     * ConfirmDevice: stores the device's SRP salt and verifier (never a secret the device could be
     * impersonated with: the verifier only checks proofs). Returns whether the user must still choose
     * to remember it (the pool's deviceOnlyRememberedOnUserPrompt).
     * @throws ResourceNotFoundException (not a device of this user), DeviceKeyExistsException (already confirmed),
     *         InvalidParameterException, NotAuthorizedException (token)
     */
    async confirmDevice(
      principal: AccessTokenPrincipal,
      input: { deviceKey: string; deviceSecretVerifierConfig: DeviceSecretVerifierConfig; deviceName?: string | null },
    ): Promise<{ userConfirmationNecessary: boolean }> {
      requireDeviceKey(input.deviceKey);
      if (input.deviceName !== undefined && input.deviceName !== null)
        requireLength("deviceName", input.deviceName, 1, 1024);
      const srpVerifier = base64ToHex(
        "passwordVerifier",
        input.deviceSecretVerifierConfig.passwordVerifier,
        MAX_VERIFIER_BYTES,
      );
      const srpSalt = base64ToHex("salt", input.deviceSecretVerifierConfig.salt, MAX_SALT_BYTES);
      // A verifier ≡ 0 (mod N) would make every device proof pass with a chosen A.
      if (!srp.isAcceptableA(srpVerifier)) throw invalidParameter("passwordVerifier is not a valid SRP verifier.");
      return db.transaction(async (repositories) => {
        const { pool, user } = await loadSelfContext(repositories, principal);
        const device = await loadOwnDevice(repositories, pool, user, input.deviceKey, { pendingToo: true });
        if (isConfirmed(device))
          throw new CognitoError("DeviceKeyExistsException", "Device has already been confirmed.");
        const userConfirmationNecessary = pool.deviceConfiguration?.deviceOnlyRememberedOnUserPrompt ?? false;
        const rememberedStatus: DeviceRememberedStatus = userConfirmationNecessary ? "not_remembered" : "remembered";
        const now = clock.now();
        if (
          !(await repositories.devices.confirm(device.deviceKey, {
            srpSalt,
            srpVerifier,
            name: input.deviceName ?? null,
            rememberedStatus,
            now,
          }))
        ) {
          throw new CognitoError("DeviceKeyExistsException", "Device has already been confirmed.");
        }
        await repositories.events.append(
          {
            type: "DEVICE_CONFIRMED",
            poolId: pool.id,
            actor: userActor(principal),
            detail: { userSub: user.id, deviceKey: device.deviceKey, status: rememberedStatus },
          },
          now,
        );
        return { userConfirmationNecessary };
      });
    },

    /** UpdateDeviceStatus. @throws ResourceNotFoundException, InvalidParameterException, NotAuthorizedException */
    async updateDeviceStatus(principal: AccessTokenPrincipal, deviceKey: string, status: string): Promise<void> {
      const checked = requireStatus(status);
      await db.transaction(async (repositories) => {
        const { pool, user } = await loadSelfContext(repositories, principal);
        await changeStatus(repositories, pool, user, deviceKey, checked, userActor(principal));
      });
    },

    /** GetDevice. @throws ResourceNotFoundException, NotAuthorizedException */
    async getDevice(principal: AccessTokenPrincipal, deviceKey: string): Promise<Device> {
      return db.read(async (repositories) => {
        const { pool, user } = await loadSelfContext(repositories, principal);
        return loadOwnDevice(repositories, pool, user, deviceKey);
      });
    },

    /** ListDevices: the user's confirmed devices. @throws InvalidParameterException, NotAuthorizedException */
    async listDevices(
      principal: AccessTokenPrincipal,
      request: { limit?: number | null; paginationToken?: string | null },
    ): Promise<DevicePage> {
      return db.read(async (repositories) =>
        listOf(repositories, (await loadSelfContext(repositories, principal)).user, request),
      );
    },

    /** ForgetDevice: the device no longer signs in (nor skips MFA) and its refresh tokens are revoked. @throws ResourceNotFoundException, NotAuthorizedException */
    async forgetDevice(principal: AccessTokenPrincipal, deviceKey: string): Promise<void> {
      await db.transaction(async (repositories) => {
        const { pool, user } = await loadSelfContext(repositories, principal);
        await forget(repositories, pool, user, deviceKey, userActor(principal));
      });
    },

    /** AdminGetDevice. @throws ResourceNotFoundException, UserNotFoundException, NotAuthorizedException */
    async adminGetDevice(admin: AdminPrincipal, ref: AdminUserRef, deviceKey: string): Promise<Device> {
      return db.read(async (repositories) => {
        const { pool, user } = await loadAdminUserContext(repositories, admin, ref);
        return loadOwnDevice(repositories, pool, user, deviceKey);
      });
    },

    /** AdminListDevices. @throws InvalidParameterException, ResourceNotFoundException, UserNotFoundException */
    async adminListDevices(
      admin: AdminPrincipal,
      ref: AdminUserRef,
      request: { limit?: number | null; paginationToken?: string | null },
    ): Promise<DevicePage> {
      return db.read(async (repositories) =>
        listOf(repositories, (await loadAdminUserContext(repositories, admin, ref)).user, request),
      );
    },

    /** AdminUpdateDeviceStatus. @throws ResourceNotFoundException, UserNotFoundException, InvalidParameterException */
    async adminUpdateDeviceStatus(
      admin: AdminPrincipal,
      ref: AdminUserRef,
      deviceKey: string,
      status: string,
    ): Promise<void> {
      const checked = requireStatus(status);
      await db.transaction(async (repositories) => {
        const { pool, user } = await loadAdminUserContext(repositories, admin, ref);
        await changeStatus(repositories, pool, user, deviceKey, checked, adminActorOf(admin));
      });
    },

    /** AdminForgetDevice: as ForgetDevice, on behalf of the user. @throws ResourceNotFoundException, UserNotFoundException */
    async adminForgetDevice(admin: AdminPrincipal, ref: AdminUserRef, deviceKey: string): Promise<void> {
      await db.transaction(async (repositories) => {
        const { pool, user } = await loadAdminUserContext(repositories, admin, ref);
        await forget(repositories, pool, user, deviceKey, adminActorOf(admin));
      });
    },
  };
}
