/**
 * Branding of the managed sign-in pages (SetUICustomization, reference-oauth §8.4): for one app client,
 * or for the whole pool with clientId "ALL". A client's own customization wins over the pool's.
 */
export interface UiCustomization {
  poolId: string;
  /** An app client id, or "ALL" for the pool's default. */
  clientId: string;
  /** Only Cognito's customizable classes; checked on the way in, never echoed unchecked into a page. */
  css: string | null;
  /** The logo: PNG or JPEG bytes (≤ 100 KB), base64; null = none. */
  imageBase64: string | null;
  imageContentType: "image/png" | "image/jpeg" | null;
  /** Changes with every SetUICustomization (Cognito's CSSVersion). */
  cssVersion: string;
  createdAt: Date;
  updatedAt: Date;
}

export const ALL_CLIENTS = "ALL";
