/** Templates (模板) of new documents: every required field and the standard sections of each type. */
import type { OwnDocumentType as DocumentType } from '../model/document-types.ts';
import type { manualParts } from '../model/schemas/manual-section.ts';
import type { standardLevels } from '../model/schemas/standard.ts';
import { yamlFlowList, yamlScalar } from './yaml-text.ts';

/** Marks text the author must replace; `npm run new` counts these and the guide tells authors to search for it. */
export const placeholder = '待填写';

/** What a template needs to know about the new document. */
export interface TemplateInput {
  type: DocumentType;
  number: string;
  title: string;
  /** Owner department as written in documents (short name). */
  owner: string;
  author: string;
  /** Date of the first revision record, YYYY-MM-DD. */
  date: string;
  /** First version of the scheme, e.g. A/0. */
  version: string;
  /** Parent procedure of a flow, record or regulation. */
  procedure?: { number: string; regulations: readonly string[] };
  level?: (typeof standardLevels)[number];
  part?: (typeof manualParts)[number];
  order?: number;
}

/** The whole text of the new file: frontmatter and body. */
export function documentText(input: TemplateInput): string {
  return `---\n${frontmatter(input)}---\n\n${body(input)}`;
}

function frontmatter(input: TemplateInput): string {
  const lines = [
    `type: ${input.type}`,
    `number: ${yamlScalar(input.number)}`,
    `title: ${yamlScalar(input.title)}`,
    `version: ${yamlScalar(input.version)}`,
    'status: draft',
    ...typeHead(input),
    `owners: ${yamlFlowList([input.owner])}`,
    `preparedBy: ${yamlScalar(input.author)}`,
    '# 转为现行（status: effective）前还须填写：reviewedBy 审核人、approvedBy 批准人、effectiveDate 生效日期',
    'revisions:',
    `  - version: ${yamlScalar(input.version)}`,
    `    date: ${input.date}`,
    `    summary: 首次编制`,
    `    author: ${yamlScalar(input.author)}`,
    ...typeFields(input),
  ];
  return `${lines.join('\n')}\n`;
}

function typeHead(input: TemplateInput): string[] {
  if (input.type === 'standard') return [`level: ${input.level ?? 'school'}`];
  if (input.type === 'manual-section') return [`part: ${input.part ?? 'elements'}`, `order: ${input.order ?? 1}`];
  return [];
}

function typeFields(input: TemplateInput): string[] {
  const p = input.procedure;
  switch (input.type) {
    case 'procedure':
      return [
        'regulations: []   # 支持性文件（制度）；npm run new 新建制度时自动加入',
        'records: []       # 质量记录；npm run new 新建记录时自动加入',
        'flows: []         # 相关流程；npm run new 新建流程时自动加入',
        'standards: []     # 依据的标准编号，如 JMI/BZ/2-01',
        'clauses: []       # 实施的要求条款，如 iso9001:7.5',
      ];
    case 'manual-section':
      return ['clauses: []      # 本章节描述的要求条款，如 iso9001:7.5', 'procedures: []   # 实施本章节要求的程序文件编号'];
    case 'flow':
      return [
        `procedure: ${yamlScalar(p?.number ?? '')}`,
        `post: ${placeholder}：发起或负责本流程的岗位`,
        `function: ${placeholder}：本流程的业务功能，一句话`,
        `scope: ${placeholder}：本流程的适用范围`,
        `regulations: ${yamlFlowList(p?.regulations ?? [])}   # 工作准则：依据的制度编号`,
        'inputs: []           # 输入资源；引用质量记录写 "[[编号]]"（显示为 编号《名称》，不必再写名称）',
        'outputs: []          # 输出资源',
        'assessmentPoints: [] # 考核点，如 办理时间',
        'interfaces: []       # 与本流程衔接的其他流程编号',
      ];
    case 'record':
      return [
        `procedure: ${yamlScalar(p?.number ?? '')}`,
        `keeper: ${yamlScalar(input.owner)}`,
        'retention: 3年   # 保存期限：3年、6个月、长期、永久，或 organization.yaml 中 retention.forms 允许的其他写法（如 毕业后5年）',
        'fields:',
        '  - label: 填表部门',
        '    kind: text',
        '    required: true',
        '  - label: 填表日期',
        '    kind: date',
        '    required: true',
        '  - label: 内容',
        '    kind: textarea',
        `    note: ${placeholder}：说明这一栏怎样填写`,
        '  - label: 负责人',
        '    kind: signature',
      ];
    case 'regulation':
      return ['# issuedAs: 江海院〔2026〕1号   # 印发时的发文字号（印发后填写）'];
    case 'standard':
      return [];
  }
}

function body(input: TemplateInput): string {
  const p = input.procedure;
  // A bare reference is shown as 编号《标题》: writing the title after it would show it twice.
  const parent = p ? `[[${p.number}]]` : '';
  switch (input.type) {
    case 'procedure':
      return section([
        '## 1 目的',
        `${placeholder}：说明本程序要达到的目的。`,
        '## 2 适用范围',
        `${placeholder}：本程序适用于哪些工作、哪些部门。`,
        '## 3 职责',
        `1. ${input.owner}：本程序的归口部门，${placeholder}。\n2. 协作部门：${placeholder}。`,
        '## 4 工作程序',
        '### 4.1 策划（P）',
        `1. ${placeholder}：目标、计划和标准。`,
        '### 4.2 实施（D）',
        `1. ${placeholder}：按计划实施的步骤，谁在什么时间做什么。`,
        '### 4.3 检查（C）',
        `1. ${placeholder}：监测、检查和评价的方法。`,
        '### 4.4 改进（A）',
        `1. ${placeholder}：发现问题后的纠正和改进。`,
        '## 5 支持性文件',
        '无。',
        '## 6 质量记录',
        '无。',
        '## 7 相关流程',
        '无。',
      ]);
    case 'flow':
      return section([
        '## 流程说明',
        `1. ${placeholder}：第一步由谁做什么。\n2. ${placeholder}：第二步。\n3. ${placeholder}：办结与归档。`,
        '## 流程图',
        flowchart(input.owner),
      ]);
    case 'record':
      return section([
        '## 用途',
        `本表用于 ${parent} 中的${placeholder}。`,
        '## 填写说明',
        `1. ${placeholder}：由谁在什么时候填写。\n2. ${placeholder}：各栏的填写要求。`,
        '## 流转与保存',
        `${placeholder}：填写后交给谁、在哪里保存。`,
      ]);
    case 'regulation':
      return section([
        '## 第一章 总则',
        `第一条 为落实 ${parent} 程序，${placeholder}，制定本办法。\n\n第二条 本办法适用于${placeholder}。`,
        '## 第二章 职责',
        `第三条 ${input.owner}负责${placeholder}。`,
        '## 第三章 管理要求',
        `第四条 ${placeholder}。`,
        '## 第四章 附则',
        `第五条 本办法由${input.owner}负责解释。\n\n第六条 本办法自发布之日起施行。`,
      ]);
    case 'standard':
      return section([
        '## 1 适用范围',
        `${placeholder}：本标准适用于哪些对象和工作。`,
        '## 2 标准内容',
        `| 指标 | 要求 | 观测点 | 合格标准 |\n| --- | --- | --- | --- |\n| ${placeholder} | | | |`,
        '## 3 评价与使用',
        `${placeholder}：由谁、何时按本标准评价，结果怎样使用。`,
      ]);
    case 'manual-section':
      return section([`## 1 ${placeholder}`, `${placeholder}：本章节的要求，以及实施它的程序文件。`]);
  }
}

/** A mermaid skeleton with the owner department as a subgraph (泳道). */
function flowchart(owner: string): string {
  return [
    '```mermaid',
    'flowchart TD',
    `  subgraph owner["${owner.replace(/"/g, '')}"]`,
    '    A["提出申请"]',
    '    B{"审核"}',
    '    C["办理并归档"]',
    '  end',
    '  A --> B',
    '  B -- 同意 --> C',
    '  B -- 退回 --> A',
    '```',
  ].join('\n');
}

function section(blocks: string[]): string {
  return `${blocks.join('\n\n')}\n`;
}
