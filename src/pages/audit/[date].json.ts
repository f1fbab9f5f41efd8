/** /audit/<date>.json: the point-in-time answer of a preset date, as `npm run audit -- --at <date> --json` writes it. */
import { inForceAt } from '../../history/point-in-time.ts';
import { inForceJson } from '../../history/in-force-export.ts';
import { historySite } from '../../site/history/history-site.ts';

/** One JSON file per preset date. */
export function getStaticPaths() {
  return historySite().presets.map((date) => ({ params: { date } }));
}

/** The JSON export. */
export function GET({ params }: { params: { date: string } }): Response {
  const { history } = historySite();
  return new Response(inForceJson(history, params.date, inForceAt(history, params.date)), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
}
