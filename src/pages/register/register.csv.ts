/** /register/register.csv: the register of controlled documents for spreadsheets, generated at build time. */
import { registerCsv } from '../../history/register.ts';
import { historySite } from '../../site/history/history-site.ts';

/** The register as CSV (UTF-8 with BOM). */
export function GET(): Response {
  return new Response(registerCsv(historySite().register), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
}
