/** CSV for spreadsheets (Excel opens UTF-8 with a BOM correctly). */
export function toCsv(header: string[], rows: (string | number | boolean | undefined)[][]): string {
  const cell = (value: string | number | boolean | undefined) => {
    const text = value === undefined ? '' : String(value);
    return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return `\uFEFF${[header, ...rows].map((row) => row.map(cell).join(',')).join('\r\n')}\r\n`;
}
