import ExcelJS from 'exceljs';
import { satangToBaht } from '../domain/thai-format';
import { isBaht, isDate, isPercent, type CellValue, type ReportDocument } from '../reports/report-document';
import { BAHT_FORMAT, BE_DATE_FORMAT } from './xlsx-formats';

/** Baht with satang, and dates in the Buddhist era (Excel's "bbbb" year), as Thai offices read them. */
const PERCENT_FORMAT = '0.0%';

function cellOf(value: CellValue): { value: ExcelJS.CellValue; numFmt?: string } {
  if (value === null) return { value: null };
  if (typeof value === 'string' || typeof value === 'number') return { value };
  if (isBaht(value)) return { value: satangToBaht(value.baht), numFmt: BAHT_FORMAT };
  if (isDate(value)) return { value: new Date(`${value.date.slice(0, 10)}T00:00:00Z`), numFmt: BE_DATE_FORMAT };
  if (isPercent(value)) return { value: value.percent, numFmt: PERCENT_FORMAT };
  return { value: null };
}

/**
 * One sheet per named table of the report, a header row in Thai with English beneath, and a first
 * sheet saying what the workbook is and the log position it was built from.
 */
export async function renderXlsx(report: ReportDocument, builtAt: Date): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Ruamjai';
  book.created = builtAt;
  book.modified = builtAt;
  const about = book.addWorksheet('รายงาน');
  about.columns = [{ width: 28 }, { width: 90 }];
  const p = report.provenance;
  about.addRows([
    ['รายงาน / Report', report.titleTh],
    ['', report.titleEn],
    ['ตำแหน่งบันทึกเหตุการณ์ / Log position', p.position],
    ['เหตุการณ์ล่าสุด / Latest event', p.latestEventAt ?? ''],
    ['ทำซ้ำด้วย / Reproduce with', p.reproduceAsOf ? `?asOf=${p.reproduceAsOf}` : ''],
  ]);
  about.getColumn(1).font = { bold: true };
  const used = new Set<string>();
  for (const block of report.blocks) {
    if (block.kind !== 'table' || !block.sheet) continue;
    let name = block.sheet.replace(/[\\/?*[\]:]/g, ' ').slice(0, 31);
    for (let n = 2; used.has(name); n += 1) name = `${block.sheet.slice(0, 28)} ${n}`;
    used.add(name);
    const sheet = book.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 2 }] });
    sheet.columns = block.columns.map((c) => ({ width: Math.max(12, Math.round(c.width * 14)) }));
    const th = sheet.addRow(block.columns.map((c) => c.th));
    const en = sheet.addRow(block.columns.map((c) => c.en));
    th.font = { bold: true };
    en.font = { italic: true, color: { argb: 'FF666666' } };
    const add = (values: readonly CellValue[], bold = false) => {
      const row = sheet.addRow(values.map((v) => cellOf(v).value));
      values.forEach((v, i) => {
        const fmt = cellOf(v).numFmt;
        if (fmt) row.getCell(i + 1).numFmt = fmt;
      });
      if (bold) row.font = { bold: true };
    };
    for (const r of block.rows) add(r);
    if (block.totals) add(block.totals, true);
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}
