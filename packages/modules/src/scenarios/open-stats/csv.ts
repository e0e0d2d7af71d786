// Tidy CSV rendering (RFC 4180) for the open-stats export (SCENARIOS.md §6): one header, CRLF line ends,
// a field quoted when it holds a comma, quote, CR or LF, or leading/trailing space; quotes doubled.

/** One CSV cell: text or an integer. */
export type CsvCell = string | number;

/**
 * One CSV field, quoted when needed.
 * @example csvField('a,b') // '"a,b"'; csvField('say "hi"') // '"say ""hi"""'; csvField(3) // '3'
 */
export function csvField(v: CsvCell): string {
  const s = typeof v === 'number' ? String(v) : v;
  return /[",\r\n]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * A whole CSV document: the header line, then one line per row, each ended by CRLF.
 * @example renderCsv(['region', 'value'], [['420000', 5]]) // 'region,value\r\n420000,5\r\n'
 */
export function renderCsv(header: readonly string[], rows: ReadonlyArray<readonly CsvCell[]>): string {
  const lines = [header.map(csvField).join(',')];
  for (const r of rows) lines.push(r.map(csvField).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
