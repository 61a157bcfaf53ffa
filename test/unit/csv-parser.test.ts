import { describe, expect, it } from "vitest";
import { createCsvParser, CsvSyntaxError, type CsvRecord } from "../../src/lib/csv-parser.js";

/** Parses `text` pushed in pieces of `pieceSize` characters (every split point is exercised by the loops below). */
function parse(text: string, pieceSize = text.length || 1, maxRecordChars = 16_000): CsvRecord[] {
  const parser = createCsvParser({ maxRecordChars });
  const records: CsvRecord[] = [];
  for (let i = 0; i < text.length; i += pieceSize) records.push(...parser.push(text.slice(i, i + pieceSize)));
  records.push(...parser.end());
  return records;
}

const fieldsOf = (text: string, pieceSize?: number) => parse(text, pieceSize).map((record) => record.fields);

describe("CSV parser (RFC 4180 + Cognito's backslash-comma)", () => {
  const cases: [string, string, string[][]][] = [
    [
      "plain fields",
      "a,b,c\n1,2,3\n",
      [
        ["a", "b", "c"],
        ["1", "2", "3"],
      ],
    ],
    [
      "no final line break",
      "a,b\n1,2",
      [
        ["a", "b"],
        ["1", "2"],
      ],
    ],
    [
      "CRLF and lone CR",
      "a,b\r\n1,2\r3,4\r\n",
      [
        ["a", "b"],
        ["1", "2"],
        ["3", "4"],
      ],
    ],
    ["empty fields", ",a,,\n", [["", "a", "", ""]]],
    ["quoted comma, quote and line breaks", 'a,"x, ""y""\r\nz"\n', [["a", 'x, "y"\r\nz']]],
    ["empty quoted field", '"",b\n', [["", "b"]]],
    ["backslash before a comma (Cognito)", "a\\,b,c\n", [["a,b", "c"]]],
    ["other backslashes are literal", "a\\b,c\\\n", [["a\\b", "c\\"]]],
    ["backslash inside quotes is literal", '"a\\",b\n', [["a\\", "b"]]],
    ["a quote inside an unquoted value is literal", 'O"Brien,x\n', [['O"Brien', "x"]]],
    ["blank lines are skipped", "a\n\n\r\nb\n\n", [["a"], ["b"]]],
    ["trailing comma at the end of the text", "a,", [["a", ""]]],
    ["non-ASCII", "ü,日本\n", [["ü", "日本"]]],
  ];
  for (const [name, text, expected] of cases) {
    it(`${name}, in pieces of every size`, () => {
      for (let size = 1; size <= text.length; size++)
        expect(fieldsOf(text, size), `piece size ${size}`).toEqual(expected);
    });
  }

  it("reports the line a record starts on, counting line breaks inside quotes once", () => {
    const text = 'h\n"a\r\nb"\nc\r\n\r\n"x\ry"\nz\n';
    for (let size = 1; size <= text.length; size++) {
      expect(
        parse(text, size).map((record) => record.line),
        `piece size ${size}`,
      ).toEqual([1, 2, 4, 6, 8]);
    }
  });

  it("refuses an unclosed quote and text after a closing quote", () => {
    expect(() => parse('a,"b\n')).toThrow(CsvSyntaxError);
    expect(() => parse('a,"b"c\n')).toThrow(/followed by a comma/);
  });

  it("refuses a record longer than the limit, so an open quote cannot swallow the file", () => {
    expect(parse("abcd\n", 2, 5)).toHaveLength(1);
    expect(() => parse("abcdefgh\n", 3, 5)).toThrow(/longer than 5/);
    expect(() => parse(`"${"x".repeat(100)}`, 7, 50)).toThrow(CsvSyntaxError);
  });
});
