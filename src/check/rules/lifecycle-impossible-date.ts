import { defineRule, nameOf, placeOf } from '../define-rule.ts';

/**
 * lifecycle/impossible-date: dates a current or obsolete document cannot truthfully carry as of today.
 * A future effectiveDate is not one of them: an approved version may wait for its date (已批准，待生效).
 */
export default defineRule({
  id: 'lifecycle/impossible-date',
  severity: 'error',
  description: '现行或作废文件的修订日期、最近评审日期不得晚于今天；最近评审日期不得早于文件首次发布；新文件不得早于它代替的文件生效',
  run({ set, graph, today, report }) {
    for (const doc of set.documents) {
      // A successor cannot take effect before the document it replaces did.
      for (const edge of graph.outgoing(doc, 'supersedes')) {
        const old = edge.to?.data.effectiveDate;
        const own = doc.data.effectiveDate;
        if (doc.data.status !== 'effective' || !edge.to || !old || !own || own >= old) continue;
        report(doc.path, placeOf(doc, 'effectiveDate'), `本文件的生效日期 ${own} 早于它代替的 ${nameOf(edge.to)} 的生效日期 ${old}：新文件不能在被代替的文件生效之前就代替它，请核对两份文件的 effectiveDate 和 supersedes`, {
          file: edge.to.path,
          span: placeOf(edge.to, 'effectiveDate'),
          message: '被代替文件的生效日期在这里',
        });
      }
      const { status, revisions, lastReviewed } = doc.data;
      if (status !== 'effective' && status !== 'obsolete') continue;
      revisions?.forEach((revision, i) => {
        if (revision.date > today) {
          report(doc.path, placeOf(doc, `revisions.${i}.date`), `修订记录 ${revision.version} 的日期 ${revision.date} 晚于今天（${today}）：修订日期应写已经完成修订的日期，请改正；尚未完成的修订请在草稿中进行`);
        }
      });
      if (!lastReviewed) continue;
      if (lastReviewed > today) {
        report(doc.path, placeOf(doc, 'lastReviewed'), `最近评审日期 ${lastReviewed} 晚于今天（${today}）：lastReviewed 应写已经完成的定期评审的日期`);
      }
      const first = revisions?.[0];
      if (first && lastReviewed < first.date) {
        report(doc.path, placeOf(doc, 'lastReviewed'), `最近评审日期 ${lastReviewed} 早于本文件首次发布（修订记录 ${first.version}，${first.date}）：文件不能在存在之前被评审，请改正 lastReviewed`, {
          file: doc.path,
          span: placeOf(doc, 'revisions.0.date'),
          message: '最早的修订记录在这里',
        });
      }
    }
  },
});
