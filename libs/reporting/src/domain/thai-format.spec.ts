import { fiscalQuarterOf, fiscalQuarterRange, formatBaht, formatThaiDate, formatThaiDateTime } from './thai-format';

describe('money and dates as a Thai office prints them', () => {
  it('prints satang as baht with satang, grouped, never through a float', () => {
    expect(formatBaht(15_000_000)).toBe('฿150,000.00');
    expect(formatBaht(123_456_789_01)).toBe('฿123,456,789.01');
    expect(formatBaht(5)).toBe('฿0.05');
    expect(formatBaht(-250)).toBe('-฿2.50');
  });

  it('prints dates in the Buddhist era, and instants in Bangkok time', () => {
    expect(formatThaiDate('2019-03-15')).toBe('15 มีนาคม 2562');
    expect(formatThaiDate('2018-10-01', 'short')).toBe('1 ต.ค. 2561');
    expect(formatThaiDateTime('2019-09-30T17:30:00Z')).toBe('1 ต.ค. 2562 00:30 น.');
  });

  it('counts October to December as the first quarter of the next fiscal year', () => {
    expect(fiscalQuarterOf('2018-10-01')).toEqual({ fiscalYear: 2562, quarter: 1 });
    expect(fiscalQuarterOf('2018-12-31')).toEqual({ fiscalYear: 2562, quarter: 1 });
    expect(fiscalQuarterOf('2019-01-01')).toEqual({ fiscalYear: 2562, quarter: 2 });
    expect(fiscalQuarterOf('2019-09-30')).toEqual({ fiscalYear: 2562, quarter: 4 });
    expect(fiscalQuarterRange(2562, 1)).toEqual({ start: '2018-10-01', end: '2018-12-31' });
    expect(fiscalQuarterRange(2562, 2)).toEqual({ start: '2019-01-01', end: '2019-03-31' });
    expect(fiscalQuarterRange(2562, 3)).toEqual({ start: '2019-04-01', end: '2019-06-30' });
    expect(fiscalQuarterRange(2564, 2)).toEqual({ start: '2021-01-01', end: '2021-03-31' });
    expect(fiscalQuarterRange(2563, 4)).toEqual({ start: '2020-07-01', end: '2020-09-30' });
  });
});
