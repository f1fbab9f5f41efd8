/** VS Code snippets (代码片段) for MDX frontmatter, generated from schema/frontmatter.schema.json: completion with Chinese descriptions. */

/** The parts of a JSON Schema property the snippets use. */
interface Property {
  title?: string;
  description?: string;
  type?: string;
  enum?: string[];
  const?: string;
  items?: { type?: string; properties?: Record<string, Property> };
  anyOf?: Property[];
}

interface FrontmatterSchema {
  oneOf: { title: string; properties: Record<string, Property> }[];
}

/** One entry of a .code-snippets file. */
export interface Snippet {
  scope: string;
  prefix: string[];
  body: string[];
  description: string;
}

const scope = 'mdx,markdown';

/** Blocks written often, beyond single fields. */
const blocks: Record<string, Snippet> = {
  '受控：新增一条修订记录': {
    scope,
    prefix: ['revision', '修订记录'],
    body: ['  - version: ${1:A/1}', '    date: ${CURRENT_YEAR}-${CURRENT_MONTH}-${CURRENT_DATE}', '    summary: ${2:修订内容摘要}', '    author: ${3:修订人}'],
    description: '在 revisions 末尾新增一条修订记录（版本、日期、摘要、修订人）。修订记录按从旧到新排列，须包含当前版本。',
  },
  '受控：确认已复核引用的文件': {
    scope,
    prefix: ['ack', '引用复核'],
    body: ['acknowledges:', '  - number: ${1:JMI/CX/13}', '    version: ${2:B/1}'],
    description: '被引用文件换版后，确认本文件已按其新版本复核（不必因此换版），消除“待复核”警告。',
  },
  '受控：转为现行': {
    scope,
    prefix: ['effective', '转为现行'],
    body: ['status: effective', 'reviewedBy: ${1:审核人}', 'approvedBy: ${2:批准人}', 'effectiveDate: ${3:${CURRENT_YEAR}-${CURRENT_MONTH}-${CURRENT_DATE}}'],
    description: '草稿转为现行：须同时写明审核人、批准人和生效日期（生效日期不早于当前版本的修订日期）。',
  },
  '受控：表单字段': {
    scope,
    prefix: ['formfield', '表单字段'],
    body: ['  - label: ${1:字段名称}', '    kind: ${2|text,textarea,number,date,choice,multichoice,checkbox,table,signature|}', '    required: ${3|true,false|}'],
    description: '质量记录 fields 中的一项：label 字段名称，kind 字段类型（文本/多行文本/数字/日期/单选/多选/勾选/表格/签名）。',
  },
  '受控：引用文件': {
    scope,
    prefix: ['ref', '引用'],
    body: ['[[${1:JMI/CX/13}|${2:文件名称}]]'],
    description: '正文中引用另一份受控文件：[[编号]] 或 [[编号|显示的名称]]；检查会核对编号是否存在。',
  },
  '受控：流程图': {
    scope,
    prefix: ['mermaid', '流程图'],
    body: ['```mermaid', 'flowchart TD', '  subgraph d1["${1:牵头部门}"]', '    A["${2:提出申请}"]', '    B{"${3:审核}"}', '  end', '  A --> B', '```'],
    description: '流程图（mermaid）：每个部门一个 subgraph（泳道），方框为步骤，菱形为判断。',
  },
};

/** Builds every snippet: the blocks above and one per frontmatter field, described in Chinese from the schema. */
export function editorSnippets(schema: FrontmatterSchema): Record<string, Snippet> {
  const fields = new Map<string, { property: Property; types: string[] }>();
  for (const variant of schema.oneOf) {
    for (const [name, property] of Object.entries(variant.properties)) {
      const entry = fields.get(name) ?? { property, types: [] };
      entry.types.push(variant.title.replace(/（.*）$/, ''));
      fields.set(name, entry);
    }
  }
  const out: Record<string, Snippet> = { ...blocks };
  for (const [name, { property, types }] of fields) {
    if (name === 'type') continue;
    const title = property.title ?? name;
    const where = types.length === schema.oneOf.length ? '所有类型' : types.join('、');
    out[`字段 ${name}（${title}）`] = {
      scope,
      prefix: [name, title],
      body: bodyOf(name, property),
      description: `${property.description?.startsWith(title) ? '' : `${title}：`}${property.description ?? ''}（适用：${where}）`,
    };
  }
  out['字段 type（类型）'] = {
    scope,
    prefix: ['type', '类型'],
    body: [`type: \${1|${schema.oneOf.map((v) => /（(.*)）$/.exec(v.title)?.[1] ?? v.title).join(',')}|}`],
    description: '类型：决定文件所在的层级与目录（manual-section 质量手册 / procedure 程序文件 / flow 流程 / standard 标准 / regulation 制度 / record 质量记录）',
  };
  return out;
}

function bodyOf(name: string, p: Property): string[] {
  if (name === 'revisions') return ['revisions:', ...blocks['受控：新增一条修订记录']!.body];
  if (name === 'acknowledges') return blocks['受控：确认已复核引用的文件']!.body;
  if (name === 'fields') return ['fields:', ...blocks['受控：表单字段']!.body];
  if (p.enum) return [`${name}: \${1|${p.enum.join(',')}|}`];
  if (p.anyOf) return [`${name}: \${1|all,[]|}`];
  if (p.type === 'boolean') return [`${name}: \${1|true,false|}`];
  if (p.type === 'array') return [`${name}: [\${1}]`];
  if (/Date$|^lastReviewed$/.test(name)) return [`${name}: \${1:\${CURRENT_YEAR}-\${CURRENT_MONTH}-\${CURRENT_DATE}}`];
  return [`${name}: \${1}`];
}
