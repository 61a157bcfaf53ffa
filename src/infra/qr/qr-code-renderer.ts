import type * as QrCodeModule from "qrcode";
import type { QrCodeRenderer } from "../../core/ports.js";

/**
 * QR codes with the `qrcode` package. Error correction M (15 %) keeps a 100-character otpauth URI
 * small enough to scan from a phone held at a screen. The package is loaded at the first code: most
 * processes never draw one and should not carry it (#18's RSS goal).
 */
export function createQrCodeRenderer(): QrCodeRenderer {
  let qrcode: Promise<typeof QrCodeModule> | undefined;
  return {
    async toPngDataUrl(text) {
      const QRCode = await (qrcode ??= import("qrcode"));
      return QRCode.toDataURL(text, { type: "image/png", errorCorrectionLevel: "M", margin: 2, scale: 6 });
    },
  };
}
