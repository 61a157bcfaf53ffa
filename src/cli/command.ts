import type { ParseArgsConfig } from "node:util";
import type { Output } from "./io.js";

export type OptionSpec = NonNullable<ParseArgsConfig["options"]>;

export interface ParsedArgs {
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
}

/** One CLI command: its words ("admin-key create"), its help, its options and what it does. */
export interface Command {
  name: string;
  summary: string;
  /** The usage line after "identity-gateway <name>", e.g. "<file> [--force]". */
  usage: string;
  /** Help beyond the summary: what it reads and writes, and what to keep in mind. */
  details: string;
  options: OptionSpec;
  /** Lines describing each option for --help, in the order shown. */
  optionHelp: [string, string][];
  positionals: { min: number; max: number; names: string };
  /** Resolves to the exit code (0 when nothing else is returned). */
  run(args: ParsedArgs, output: Output): Promise<number | void>;
}

/** A string option's value, or undefined. */
export const stringOption = (args: ParsedArgs, name: string): string | undefined => {
  const value = args.values[name];
  return typeof value === "string" ? value : undefined;
};
