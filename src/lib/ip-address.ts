import { isIP } from "node:net";

/** True for a textual IPv4 or IPv6 address (no ports, no brackets). */
export const isIpAddress = (text: string): boolean => isIP(text) !== 0;
