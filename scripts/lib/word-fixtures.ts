/**
 * Word files as colleges write them, made with the `docx` package at test time (no binary fixtures):
 * six typical layouts of controlled documents, and the bad inputs an import meets (.doc, encrypted,
 * corrupt, not Word at all). Also used by `npm run bench:import` to make its 200 documents.
 */
import {
  AlignmentType,
  Document,
  ExternalHyperlink,
  FootnoteReferenceRun,
  HeadingLevel,
  ImageRun,
  LevelFormat,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type ISectionOptions,
} from 'docx';
import { solidPng } from './png.ts';

type Block = Paragraph | Table;

const p = (text: string, options: { bold?: boolean; center?: boolean } = {}) =>
  new Paragraph({ children: [new TextRun({ text, bold: options.bold ?? false })], ...(options.center ? { alignment: AlignmentType.CENTER } : {}) });
const h = (text: string, level: 1 | 2 = 1) => new Paragraph({ text, heading: level === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2 });
const cell = (text: string, span: { columnSpan?: number; rowSpan?: number } = {}) => new TableCell({ children: [p(text)], ...span });
const row = (...cells: (string | TableCell)[]) => new TableRow({ children: cells.map((c) => (typeof c === 'string' ? cell(c) : c)) });
const table = (rows: TableRow[]) => new Table({ rows, width: { size: 100, type: WidthType.PERCENTAGE } });
const numbered = (text: string, level = 0) => new Paragraph({ text, numbering: { reference: 'steps', level } });

const numbering = {
  config: [
    {
      reference: 'steps',
      levels: [
        { level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.START },
        { level: 1, format: LevelFormat.LOWER_LETTER, text: '%2)', alignment: AlignmentType.START },
      ],
    },
  ],
};

async function pack(children: Block[], extra: { footnotes?: Record<number, { children: Paragraph[] }> } = {}): Promise<Buffer> {
  const section: ISectionOptions = { children };
  return Packer.toBuffer(new Document({ sections: [section], numbering, ...(extra.footnotes ? { footnotes: extra.footnotes } : {}) }));
}

/** What a fixture procedure says about itself, so tests and the benchmark can vary it. */
export interface ProcedureFacts {
  number: string;
  title: string;
  version: string;
  effectiveDate: string;
  owner: string;
  regulations: { number: string; title: string }[];
  records: { number: string; title: string }[];
}

/** Layout 1: 程序文件 with a header table (文件编号/版本/页码/生效日期, 编制/审核/批准) and a 修订记录 table. */
export function procedureWithHeaderTable(facts: ProcedureFacts): Promise<Buffer> {
  return pack([
    p('江苏海事职业技术学院', { center: true }),
    p(`程序文件  ${facts.title}`, { bold: true, center: true }),
    table([
      row('文件编号', facts.number, '版本', facts.version),
      row('页码', '第1页 共3页', '生效日期', facts.effectiveDate.replace(/-/g, '.')),
      row('编制', '孙晓燕', '审核', '刘明华'),
      row('批准', '周志远', '主管部门', facts.owner),
    ]),
    h('1 目的'),
    p('对内部质量保证体系的成文信息实施控制，确保使用处得到的始终是现行有效版本。'),
    h('2 适用范围'),
    p('本程序适用于学校全部受控文件。'),
    h('3 职责'),
    numbered(`${facts.owner}：本程序的归口部门。`),
    numbered('文件牵头部门：负责本部门文件的起草。'),
    h('4 工作程序'),
    h('4.1 策划', 2),
    p('质管办每年 1 月底前列出当年到期需评审的文件清单，x < y 且 {a} 不是代码。'),
    h('4.2 实施', 2),
    numbered('提出申请。'),
    numbered('分支起草。', 1),
    numbered('评审。'),
    h('5 支持性文件'),
    ...facts.regulations.map((r) => p(`${r.number} ${r.title}`)),
    h('6 质量记录'),
    table([row('记录编号', '记录名称', '保管部门', '保存期限'), ...facts.records.map((r) => row(r.number, r.title, facts.owner, '长期'))]),
    h('修订记录'),
    table([
      row('版本', '修订日期', '修订内容', '修订人'),
      row('A/0', '2019-09-01', '首次发布', '刘明华'),
      row('A/1', '2021年3月10日', '增加定期评审要求', '刘明华'),
      row(facts.version, facts.effectiveDate, '换版，改为版本库管理', '孙晓燕'),
    ]),
  ]);
}

/** Layout 2: 制度 with 第一章…第X条, the number and 发文字号 in its first lines. */
export function regulationWithChapters(number = 'JMI/ZD/13-09'): Promise<Buffer> {
  return pack([
    p('受控文件管理细则', { bold: true, center: true }),
    p(`文件编号：${number}    版本：A/0    生效日期：2026年9月1日`),
    p('发文字号：江海院〔2026〕31号'),
    p('第一章 总则', { bold: true, center: true }),
    p('第一条 为规范受控文件的编制、评审、发布和作废，制定本细则。'),
    p('第二条 本细则适用于质量手册、程序文件、流程、标准、制度和质量记录模板。'),
    p('第二章 编制与审批', { bold: true, center: true }),
    p('第三条 文件由牵头部门起草，质管办审核编号。'),
    p('第四条 文件经批准后发布，见 javascript:alert(1) 之类的文字不是链接。'),
    p('第三章 附则', { bold: true, center: true }),
    p('第五条 本细则由质管办负责解释，自发布之日起施行。'),
  ]);
}

/** Layout 3: a 质量记录 form that is one big table, with merged cells, 保管部门 and 保存期限 below. */
export function recordForm(number = 'JMI/JL/13-09'): Promise<Buffer> {
  return pack([
    p('文件借阅登记表', { bold: true, center: true }),
    p(`编号：${number}  版本：A/0`),
    table([
      row('借阅部门', '', '借阅日期', ''),
      row('文件编号与名称', cell('', { columnSpan: 3 })),
      row('借阅理由', cell('', { columnSpan: 3 })),
      row('借阅人签字', '', '归还日期', ''),
      row(cell('审批意见', { rowSpan: 2 }), cell('', { columnSpan: 3 })),
      row(cell('部门负责人签字：', { columnSpan: 3 })),
    ]),
    p('保管部门：质管办    保存期限：3年'),
  ]);
}

/** Layout 4: first lines instead of a header table, numbered lists and bold text. */
export function procedureWithFirstLines(number = 'JMI/CX/19'): Promise<Buffer> {
  return pack([
    p('信息化项目管理程序', { bold: true, center: true }),
    p(`文件编号：${number}  版本：A/0  页码：1/5  生效日期：2026-03-01`),
    p('编制：张明  审核：李华  批准：王强'),
    p('牵头部门：现代教育技术中心'),
    h('1 目的'),
    new Paragraph({ children: [new TextRun('规范信息化项目的'), new TextRun({ text: '立项、实施和验收', bold: true }), new TextRun('。')] }),
    new Paragraph({
      children: [
        new TextRun('参见 '),
        new ExternalHyperlink({ link: 'https://www.example.edu.cn/xxgk/', children: [new TextRun('信息公开网')] }),
        new TextRun('、'),
        new ExternalHyperlink({ link: 'javascript:alert(document.cookie)', children: [new TextRun('点这里')] }),
        new TextRun('、'),
        new ExternalHyperlink({ link: 'file:///C:/Users/admin/secret.docx', children: [new TextRun('本机文件')] }),
        new TextRun('。<script>alert(1)</script> {process.env.HOME}'),
      ],
    }),
    h('2 工作程序'),
    numbered('项目立项。'),
    numbered('项目实施。'),
    numbered('阶段检查。', 1),
    numbered('项目验收。'),
    h('3 支持性文件'),
    p('JMI/ZD/17-01 智慧校园建设与管理办法'),
    p('JMI/ZD/99-01 不存在的办法'),
    h('4 质量记录'),
    p('JMI/JL/17-01 信息化项目立项申请表'),
  ]);
}

/** An 8×8 red square, so the image fixture needs no binary file. */
export function tinyPng(): Buffer {
  return solidPng(8, 8, [200, 30, 30]);
}

/** Layout 5: a 标准 with merged cells (column and row spans) and an image. */
export function standardWithMergedCellsAndImage(number = 'JMI/BZ/2-09'): Promise<Buffer> {
  return pack([
    p('专业人才培养方案编制标准', { bold: true, center: true }),
    p(`文件编号：${number}  版本：A/0  生效日期：2026-09-01`),
    h('1 指标'),
    table([
      row(cell('指标', { rowSpan: 2 }), cell('标准值', { columnSpan: 2 })),
      row('合格', '优秀'),
      row('课程开出率', '95%', '100%'),
    ]),
    h('2 示意图'),
    new Paragraph({ children: [new ImageRun({ type: 'png', data: tinyPng(), transformation: { width: 40, height: 40 }, altText: { name: '示意图', description: '示意图', title: '示意图' } })] }),
  ]);
}

/** Layout 6: a 质量手册 section with footnotes and numbered lists in two levels. */
export function manualWithFootnotes(number = 'JMI/SC/19'): Promise<Buffer> {
  return Packer.toBuffer(
    new Document({
      numbering,
      footnotes: { 1: { children: [p('《高等职业院校内部质量保证体系诊断与改进指导方案（试行）》。')] } },
      sections: [
        {
          children: [
            p('质量手册  质量方针与目标', { bold: true, center: true }),
            p(`文件编号：${number}  版本：A/0`),
            h('1 质量方针'),
            new Paragraph({ children: [new TextRun('学校依据诊改方案'), new FootnoteReferenceRun(1), new TextRun('建立质量方针。')] }),
            h('2 质量目标'),
            numbered('学校层面目标。'),
            numbered('专业层面。', 1),
            numbered('课程层面。', 1),
            numbered('教师与学生层面目标。'),
          ],
        },
      ],
    }),
  );
}

/** Every good layout, by a file name as a college would name it. */
export async function goodFixtures(facts: ProcedureFacts): Promise<Record<string, Buffer>> {
  return {
    '01 程序文件（表头）.docx': await procedureWithHeaderTable(facts),
    '02 制度（章条）.docx': await regulationWithChapters(),
    '03 记录表单.docx': await recordForm(),
    '04 程序文件（首行）.docx': await procedureWithFirstLines(),
    '05 标准（合并单元格和图片）.docx': await standardWithMergedCellsAndImage(),
    '06 质量手册（脚注）.docx': await manualWithFootnotes(),
  };
}

/** An OLE compound file holding a directory entry with this UTF-16 name (enough to be recognised). */
function oleWith(streamName: string): Buffer {
  const header = Buffer.alloc(512);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header);
  const dir = Buffer.alloc(128);
  Buffer.from(`${streamName}\0`, 'utf16le').copy(dir);
  return Buffer.concat([header, dir, Buffer.alloc(384)]);
}

/** The smallest zip archive: one empty file, no Word document part. */
function zipWithout(): Buffer {
  const name = Buffer.from('a.txt');
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(name.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(name.length, 28);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + name.length, 12);
  end.writeUInt32LE(local.length + name.length, 16);
  return Buffer.concat([local, name, central, name, end]);
}

/** Bad inputs: old binary Word, a password-protected .docx, a corrupt .docx, a zip that is not Word and a text file. */
export function badFixtures(): Record<string, Buffer> {
  return {
    '旧格式.doc': oleWith('WordDocument'),
    '加密.docx': oleWith('EncryptionInfo'),
    '损坏.docx': Buffer.from('PK\u0003\u0004 this zip is cut short'),
    '说明.txt': Buffer.from('这不是 Word 文件'),
    // A zip that is no Word document (as an .xlsx would be), named .docx.
    '表格.docx': zipWithout(),
  };
}
