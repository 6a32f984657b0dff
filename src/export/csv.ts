/** The byte-order mark that makes Excel read a CSV as UTF-8 rather than the system code page. */
const CSV_BOM = '\uFEFF'

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i

/**
 * One cell as CSV text. A text cell beginning with = + - @ (or a tab or carriage return) gets a leading
 * apostrophe, so a spreadsheet shows it instead of running it as a formula (CSV injection); plain numbers stay.
 */
export function csvCell(value: string | number | null | undefined): string {
  let text = value == null ? '' : String(value)
  if (/^[=+\-@\t\r]/.test(text) && !NUMBER.test(text)) text = `'${text}`
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

/** A CSV file's text: BOM, header, rows, CRLF line ends (what Excel writes). */
export function toCsv(header: readonly string[], rows: readonly (readonly (string | number | null)[])[]): string {
  return CSV_BOM + [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n'
}
