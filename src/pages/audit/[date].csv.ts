/** /audit/<date>.csv: the point-in-time table of a preset date for spreadsheets. */
import { inForceAt } from '../../history/point-in-time.ts';
import { inForceCsv } from '../../history/in-force-export.ts';
import { historySite } from '../../site/history/history-site.ts';

/** One CSV per preset date. */
export function getStaticPaths() {
  return historySite().presets.map((date) => ({ params: { date } }));
}

/** The CSV (UTF-8 with BOM, so Excel reads the Chinese). */
export function GET({ params }: { params: { date: string } }): Response {
  const csv = inForceCsv(inForceAt(historySite().history, params.date));
  return new Response(csv, { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
}
