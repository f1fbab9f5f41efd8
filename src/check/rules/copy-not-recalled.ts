import { copyStatuses } from '../../history/copies.ts';
import { inForceToday } from '../../history/in-force-today.ts';
import { defineRule } from '../define-rule.ts';
import { copyPlace } from './copy-unknown-entry.ts';

/** copy/not-recalled: a paper copy of a replaced version or an obsolete document still out after the recall period. */
export default defineRule({
  id: 'copy/not-recalled',
  severity: 'warning',
  description: '换版或作废后，旧版纸质受控件应在 organization.yaml 规定的期限（默认 10 个工作日）内收回并登记',
  run({ set, organization, history, today, report }) {
    const register = set.distribution?.data;
    if (!register || register.copies.length === 0) return;
    // The in-force decision of the check's date, as every output makes it (history only when a version waits for its date).
    const inForce = inForceToday(set, () => history ?? { available: false, shallow: false, documents: [], byPath: new Map(), byNumber: new Map(), gitProcesses: 0 }, today);
    const days = organization?.copies?.recallWorkingDays;
    for (const status of copyStatuses(register, inForce, { ...(days ? { recallWorkingDays: days } : {}), ...(history ? { history } : {}) })) {
      if (!status.recall?.overdue) continue;
      const { entry } = status;
      report(
        set.distribution!.path,
        copyPlace(set.distribution!, status.index),
        `纸质受控件 ${entry.copy}（${entry.department} ${entry.holder}）${status.recall.reason}，应在 ${status.recall.due} 前收回，已逾期：收回后运行 npm run copy -- --return ${entry.copy}（已销毁的用 --destroyed）`,
      );
    }
  },
});
