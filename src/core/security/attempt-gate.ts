import type { AttemptGate } from "../ports.js";

/** The lock a gate sets on reaching `count`; the table's last entry stands for every higher count. */
export function lockSecondsAt(gate: AttemptGate, count: number): number {
  const table = gate.lockSecondsByCount;
  if (!table || table.length === 0) return 0;
  return table[Math.min(count, table.length - 1)] ?? 0;
}
