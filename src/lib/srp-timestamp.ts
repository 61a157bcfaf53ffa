/**
 * The TIMESTAMP of Cognito's PASSWORD_VERIFIER / DEVICE_PASSWORD_VERIFIER challenge responses
 * (cognito-reference §4.6): Java's `EEE MMM d HH:mm:ss z yyyy` in English with z = UTC, e.g.
 * `Tue Nov 3 09:05:07 UTC 2026`. Pure: no clock, no crypto.
 */
const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"] as const;
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"] as const;

const SRP_TIMESTAMP =
  /^(Sun|Mon|Tue|Wed|Thu|Fri|Sat) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) ([1-9]|[12][0-9]|3[01]) ([01][0-9]|2[0-3]):([0-5][0-9]):([0-5][0-9]) UTC ([0-9]{4})$/;

const twoDigits = (value: number): string => String(value).padStart(2, "0");

/** Formats like the SDKs' DateHelper: day of month without a leading zero, everything else fixed width. */
export function formatSrpTimestamp(date: Date): string {
  if (Number.isNaN(date.getTime())) throw new RangeError("formatSrpTimestamp: invalid date");
  return (
    `${WEEKDAYS[date.getUTCDay()]} ${MONTHS[date.getUTCMonth()]} ${date.getUTCDate()} ` +
    `${twoDigits(date.getUTCHours())}:${twoDigits(date.getUTCMinutes())}:${twoDigits(date.getUTCSeconds())} UTC ${date.getUTCFullYear()}`
  );
}

/**
 * Strict parse; null for anything an honest SDK would not have sent. Cognito refuses a zero-padded day
 * and a wrong weekday (§4.6), and the signature is an HMAC over the received string, so we accept
 * exactly one spelling per instant: the canonical re-formatting must reproduce the input byte for byte.
 */
export function parseSrpTimestamp(text: string): Date | null {
  if (typeof text !== "string") return null;
  const match = SRP_TIMESTAMP.exec(text);
  if (!match) return null;
  const [, weekday, monthName, day, hours, minutes, seconds, year] = match as unknown as [
    string,
    string,
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  const month = MONTHS.indexOf(monthName as (typeof MONTHS)[number]);
  // setUTCFullYear, not Date.UTC: Date.UTC maps years 0–99 to 1900–1999.
  const date = new Date(0);
  date.setUTCFullYear(Number(year), month, Number(day));
  date.setUTCHours(Number(hours), Number(minutes), Number(seconds), 0);
  if (Number.isNaN(date.getTime())) return null;
  // Feb 30 silently rolls over to Mar 1/2 in Date: refuse days that do not exist.
  if (date.getUTCMonth() !== month || date.getUTCDate() !== Number(day)) return null;
  if (WEEKDAYS[date.getUTCDay()] !== weekday) return null;
  return formatSrpTimestamp(date) === text ? date : null;
}
