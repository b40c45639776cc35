import { describe, expect, it } from 'vitest';
import { blank, csvField, neutralise, number, renderCsv, text } from '../../../src/cli/render/csv.ts';
import { readCsv } from '../helpers.ts';

describe('CSV cells', () => {
  it('prefixes text that a spreadsheet would run as a formula with an apostrophe', () => {
    for (const danger of ['=1+2', '+1', '-1', '@SUM(A1)', '\tx', '\rx', '=HYPERLINK("http://x")']) {
      expect(neutralise(danger)).toBe(`'${danger}`);
    }
    expect(neutralise('Thuê bao')).toBe('Thuê bao');
    expect(neutralise("'quoted")).toBe("'quoted");
  });

  it('writes real numbers, negative ones too, as numbers: no apostrophe, no -0', () => {
    expect(csvField(number(-0.155))).toBe('-0.155');
    expect(csvField(number(4900))).toBe('4900');
    expect(csvField(number(81.5))).toBe('81.5');
    expect(csvField(number(-0))).toBe('0');
    expect(csvField(number(NaN))).toBe('');
    expect(csvField(blank)).toBe('');
  });

  it('quotes fields holding a comma, a quote or a line break, doubling the quotes', () => {
    expect(csvField(text('a,b'))).toBe('"a,b"');
    expect(csvField(text('say "hi"'))).toBe('"say ""hi"""');
    expect(csvField(text('two\nlines'))).toBe('"two\nlines"');
    expect(csvField(text('=1,2'))).toBe(`"'=1,2"`);
    expect(csvField(text('\r\n'))).toBe(`"'\r\n"`);
  });
});

describe('renderCsv', () => {
  it('ends every line with CRLF and reads back field for field', () => {
    const document = renderCsv(['id', 'note', 'value'], [
      [text('a'), text('x, "y"\nz'), number(-1.5)],
      [text('-b'), blank, number(2)],
    ]);
    expect(document.endsWith('\r\n')).toBe(true);
    expect(readCsv(document)).toEqual([
      ['id', 'note', 'value'],
      ['a', 'x, "y"\nz', '-1.5'],
      ["'-b", '', '2'],
    ]);
  });
});
