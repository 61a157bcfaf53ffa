import { invalidParameter } from "../errors.js";

/** Cognito's logo limit (reference-oauth §8.4). */
export const MAX_LOGO_BYTES = 100 * 1024;

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const JPEG_SIGNATURE = Buffer.from([0xff, 0xd8, 0xff]);
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

export interface CheckedLogo {
  base64: string;
  contentType: "image/png" | "image/jpeg";
}

/**
 * The logo of SetUICustomization: base64 of PNG or JPEG bytes, at most 100 KB. The type is read from
 * the bytes' signature, never from a name or a declared type, and the logo is served with that type and
 * `nosniff`, so no upload can be served as HTML or script.
 * @throws InvalidParameterException
 */
export function validateLogo(base64: string): CheckedLogo {
  // Decoded length from the text's length, before decoding anything large.
  if (base64.length > Math.ceil(MAX_LOGO_BYTES / 3) * 4)
    throw invalidParameter(`ImageFile must be at most ${MAX_LOGO_BYTES} bytes.`);
  if (!BASE64.test(base64)) throw invalidParameter("ImageFile must be base64-encoded.");
  const bytes = Buffer.from(base64, "base64");
  if (bytes.length === 0) throw invalidParameter("ImageFile is empty.");
  if (bytes.length > MAX_LOGO_BYTES) throw invalidParameter(`ImageFile must be at most ${MAX_LOGO_BYTES} bytes.`);
  if (bytes.subarray(0, PNG_SIGNATURE.length).equals(PNG_SIGNATURE))
    return { base64: bytes.toString("base64"), contentType: "image/png" };
  if (bytes.subarray(0, JPEG_SIGNATURE.length).equals(JPEG_SIGNATURE))
    return { base64: bytes.toString("base64"), contentType: "image/jpeg" };
  throw invalidParameter("ImageFile must be a PNG or JPEG image.");
}
