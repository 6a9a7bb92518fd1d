import { describe, expect, it } from 'vitest';
import { toCsv } from './csv';

describe('toCsv: RFC 4180, and no formula runs in a spreadsheet', () => {
  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['cr\rlf', '"cr\rlf"'],
    ["=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"],
    ['+1+1', "'+1+1"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1', "'\t=1"],
    ['=HYPERLINK("http://x","y"),z', '"\'=HYPERLINK(""http://x"",""y""),z"'],
  ])('%j → %j', (value, cell) => {
    expect(toCsv(['v'], [{ v: value }])).toBe(`v\r\n${cell}\r\n`);
  });

  it('writes numbers as numbers (a negative number is not a formula), and empty cells for nothing', () => {
    expect(toCsv(['a', 'b', 'c', 'd'], [{ a: -3, b: 0.25, c: null, d: Number.NaN }])).toBe(
      'a,b,c,d\r\n-3,0.25,,\r\n',
    );
  });

  it('keeps the columns in the order given', () => {
    expect(toCsv(['b', 'a'], [{ a: 1, b: 2 }])).toBe('b,a\r\n2,1\r\n');
  });
});
