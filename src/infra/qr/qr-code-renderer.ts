import QRCode from "qrcode";
import type { QrCodeRenderer } from "../../core/ports.js";

/**
 * QR codes with the `qrcode` package. Error correction M (15 %) keeps a 100-character otpauth URI
 * small enough to scan from a phone held at a screen.
 */
export function createQrCodeRenderer(): QrCodeRenderer {
  return {
    toPngDataUrl: (text) =>
      QRCode.toDataURL(text, { type: "image/png", errorCorrectionLevel: "M", margin: 2, scale: 6 }),
  };
}
