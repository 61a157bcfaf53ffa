/**
 * A streaming CSV reader: RFC 4180 (quoted fields, `""` inside quotes, CRLF, LF or CR line ends) plus
 * the one escape Cognito's user import documents for unquoted values, a backslash before a comma
 * (`Main St\, Apt 4`). Text is pushed in pieces of any size and whole records come out, so a file of
 * any length is read in memory bounded by `maxRecordChars`.
 */
export interface CsvRecord {
  fields: string[];
  /** The 1-based line the record starts on (a quoted field may span lines). */
  line: number;
}

export class CsvSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(`Line ${line}: ${message}`);
    this.name = "CsvSyntaxError";
  }
}

export interface CsvParser {
  /** Reads the next piece of text; returns the records it completed. */
  push(text: string): CsvRecord[];
  /** Ends the text; returns the last record if the text did not end with a line break. @throws CsvSyntaxError on an open quote */
  end(): CsvRecord[];
}

type State = "fieldStart" | "unquoted" | "quoted" | "quoteInQuoted";

const UNQUOTED_SPECIAL = /[,\r\n\\]/g;
const QUOTED_SPECIAL = /["\r\n]/g;

/** @param maxRecordChars a record longer than this is a CsvSyntaxError (a missing closing quote would otherwise swallow the file). */
export function createCsvParser(options: { maxRecordChars: number }): CsvParser {
  let state: State = "fieldStart";
  let field = "";
  let fields: string[] = [];
  let recordChars = 0;
  let line = 1;
  let recordLine = 1;
  /** A CR ended the previous piece: an LF that starts the next one belongs to it. */
  let pendingCr = false;
  /** A backslash ended the previous piece of an unquoted field. */
  let pendingBackslash = false;
  /** Inside quotes, the last character read was a CR (its LF, even in the next piece, is the same line break). */
  let quotedCrBefore = false;
  let out: CsvRecord[] = [];

  const grow = (count: number) => {
    recordChars += count;
    if (recordChars > options.maxRecordChars)
      throw new CsvSyntaxError(`the record is longer than ${options.maxRecordChars} characters`, recordLine);
  };
  const endField = () => {
    fields.push(field);
    field = "";
  };
  const endRecord = () => {
    endField();
    // A blank line (one empty field, nothing quoted) is no record: files often end with one.
    if (!(fields.length === 1 && fields[0] === "" && state === "fieldStart")) out.push({ fields, line: recordLine });
    fields = [];
    recordChars = 0;
  };
  const newLine = () => {
    line += 1;
  };

  function push(text: string): CsvRecord[] {
    out = [];
    let i = 0;
    if (pendingCr) {
      pendingCr = false;
      if (text.startsWith("\n")) i = 1;
    }
    if (pendingBackslash) {
      pendingBackslash = false;
      if (text.startsWith(",")) {
        field += ",";
        grow(1);
        i += 1;
      } else {
        field += "\\";
        grow(1);
      }
    }
    while (i < text.length) {
      if (state === "fieldStart" || state === "unquoted") {
        if (state === "fieldStart") {
          if (fields.length === 0 && field === "") recordLine = line;
          if (text[i] === '"') {
            state = "quoted";
            quotedCrBefore = false;
            grow(1);
            i += 1;
            continue;
          }
          state = "unquoted";
        }
        UNQUOTED_SPECIAL.lastIndex = i;
        const match = UNQUOTED_SPECIAL.exec(text);
        const stop = match ? match.index : text.length;
        if (stop > i) {
          grow(stop - i);
          field += text.slice(i, stop);
        }
        if (!match) break;
        const char = match[0];
        i = stop + 1;
        if (char === ",") {
          grow(1);
          endField();
          state = "fieldStart";
        } else if (char === "\\") {
          if (i >= text.length) {
            pendingBackslash = true;
            break;
          }
          grow(1);
          if (text[i] === ",") {
            field += ",";
            i += 1;
          } else field += "\\";
        } else {
          // \r or \n ends the record; \r\n counts once.
          state = field === "" && fields.length === 0 ? "fieldStart" : "unquoted";
          endRecord();
          state = "fieldStart";
          newLine();
          if (char === "\r") {
            if (i >= text.length) pendingCr = true;
            else if (text[i] === "\n") i += 1;
          }
        }
      } else if (state === "quoted") {
        QUOTED_SPECIAL.lastIndex = i;
        const match = QUOTED_SPECIAL.exec(text);
        const stop = match ? match.index : text.length;
        if (stop > i) {
          grow(stop - i);
          field += text.slice(i, stop);
          quotedCrBefore = false;
        }
        if (!match) break;
        i = stop + 1;
        grow(1);
        if (match[0] === '"') state = "quoteInQuoted";
        else {
          field += match[0];
          // A CR LF inside quotes is one line break of the value's text.
          if (match[0] === "\r" || !quotedCrBefore) newLine();
        }
        quotedCrBefore = match[0] === "\r";
      } else {
        const char = text[i]!;
        if (char === '"') {
          field += '"';
          grow(1);
          state = "quoted";
          i += 1;
        } else if (char === ",") {
          grow(1);
          endField();
          state = "fieldStart";
          i += 1;
        } else if (char === "\r" || char === "\n") {
          state = "unquoted";
          endRecord();
          state = "fieldStart";
          newLine();
          i += 1;
          if (char === "\r") {
            if (i >= text.length) pendingCr = true;
            else if (text[i] === "\n") i += 1;
          }
        } else {
          throw new CsvSyntaxError("a quoted value must be followed by a comma or the end of the line", recordLine);
        }
      }
    }
    return out;
  }

  return {
    push,
    end() {
      out = [];
      if (state === "quoted") throw new CsvSyntaxError("a quoted value is not closed", recordLine);
      if (pendingBackslash) {
        pendingBackslash = false;
        field += "\\";
      }
      if (state === "unquoted" || state === "quoteInQuoted" || fields.length > 0 || field !== "") {
        if (state === "fieldStart" && fields.length > 0) state = "unquoted";
        endRecord();
      }
      state = "fieldStart";
      return out;
    },
  };
}
