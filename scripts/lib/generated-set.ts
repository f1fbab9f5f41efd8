/**
 * A generated document set of any size for benchmarks and tests of large sets: procedures, each with
 * two regulations, three records, three flows (with flowcharts) and a standard, all valid and cross-
 * referenced as a real set is (npm run check finds nothing), so that a build of it does what a build
 * of a college's set does.
 */
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../../src/site/build/build-site.ts';

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const paragraph = (topic: string) =>
  `${topic}工作坚持目标导向和问题导向，牵头部门每学期初制订工作计划，明确责任人、完成时限和质量要求；协作部门按分工提供数据和材料。` +
  `执行中发现偏差的，责任部门在五个工作日内分析原因并提出纠正措施，报质管办备案。学期末对照计划逐项总结，形成自评报告，` +
  `作为下一轮计划和部门年度考核的依据。`;

/** Procedure numbers JMI/CX/01 … JMI/CX/99, then JMI/CX/01-1 …: `count` of them. */
function procedureNumbers(count: number): string[] {
  const out: string[] = [];
  for (let suffix = 0; out.length < count; suffix++) {
    for (let n = 1; n <= 99 && out.length < count; n++) out.push(suffix === 0 ? `JMI/CX/${pad(n)}` : `JMI/CX/${pad(n)}-${suffix}`);
  }
  return out;
}

function frontmatter(fields: Record<string, string>): string {
  return `---\n${Object.entries(fields).map(([k, v]) => `${k}: ${v}`).join('\n')}\n---\n`;
}

const common = (type: string, number: string, title: string) => ({
  type,
  number,
  title,
  version: 'A/0',
  status: 'effective',
  owners: '[质管办]',
  cooperating: '[教务处, 人事处]',
  effectiveDate: '2025-09-01',
  preparedBy: '刘明华',
  reviewedBy: '赵德胜',
  // Procedures are approved by the president, the rest by a vice-president (rule role/not-authorized).
  approvedBy: type === 'procedure' ? '周志远' : '吴海明',
  // Evidence of approval (rule approval/missing-evidence): a generated set without findings, as a real one is kept.
  decision: '\n  version: A/0\n  meeting: 校长办公会\n  session: 1\n  date: 2025-08-25\n  minutes: 纪要〔2025〕1号',
  revisions: '\n  - version: A/0\n    date: 2025-08-20\n    summary: 首次发布\n    author: 刘明华',
});

/** Writes a valid generated set of `size` documents (10 per procedure) under `root`; returns the document files. */
export function generateSet(root: string, size: number): { path: string; title: string; body: string }[] {
  rmSync(root, { recursive: true, force: true });
  mkdirSync(join(root, 'content'), { recursive: true });
  cpSync(join(projectRoot, 'content/org'), join(root, 'content/org'), { recursive: true });
  const files: { path: string; title: string; body: string }[] = [];
  const write = (type: string, folder: string, number: string, title: string, extra: Record<string, string>, body: string) => {
    const path = `content/${folder}/${number.toLowerCase().replace(/\//g, '-')}.mdx`;
    mkdirSync(join(root, 'content', folder), { recursive: true });
    writeFileSync(join(root, path), frontmatter({ ...common(type, number, title), ...extra }) + body);
    files.push({ path, title, body });
  };
  const procedures = procedureNumbers(size / 10);
  procedures.forEach((cx, i) => {
    const id = cx.slice('JMI/CX/'.length);
    const topic = `第${i + 1}项业务`;
    const regs = [1, 2].map((k) => `JMI/ZD/${id}-${pad(k)}`);
    const recs = [1, 2, 3].map((k) => `JMI/JL/${id}-${pad(k)}`);
    const flows = [1, 2, 3].map((k) => `JMI/LC/${id}-${pad(k)}`);
    const standard = `JMI/BZ/${(i % 5) + 1}-${pad(Math.floor(i / 5))}`;
    // The chapters organization.yaml asks of a procedure, each listing what the frontmatter names (rules structure/missing-chapter, cite/list-mismatch).
    const text = `## 1 目的\n\n${paragraph(topic)}\n\n## 2 适用范围\n\n适用于${topic}。\n\n## 3 职责\n\n${paragraph('各部门')}\n\n## 4 工作程序\n\n按 [[${flows[0]}]] 办理，依据 [[${regs[0]}]]，填写 [[${recs[0]}]]。${paragraph(topic)}\n\n## 5 支持性文件\n\n${regs.map((n) => `- [[${n}]]\n`).join('')}- [[${standard}]]\n\n## 6 质量记录\n\n${recs.map((n) => `- [[${n}]]\n`).join('')}\n## 7 相关流程\n\n${flows.map((n) => `- [[${n}]]\n`).join('')}`;
    write('procedure', 'procedures', cx, `${topic}管理程序`, { regulations: `[${regs.join(', ')}]`, records: `[${recs.join(', ')}]`, flows: `[${flows.join(', ')}]`, standards: `[${standard}]`, clauses: '[iso9001:7.5, zhengai:school]' }, text);
    regs.forEach((n, k) => write('regulation', 'regulations', n, `${topic}管理办法（${k + 1}）`, {}, `## 第一章 总则\n\n${paragraph(topic)}\n\n## 第二章 职责\n\n${paragraph('学校')}\n`));
    recs.forEach((n, k) =>
      write('record', 'records', n, `${topic}登记表（${k + 1}）`, { procedure: cx, keeper: '质管办', retention: '3年', fields: '\n  - label: 填表部门\n    kind: text\n  - label: 类别\n    kind: choice\n    options: [新办, 变更]\n  - label: 明细\n    kind: table\n    columns: [{label: 事项}, {label: 日期, kind: date}]\n    rows: 3\n  - label: 负责人\n    kind: signature' }, `## 用途\n\n${paragraph(topic)}\n`),
    );
    flows.forEach((n, k) => {
      // A handful of distinct charts, as real flows share shapes; each distinct one is rendered once and cached.
      const variant = (i * 3 + k) % 12;
      const chart = `flowchart TD\n  A["提出申请"] --> B{"部门审核 ${variant}"}\n  B -- 同意 --> C["办理"]\n  B -- 退回 --> A\n  C --> D["归档"]`;
      write('flow', 'flows', n, `${topic}办理流程（${k + 1}）`, { procedure: cx, post: '主任', function: `办理${topic}`, scope: '全校', regulations: `[${regs[0]}]`, inputs: `["[[${recs[0]}]] 申请材料"]`, outputs: '[办理结果]', assessmentPoints: '[办结时间]' }, `## 流程说明\n\n${paragraph(topic)}\n\n## 流程图\n\n\`\`\`mermaid\n${chart}\n\`\`\`\n`);
    });
    write('standard', 'standards', standard, `${topic}质量标准`, { level: ['school', 'major', 'course', 'teacher', 'student'][i % 5]! }, `## 1 适用范围\n\n${paragraph(topic)}\n`);
  });
  return files;
}

