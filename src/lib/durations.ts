export type TimeUnit = "seconds" | "minutes" | "hours" | "days";

const SECONDS_PER_UNIT: Record<TimeUnit, number> = { seconds: 1, minutes: 60, hours: 3600, days: 86400 };

export const toSeconds = (value: number, unit: TimeUnit): number => value * SECONDS_PER_UNIT[unit];
export const SECONDS_PER_DAY = SECONDS_PER_UNIT.days;
