import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import yaml from 'js-yaml';
import { defineRule } from '../define-rule.ts';

const nowhere = { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } };

/** change/approval-record-edited: a pull request changed or removed an earlier record in approvals.yaml. */
export default defineRule({
  id: 'change/approval-record-edited',
  severity: 'error',
  description: '（合并请求）content/org/approvals.yaml 中已有的批准记录不得修改或删除，只能在末尾追加',
  run({ set, changes, report }) {
    if (changes?.baseApprovals === undefined) return;
    let before: unknown;
    try {
      before = yaml.load(changes.baseApprovals, { schema: yaml.JSON_SCHEMA });
    } catch {
      return; // An unreadable base file proves nothing either way; syntax/yaml reported it then.
    }
    const baseRecords = (before as { records?: unknown[] } | null)?.records;
    if (!Array.isArray(baseRecords)) return;
    const file = set.approvals;
    const path = file?.path ?? 'content/org/approvals.yaml';
    if (!file || file.missing) {
      if (baseRecords.length > 0) report(path, nowhere, `批准记录文件被删除了（基线 ${changes.baseRef} 中有 ${baseRecords.length} 条记录）：请恢复它（git checkout ${changes.baseRef} -- ${path}）`);
      return;
    }
    let now: unknown[] = [];
    try {
      // Read as text, not the validated data: an edited record may no longer pass the schema.
      now = (yaml.load(readFileSync(join(set.root, path), 'utf8'), { schema: yaml.JSON_SCHEMA }) as { records?: unknown[] } | null)?.records ?? [];
    } catch {
      return;
    }
    baseRecords.forEach((old, i) => {
      if (isDeepStrictEqual(old, now[i])) return;
      const what = describe(old);
      const place = file.places[`records.${i}`]?.value ?? file.places.records?.value ?? nowhere;
      const message =
        i >= now.length
          ? `第 ${i + 1} 条批准记录（${what}）被删除了`
          : `第 ${i + 1} 条批准记录（${what}）被修改了`;
      report(path, place, `${message}：已有的批准记录是审核证据，不得修改或删除，新的记录只能追加在末尾。请恢复原文（git checkout ${changes.baseRef} -- ${path}）后再追加`);
    });
  },
});

function describe(record: unknown): string {
  const r = record as Record<string, unknown> | null;
  return r && typeof r === 'object' ? `${String(r.number)} ${String(r.version)}，${String(r.approver)}` : String(record);
}
