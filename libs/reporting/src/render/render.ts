import type { ReportDocument } from '../reports/report-document';
import type * as Pdf from './pdf-report';
import type * as Xlsx from './xlsx-report';

// pdfkit and exceljs cost about 50 MB of memory between them once loaded: a process loads them when
// it first renders a report, not when it starts (most API processes never render one).

/** The report as a Thai PDF (Sarabun embedded). */
export async function renderPdf(report: ReportDocument, builtAt: Date): Promise<Buffer> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use, see above
  const { renderPdf: render } = require('./pdf-report') as typeof Pdf;
  return render(report, builtAt);
}

/** The report as an Excel workbook (B.E. dates, baht). */
export async function renderXlsx(report: ReportDocument, builtAt: Date): Promise<Buffer> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use, see above
  const { renderXlsx: render } = require('./xlsx-report') as typeof Xlsx;
  return render(report, builtAt);
}
