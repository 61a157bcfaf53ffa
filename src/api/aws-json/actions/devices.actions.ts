import type { Device } from "../../../core/devices/device.types.js";
import type { AccessTokenPrincipal } from "../../../core/tokens/access-token.service.js";
import { action, adminOf, EMPTY, type ActionTable, type WireContext } from "../action.js";
import { required, str, struct } from "../constraints.js";
import { accessToken, deviceKey, limit60, paginationToken, token, userPoolId, username } from "../members.js";
import { compact, epochSeconds } from "../shapes.js";

/** DeviceType; the attribute names are the ones Cognito returns (`dev:device_remembered_status`). */
export const toDeviceType = (device: Device) =>
  compact({
    DeviceKey: device.deviceKey,
    DeviceAttributes: [
      { Name: "device_status", Value: "valid" },
      ...(device.name !== null ? [{ Name: "device_name", Value: device.name }] : []),
      ...(device.lastIpUsed !== null ? [{ Name: "last_ip_used", Value: device.lastIpUsed }] : []),
      { Name: "dev:device_remembered_status", Value: device.rememberedStatus },
    ],
    DeviceCreateDate: epochSeconds(device.createdAt),
    DeviceLastModifiedDate: epochSeconds(device.updatedAt),
    DeviceLastAuthenticatedDate: device.lastAuthenticatedAt ? epochSeconds(device.lastAuthenticatedAt) : null,
  });

const toDevicePage = (page: { devices: Device[]; paginationToken: string | null }) =>
  compact({ Devices: page.devices.map(toDeviceType), PaginationToken: page.paginationToken });

type DeviceRequest = { DeviceKey: string };
type UserRef = { UserPoolId: string; Username: string };
const rememberedStatus = str({ values: ["remembered", "not_remembered"] });
const user = (ctx: WireContext, accessTokenValue: string | undefined): Promise<AccessTokenPrincipal> =>
  ctx.services.accessTokens.authenticate(accessTokenValue ?? null);
const ref = (input: UserRef) => ({ userPoolId: input.UserPoolId, username: input.Username });

/** Remembered devices: the access-token forms (token in the body) and the Admin* forms (SigV4). */
export const deviceActions: ActionTable = {
  ConfirmDevice: action<
    DeviceRequest & {
      AccessToken: string;
      DeviceSecretVerifierConfig: { PasswordVerifier?: string; Salt?: string };
      DeviceName?: string;
    }
  >({
    auth: "public",
    members: {
      AccessToken: accessToken,
      DeviceKey: required(deviceKey),
      // Optional in Cognito's model; every client sends it, and a device without a verifier could never sign in.
      DeviceSecretVerifierConfig: required(struct({ PasswordVerifier: required(str()), Salt: required(str()) })),
      DeviceName: str({ min: 1, max: 1024 }),
    },
    async handle(input, ctx) {
      const result = await ctx.services.devices.confirmDevice(await user(ctx, input.AccessToken), {
        deviceKey: input.DeviceKey,
        deviceSecretVerifierConfig: {
          passwordVerifier: input.DeviceSecretVerifierConfig.PasswordVerifier ?? "",
          salt: input.DeviceSecretVerifierConfig.Salt ?? "",
        },
        deviceName: input.DeviceName,
      });
      return { UserConfirmationNecessary: result.userConfirmationNecessary };
    },
  }),
  UpdateDeviceStatus: action<DeviceRequest & { AccessToken: string; DeviceRememberedStatus?: string }>({
    auth: "public",
    members: { AccessToken: accessToken, DeviceKey: required(deviceKey), DeviceRememberedStatus: rememberedStatus },
    async handle(input, ctx) {
      await ctx.services.devices.updateDeviceStatus(
        await user(ctx, input.AccessToken),
        input.DeviceKey,
        input.DeviceRememberedStatus ?? "not_remembered",
      );
      return EMPTY;
    },
  }),
  GetDevice: action<DeviceRequest & { AccessToken?: string }>({
    auth: "public",
    members: { AccessToken: token, DeviceKey: required(deviceKey) },
    async handle(input, ctx) {
      return {
        Device: toDeviceType(await ctx.services.devices.getDevice(await user(ctx, input.AccessToken), input.DeviceKey)),
      };
    },
  }),
  ListDevices: action<{ AccessToken: string; Limit?: number; PaginationToken?: string }>({
    auth: "public",
    members: { AccessToken: accessToken, Limit: limit60, PaginationToken: paginationToken },
    async handle(input, ctx) {
      return toDevicePage(
        await ctx.services.devices.listDevices(await user(ctx, input.AccessToken), {
          limit: input.Limit,
          paginationToken: input.PaginationToken,
        }),
      );
    },
  }),
  ForgetDevice: action<DeviceRequest & { AccessToken?: string }>({
    auth: "public",
    members: { AccessToken: token, DeviceKey: required(deviceKey) },
    async handle(input, ctx) {
      await ctx.services.devices.forgetDevice(await user(ctx, input.AccessToken), input.DeviceKey);
      return EMPTY;
    },
  }),

  AdminGetDevice: action<UserRef & DeviceRequest>({
    auth: "admin",
    members: { UserPoolId: userPoolId, Username: username, DeviceKey: required(deviceKey) },
    async handle(input, ctx) {
      return {
        Device: toDeviceType(await ctx.services.devices.adminGetDevice(adminOf(ctx), ref(input), input.DeviceKey)),
      };
    },
  }),
  AdminListDevices: action<UserRef & { Limit?: number; PaginationToken?: string }>({
    auth: "admin",
    members: { UserPoolId: userPoolId, Username: username, Limit: limit60, PaginationToken: paginationToken },
    async handle(input, ctx) {
      return toDevicePage(
        await ctx.services.devices.adminListDevices(adminOf(ctx), ref(input), {
          limit: input.Limit,
          paginationToken: input.PaginationToken,
        }),
      );
    },
  }),
  AdminUpdateDeviceStatus: action<UserRef & DeviceRequest & { DeviceRememberedStatus?: string }>({
    auth: "admin",
    members: {
      UserPoolId: userPoolId,
      Username: username,
      DeviceKey: required(deviceKey),
      DeviceRememberedStatus: rememberedStatus,
    },
    async handle(input, ctx) {
      await ctx.services.devices.adminUpdateDeviceStatus(
        adminOf(ctx),
        ref(input),
        input.DeviceKey,
        input.DeviceRememberedStatus ?? "not_remembered",
      );
      return EMPTY;
    },
  }),
  AdminForgetDevice: action<UserRef & DeviceRequest>({
    auth: "admin",
    members: { UserPoolId: userPoolId, Username: username, DeviceKey: required(deviceKey) },
    async handle(input, ctx) {
      await ctx.services.devices.adminForgetDevice(adminOf(ctx), ref(input), input.DeviceKey);
      return EMPTY;
    },
  }),
};
