import PDFDocument from 'pdfkit';
import type { Block, Column, ReportDocument } from '../reports/report-document';
import { cellText } from './cell-text';
import { sarabun } from './fonts';
import { breakLines, forDrawing } from './thai-text';

const PAGE = { width: 595.28, height: 841.89, margin: 50 };
const BODY = 13;
const TABLE = 10.5;
const LEADING = 1.45;

interface Style {
  readonly size: number;
  readonly bold?: boolean;
  readonly align?: 'left' | 'right' | 'center';
}

/** Lays out a report on A4 pages in Sarabun: Thai broken between words, page numbers and provenance in the footer. */
class Layout {
  readonly doc: PDFKit.PDFDocument;
  private y = PAGE.margin;
  private readonly widths = new Map<string, number>();
  private readonly contentWidth = PAGE.width - 2 * PAGE.margin;
  private readonly bottom = PAGE.height - PAGE.margin - 24;

  constructor(
    private readonly report: ReportDocument,
    builtAt: Date,
  ) {
    const fonts = sarabun();
    this.doc = new PDFDocument({
      size: 'A4',
      margin: PAGE.margin,
      bufferPages: true,
      autoFirstPage: true,
      info: {
        Title: report.titleTh,
        Subject: report.titleEn,
        Creator: 'Ruamjai',
        CreationDate: builtAt,
        ModDate: builtAt,
      },
      lang: 'th-TH',
    });
    this.doc.registerFont('regular', fonts.regular);
    this.doc.registerFont('bold', fonts.bold);
  }

  private measure(style: Style): (s: string) => number {
    const font = style.bold ? 'bold' : 'regular';
    this.doc.font(font).fontSize(style.size);
    return (s: string) => {
      const key = `${font}|${style.size}|${s}`;
      let w = this.widths.get(key);
      if (w === undefined) {
        w = this.doc.font(font).fontSize(style.size).widthOfString(forDrawing(s));
        this.widths.set(key, w);
      }
      return w;
    };
  }

  lines(text: string, width: number, style: Style): string[] {
    return breakLines(text, width, this.measure(style), this.report.keepTogether ?? []);
  }

  private draw(line: string, x: number, y: number, width: number, style: Style): void {
    const w = this.measure(style)(line);
    const dx = style.align === 'right' ? width - w : style.align === 'center' ? (width - w) / 2 : 0;
    // The glyphs are shaped (SARA AM split, marks placed over their consonant); ActualText gives text
    // extraction, search and screen readers the letters as written, in their order.
    this.doc.markContent('Span', { actual: line });
    this.doc
      .font(style.bold ? 'bold' : 'regular')
      .fontSize(style.size)
      .text(forDrawing(line), x + dx, y, { lineBreak: false });
    this.doc.endMarkedContent();
  }

  private ensure(height: number): void {
    if (this.y + height > this.bottom) this.newPage();
  }

  newPage(): void {
    this.doc.addPage();
    this.y = PAGE.margin;
  }

  text(text: string, style: Style, gapAfter = 4, x = PAGE.margin, width = this.contentWidth): void {
    for (const line of this.lines(text, width, style)) {
      this.ensure(style.size * LEADING);
      this.draw(line, x, this.y, width, style);
      this.y += style.size * LEADING;
    }
    this.y += gapAfter;
  }

  block(block: Block): void {
    switch (block.kind) {
      case 'cover': {
        this.y = 150;
        for (const line of block.lines) this.text(line, { size: 16, bold: true, align: 'center' }, 8);
        this.y += 40;
        this.text(block.title, { size: 22, bold: true, align: 'center' }, 30);
        for (const line of block.subtitle) this.text(line, { size: BODY, align: 'center' }, 6);
        this.y += 20;
        return;
      }
      case 'heading':
        this.ensure(60);
        this.y += block.level === 1 ? 10 : 4;
        this.text(block.text, { size: block.level === 1 ? 16 : 14, bold: true }, 4);
        return;
      case 'paragraph':
        this.text(block.text, { size: BODY }, 6);
        return;
      case 'fields': {
        const labelWidth = 160;
        const valueWidth = this.contentWidth - labelWidth - 8;
        for (const [label, value] of block.rows) {
          const labelLines = this.lines(label, labelWidth, { size: BODY, bold: true });
          const valueLines = this.lines(value, valueWidth, { size: BODY });
          const rows = Math.max(labelLines.length, valueLines.length);
          for (let i = 0; i < rows; i += 1) {
            this.ensure(BODY * LEADING);
            if (labelLines[i]) this.draw(labelLines[i], PAGE.margin, this.y, labelWidth, { size: BODY, bold: true });
            if (valueLines[i])
              this.draw(valueLines[i], PAGE.margin + labelWidth + 8, this.y, valueWidth, { size: BODY });
            this.y += BODY * LEADING;
          }
        }
        this.y += 6;
        return;
      }
      case 'table':
        this.table(
          block.columns,
          block.rows.map((r) => r.map(cellText)),
          block.totals?.map(cellText),
        );
        return;
      case 'pageBreak':
        this.newPage();
        return;
      default: {
        const _: never = block;
        return _;
      }
    }
  }

  private table(columns: readonly Column[], rows: readonly string[][], totals: string[] | undefined): void {
    const unit = this.contentWidth / columns.reduce((s, c) => s + c.width, 0);
    const widths = columns.map((c) => c.width * unit);
    const pad = 3;
    const lineHeight = TABLE * LEADING;
    const layoutRow = (cells: readonly string[], bold: boolean) => {
      const lines = cells.map((c, i) => this.lines(c, widths[i] - 2 * pad, { size: TABLE, bold }));
      return { lines, height: Math.max(1, ...lines.map((l) => l.length)) * lineHeight + 2 * pad };
    };
    const drawRow = (cells: readonly string[], bold: boolean, fill?: string) => {
      const { lines, height } = layoutRow(cells, bold);
      if (this.y + height > this.bottom) {
        this.newPage();
        drawRow(header, true, '#e8eef7');
      }
      let x = PAGE.margin;
      if (fill) this.doc.rect(x, this.y, this.contentWidth, height).fill(fill).fillColor('black');
      for (let i = 0; i < columns.length; i += 1) {
        this.doc.rect(x, this.y, widths[i], height).lineWidth(0.5).stroke('#888888');
        lines[i].forEach((line, n) =>
          this.draw(line, x + pad, this.y + pad + n * lineHeight, widths[i] - 2 * pad, {
            size: TABLE,
            bold,
            align: columns[i].align,
          }),
        );
        x += widths[i];
      }
      this.y += height;
    };
    const header = columns.map((c) => c.th);
    this.ensure(lineHeight * 4);
    drawRow(header, true, '#e8eef7');
    for (const row of rows) drawRow(row, false);
    if (totals) drawRow(totals, true, '#f3f3f3');
    this.y += 10;
  }

  /** Page numbers and the log position on every page, once all pages exist. */
  footers(): void {
    const range = this.doc.bufferedPageRange();
    const p = this.report.provenance;
    for (let i = range.start; i < range.start + range.count; i += 1) {
      this.doc.switchToPage(i);
      const y = PAGE.height - PAGE.margin + 4;
      const text = `ตำแหน่งบันทึก ${p.position}${p.reproduceAsOf ? ` · asOf=${p.reproduceAsOf}` : ''} · หน้า ${i + 1}/${range.count}`;
      const lines = this.lines(text, this.contentWidth, { size: 8 });
      this.doc.page.margins.bottom = 0;
      this.draw(lines[0], PAGE.margin, y, this.contentWidth, { size: 8, align: 'center' });
    }
  }
}

/** Renders a report document to a PDF with Sarabun embedded (subset), Thai shaped by the font's own OpenType tables. */
export function renderPdf(report: ReportDocument, builtAt: Date): Promise<Buffer> {
  const layout = new Layout(report, builtAt);
  const chunks: Buffer[] = [];
  layout.doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    layout.doc.on('end', () => resolve(Buffer.concat(chunks)));
    layout.doc.on('error', reject);
  });
  for (const block of report.blocks) layout.block(block);
  layout.footers();
  layout.doc.end();
  return done;
}
