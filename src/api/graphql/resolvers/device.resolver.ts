import { Arg, Authorized, Ctx, ID, Int, Mutation, Query, Resolver } from "type-graphql";
import type { AdminPrincipal } from "../../../core/admin-keys/admin-key.types.js";
import type { DeviceRememberedStatus } from "../../../core/devices/device.types.js";
import type { AccessTokenPrincipal } from "../../../core/tokens/access-token.service.js";
import { CurrentAdmin, CurrentUser, USER_ROLE, type GraphqlContext } from "../context.js";
import {
  ConfirmDeviceInput,
  ConfirmDeviceResult,
  Device,
  DevicePage,
  DeviceRememberedStatusEnum,
  toGraphqlDevice,
} from "../types/device.types.js";

const toPage = (page: {
  devices: Parameters<typeof toGraphqlDevice>[0][];
  paginationToken: string | null;
}): DevicePage => ({ devices: page.devices.map(toGraphqlDevice), paginationToken: page.paginationToken });

/** Remembered devices (Cognito device tracking): the signed-in user's forms, then the admin forms. */
@Resolver()
export class DeviceResolver {
  @Authorized(USER_ROLE)
  @Mutation(() => ConfirmDeviceResult, {
    description:
      "Stores a new device's SRP verifier and salt after a sign-in that returned NewDeviceMetadata (ConfirmDevice).",
  })
  async confirmDevice(
    @CurrentUser() user: AccessTokenPrincipal,
    @Arg("input", () => ConfirmDeviceInput) input: ConfirmDeviceInput,
    @Ctx() ctx: GraphqlContext,
  ): Promise<ConfirmDeviceResult> {
    return ctx.services.devices.confirmDevice(user, input);
  }

  @Authorized(USER_ROLE)
  @Mutation(() => Boolean, {
    description: "Remembers or stops remembering one of the signed-in user's devices (UpdateDeviceStatus).",
  })
  async updateDeviceStatus(
    @CurrentUser() user: AccessTokenPrincipal,
    @Arg("deviceKey", () => String) deviceKey: string,
    @Arg("deviceRememberedStatus", () => DeviceRememberedStatusEnum) status: DeviceRememberedStatus,
    @Ctx() ctx: GraphqlContext,
  ): Promise<boolean> {
    await ctx.services.devices.updateDeviceStatus(user, deviceKey, status);
    return true;
  }

  @Authorized(USER_ROLE)
  @Query(() => Device, { description: "One of the signed-in user's devices (GetDevice)." })
  async getDevice(
    @CurrentUser() user: AccessTokenPrincipal,
    @Arg("deviceKey", () => String) deviceKey: string,
    @Ctx() ctx: GraphqlContext,
  ): Promise<Device> {
    return toGraphqlDevice(await ctx.services.devices.getDevice(user, deviceKey));
  }

  @Authorized(USER_ROLE)
  @Query(() => DevicePage, {
    description: "The signed-in user's devices (ListDevices). Limit 0–60 (0 or absent = 60).",
  })
  async listDevices(
    @CurrentUser() user: AccessTokenPrincipal,
    @Ctx() ctx: GraphqlContext,
    @Arg("limit", () => Int, { nullable: true }) limit?: number | null,
    @Arg("paginationToken", () => String, { nullable: true }) paginationToken?: string | null,
  ): Promise<DevicePage> {
    return toPage(await ctx.services.devices.listDevices(user, { limit, paginationToken }));
  }

  @Authorized(USER_ROLE)
  @Mutation(() => Boolean, {
    description: "Forgets one of the signed-in user's devices: it no longer signs in nor skips MFA (ForgetDevice).",
  })
  async forgetDevice(
    @CurrentUser() user: AccessTokenPrincipal,
    @Arg("deviceKey", () => String) deviceKey: string,
    @Ctx() ctx: GraphqlContext,
  ): Promise<boolean> {
    await ctx.services.devices.forgetDevice(user, deviceKey);
    return true;
  }

  @Authorized()
  @Query(() => Device, { description: "One device of a user (AdminGetDevice)." })
  async adminGetDevice(
    @CurrentAdmin() admin: AdminPrincipal,
    @Arg("userPoolId", () => ID) userPoolId: string,
    @Arg("username", () => String) username: string,
    @Arg("deviceKey", () => String) deviceKey: string,
    @Ctx() ctx: GraphqlContext,
  ): Promise<Device> {
    return toGraphqlDevice(await ctx.services.devices.adminGetDevice(admin, { userPoolId, username }, deviceKey));
  }

  @Authorized()
  @Query(() => DevicePage, { description: "A user's devices (AdminListDevices). Limit 0–60 (0 or absent = 60)." })
  async adminListDevices(
    @CurrentAdmin() admin: AdminPrincipal,
    @Arg("userPoolId", () => ID) userPoolId: string,
    @Arg("username", () => String) username: string,
    @Ctx() ctx: GraphqlContext,
    @Arg("limit", () => Int, { nullable: true }) limit?: number | null,
    @Arg("paginationToken", () => String, { nullable: true }) paginationToken?: string | null,
  ): Promise<DevicePage> {
    return toPage(
      await ctx.services.devices.adminListDevices(admin, { userPoolId, username }, { limit, paginationToken }),
    );
  }

  @Authorized()
  @Mutation(() => Boolean, { description: "Remembers or stops remembering a user's device (AdminUpdateDeviceStatus)." })
  async adminUpdateDeviceStatus(
    @CurrentAdmin() admin: AdminPrincipal,
    @Arg("userPoolId", () => ID) userPoolId: string,
    @Arg("username", () => String) username: string,
    @Arg("deviceKey", () => String) deviceKey: string,
    @Arg("deviceRememberedStatus", () => DeviceRememberedStatusEnum) status: DeviceRememberedStatus,
    @Ctx() ctx: GraphqlContext,
  ): Promise<boolean> {
    await ctx.services.devices.adminUpdateDeviceStatus(admin, { userPoolId, username }, deviceKey, status);
    return true;
  }

  @Authorized()
  @Mutation(() => Boolean, { description: "Forgets a user's device (AdminForgetDevice)." })
  async adminForgetDevice(
    @CurrentAdmin() admin: AdminPrincipal,
    @Arg("userPoolId", () => ID) userPoolId: string,
    @Arg("username", () => String) username: string,
    @Arg("deviceKey", () => String) deviceKey: string,
    @Ctx() ctx: GraphqlContext,
  ): Promise<boolean> {
    await ctx.services.devices.adminForgetDevice(admin, { userPoolId, username }, deviceKey);
    return true;
  }
}
