/** Excel number formats the workbooks use: baht with satang, and B.E. dates in Thai. */
export const BAHT_FORMAT = '"฿"#,##0.00';
export const BE_DATE_FORMAT = '[$-th-TH]d mmmm bbbb';
