import { folderOfType, typeLabels, typeOfFolder } from '../../model/document-types.ts';
import { contentDir } from '../../model/load.ts';
import { defineRule, placeOf } from '../define-rule.ts';

/** layer/wrong-folder: the top folder decides the layer; a document must sit in its type's folder. */
export default defineRule({
  id: 'layer/wrong-folder',
  severity: 'error',
  description: '文件必须放在与其类型对应的目录中（目录决定文件所在的层级）',
  run({ set, report }) {
    const folders = [...typeOfFolder.keys()].map((f) => `${contentDir}/${f}/`).join('、');
    for (const doc of set.documents) {
      if (doc.folder === 'org') {
        report(doc.path, doc.file.frontmatterSpan, `${contentDir}/org/ 只放组织数据（YAML），文件应移到 ${folders} 之一`);
        continue;
      }
      if (!doc.folderType) {
        report(doc.path, doc.file.frontmatterSpan, `文件不在任何文件层级的目录中：请移到 ${folders} 之一`);
        continue;
      }
      const declared = (doc.file.data as { type?: unknown } | undefined)?.type;
      if (typeof declared === 'string' && doc.type === declared && declared !== doc.folderType) {
        report(
          doc.path,
          placeOf(doc, 'type'),
          `类型为 ${declared}（${typeLabels[doc.type]}）的文件放在了 ${contentDir}/${doc.folder}/（${typeLabels[doc.folderType]}）：请移到 ${contentDir}/${folderOfType[doc.type]}/，或改正 type`,
        );
      }
    }
  },
});
