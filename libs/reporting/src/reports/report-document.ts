/** A value in a report's table: plain text or a number, money in satang, an ISO date, or a share. */
export type CellValue =
  string | number | null | { readonly baht: number } | { readonly date: string } | { readonly percent: number | null };

export interface Column {
  readonly th: string;
  readonly en: string;
  /** Relative width on the page. */
  readonly width: number;
  readonly align?: 'left' | 'right' | 'center';
}

export type Block =
  | {
      readonly kind: 'cover';
      readonly lines: readonly string[];
      readonly title: string;
      readonly subtitle: readonly string[];
    }
  | { readonly kind: 'heading'; readonly text: string; readonly level: 1 | 2 }
  | { readonly kind: 'paragraph'; readonly text: string }
  | { readonly kind: 'fields'; readonly rows: ReadonlyArray<readonly [string, string]> }
  | {
      readonly kind: 'table';
      readonly sheet?: string;
      readonly columns: readonly Column[];
      readonly rows: ReadonlyArray<readonly CellValue[]>;
      readonly totals?: readonly CellValue[];
    }
  | { readonly kind: 'pageBreak' };

/** Where a report came from: the log position it was built from and how to build it again. */
export interface Provenance {
  /** Global position of the last event the report includes ("0" when it includes none). */
  readonly position: string;
  /** The latest command time among the events included. */
  readonly latestEventAt: string | null;
  /** The point in time asked for, if any. */
  readonly asOf: string | null;
  /** What to pass as ?asOf= (or --as-of) to build the same report again. */
  readonly reproduceAsOf: string | null;
}

export interface ReportDocument {
  readonly kind: string;
  readonly titleTh: string;
  readonly titleEn: string;
  readonly provenance: Provenance;
  readonly blocks: readonly Block[];
  /** Names a printed line never breaks inside (districts, agencies). */
  readonly keepTogether?: readonly string[];
}

export const isBaht = (v: CellValue): v is { baht: number } => typeof v === 'object' && v !== null && 'baht' in v;
export const isDate = (v: CellValue): v is { date: string } => typeof v === 'object' && v !== null && 'date' in v;
export const isPercent = (v: CellValue): v is { percent: number | null } =>
  typeof v === 'object' && v !== null && 'percent' in v;
