import { DateTimeISOResolver } from "graphql-scalars";
import { Field, ID, InputType, ObjectType, registerEnumType } from "type-graphql";
import {
  DEVICE_REMEMBERED_STATUSES,
  type Device as CoreDevice,
  type DeviceRememberedStatus,
} from "../../../core/devices/device.types.js";
import { Attribute } from "./sign-up.types.js";

export const DeviceRememberedStatusEnum = Object.fromEntries(
  DEVICE_REMEMBERED_STATUSES.map((status) => [status, status]),
) as { [K in DeviceRememberedStatus]: K };
registerEnumType(DeviceRememberedStatusEnum, {
  name: "DeviceRememberedStatus",
  description: "DeviceRememberedStatusType, spelled as Cognito spells it.",
});

@ObjectType({ description: "A user's device (DeviceType)." })
export class Device {
  @Field(() => ID, { description: "`<region>_<uuid>`." }) deviceKey!: string;
  @Field(() => [Attribute], {
    description:
      "device_status (valid), device_remembered_status, device_name (if given at confirmDevice), last_ip_used (if known).",
  })
  deviceAttributes!: Attribute[];
  @Field(() => DateTimeISOResolver) deviceCreateDate!: Date;
  @Field(() => DateTimeISOResolver) deviceLastModifiedDate!: Date;
  @Field(() => DateTimeISOResolver, {
    nullable: true,
    description: "The last sign-in in which the device proved itself (DEVICE_PASSWORD_VERIFIER).",
  })
  deviceLastAuthenticatedDate!: Date | null;
}

@ObjectType({ description: "One page of listDevices / adminListDevices." })
export class DevicePage {
  @Field(() => [Device], { description: "Confirmed devices, ordered by device key." }) devices!: Device[];
  @Field(() => String, { nullable: true, description: "Pass back for the next page; null on the last page." })
  paginationToken!: string | null;
}

@InputType({
  description: "DeviceSecretVerifierConfigType: what amazon-cognito-identity-js computes with generateHashDevice.",
})
export class DeviceSecretVerifierConfigInput {
  @Field({ description: "base64 of the device's SRP verifier bytes." }) passwordVerifier!: string;
  @Field({ description: "base64 of the device's SRP salt bytes." }) salt!: string;
}

@InputType()
export class ConfirmDeviceInput {
  @Field({ description: "NewDeviceMetadata.deviceKey from the sign-in." }) deviceKey!: string;
  @Field(() => DeviceSecretVerifierConfigInput) deviceSecretVerifierConfig!: DeviceSecretVerifierConfigInput;
  @Field(() => String, { nullable: true, description: "1–1024 characters, e.g. the user agent." }) deviceName?:
    string | null;
}

@ObjectType({ description: "ConfirmDeviceResponse." })
export class ConfirmDeviceResult {
  @Field({
    description: "True when the pool remembers devices only on the user's word: call updateDeviceStatus(remembered).",
  })
  userConfirmationNecessary!: boolean;
}

/** Core device → DeviceType; the SRP salt, verifier and group key never leave through this mapping. */
export function toGraphqlDevice(device: CoreDevice): Device {
  const attributes: Attribute[] = [
    { name: "device_status", value: "valid" },
    { name: "device_remembered_status", value: device.rememberedStatus },
    ...(device.name !== null ? [{ name: "device_name", value: device.name }] : []),
    ...(device.lastIpUsed !== null ? [{ name: "last_ip_used", value: device.lastIpUsed }] : []),
  ];
  return {
    deviceKey: device.deviceKey,
    deviceAttributes: attributes,
    deviceCreateDate: device.createdAt,
    deviceLastModifiedDate: device.updatedAt,
    deviceLastAuthenticatedDate: device.lastAuthenticatedAt,
  };
}
