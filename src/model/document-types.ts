/** The seven kinds of controlled document and the five layers they live in. */

/** 文件类型 */
export const documentTypes = ['manual-section', 'procedure', 'flow', 'standard', 'regulation', 'record', 'external'] as const;
export type DocumentType = (typeof documentTypes)[number];

/** The types the college writes itself (自编文件): numbered, versioned and approved here; 外来文件 are not. */
export const ownDocumentTypes = ['manual-section', 'procedure', 'flow', 'standard', 'regulation', 'record'] as const;
export type OwnDocumentType = (typeof ownDocumentTypes)[number];

/** 文件层级：质量手册 / 程序文件 / 知识库 / 质量记录，另有外来文件 */
export const layers = ['manual', 'procedures', 'knowledge', 'records', 'external'] as const;
export type Layer = (typeof layers)[number];

/** Chinese names shown to authors and readers. */
export const typeLabels: Record<DocumentType, string> = {
  'manual-section': '质量手册',
  procedure: '程序文件',
  flow: '流程',
  standard: '标准',
  regulation: '制度',
  record: '质量记录',
  external: '外来文件',
};

export const layerLabels: Record<Layer, string> = {
  manual: '质量手册',
  procedures: '程序文件',
  knowledge: '知识库',
  records: '质量记录',
  external: '外来文件',
};

export const layerOfType: Record<DocumentType, Layer> = {
  'manual-section': 'manual',
  procedure: 'procedures',
  flow: 'knowledge',
  standard: 'knowledge',
  regulation: 'knowledge',
  record: 'records',
  external: 'external',
};

/** The top folder under `content/` that holds each type; the folder decides the layer. */
export const folderOfType: Record<DocumentType, string> = {
  'manual-section': 'manual',
  procedure: 'procedures',
  flow: 'flows',
  standard: 'standards',
  regulation: 'regulations',
  record: 'records',
  external: 'external',
};

export const typeOfFolder: ReadonlyMap<string, DocumentType> = new Map(
  documentTypes.map((type) => [folderOfType[type], type]),
);

/** 状态：草稿 / 现行 / 作废 */
export const statuses = ['draft', 'effective', 'obsolete'] as const;
export type Status = (typeof statuses)[number];

/** 现行或草稿: a status that is not obsolete. Without a status a document is neither current nor obsolete. */
export function isCurrentStatus(status: Status | undefined): boolean {
  return status !== undefined && status !== 'obsolete';
}

export const statusLabels: Record<Status, string> = {
  draft: '草稿',
  effective: '现行',
  obsolete: '作废',
};

/** 外来文件的状态名称：它们不经本校批准，只有有效与废止。 */
export const externalStatusLabels: Record<Status, string> = {
  draft: '待登记',
  effective: '现行有效',
  obsolete: '已废止',
};
