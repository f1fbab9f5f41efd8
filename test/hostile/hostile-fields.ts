/**
 * A small document set whose every printed frontmatter field holds a value written to end its
 * context (attribute, style, title), run script and read a local file, and whose procedure links
 * images and files from anywhere: shared by the hostile PDF and Word tests.
 */
import { randomUUID } from 'node:crypto';
import { cpSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import YAML from 'yaml';
import { documentPdfFile, formPdfFile, wholeManualFile } from '../../src/print/pdf-paths.ts';
import { testTempDir } from '../helpers/temp-dir.ts';
import { hostilePng } from './print-hostile-values.ts';

const fixture = join(import.meta.dirname, '../print/fixtures/small-system/content');
/** What the secret files hold; it must never appear in a PDF or a Word copy. */
export const secret = `SECRET-${randomUUID()}`;
/** A folder outside the repository, holding the secret and an image. */
export const outside = testTempDir('shoukong-hostile-outside-');
const secretFile = join(outside, 'secret.txt');

/** How a hostile value starts: it ends attribute, style and title contexts and calls alert (short enough to print on one line). */
export function opening(field: string): string {
  return `${field}"'</style></title><script>alert('${field}')</script>`;
}

/** A value for one field: `opening`, then every way to read the secret a page might have. */
export function attack(field: string): string {
  const url = `file://${secretFile}`;
  return (
    `${opening(field)}<img src=x onerror="alert('${field}')">` +
    `<link rel=stylesheet href="${url}"><iframe src="${url}"></iframe><object data="${url}"></object>` +
    `<style>@import url("${url}");body{background:url("${url}")}</style>` +
    `<script>fetch('${url}').then(r=>r.text()).then(t=>document.body.append(t));var x=new XMLHttpRequest();x.open('GET','${url}',false);x.send();document.body.append(x.responseText,'RAN'+'-SCRIPT')</script>`
  );
}

/** Rewrites the frontmatter of a fixture file. */
function editFrontmatter(root: string, path: string, edit: (data: Record<string, unknown>) => void): void {
  const file = join(root, path);
  const [, yaml, body] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(readFileSync(file, 'utf8'))!;
  const data = YAML.parse(yaml!) as Record<string, unknown>;
  edit(data);
  writeFileSync(file, `---\n${YAML.stringify(data, { lineWidth: 0 })}---\n${body}`);
}

/**
 * Where each hostile value is printed: the field, the PDF it must appear in literally. (The
 * revision's version is hostile too, but its column is cut to its width, so only part is printed.)
 */
export const printed: { field: string; pdf: string }[] = [
  { field: 'title', pdf: documentPdfFile('JMI/CX/13') },
  { field: 'institution', pdf: wholeManualFile },
  { field: 'department', pdf: documentPdfFile('JMI/CX/13') },
  { field: 'preparedBy', pdf: documentPdfFile('JMI/CX/13') },
  { field: 'reviewedBy', pdf: documentPdfFile('JMI/CX/13') },
  { field: 'approvedBy', pdf: documentPdfFile('JMI/CX/13') },
  { field: 'revisionSummary', pdf: documentPdfFile('JMI/CX/13') },
  { field: 'revisionAuthor', pdf: documentPdfFile('JMI/CX/13') },
  { field: 'recordTitle', pdf: formPdfFile('JMI/JL/13-01') },
  { field: 'keeper', pdf: documentPdfFile('JMI/JL/13-01') },
  { field: 'fieldLabel', pdf: formPdfFile('JMI/JL/13-01') },
  { field: 'fieldNote', pdf: formPdfFile('JMI/JL/13-01') },
  { field: 'fieldOption', pdf: formPdfFile('JMI/JL/13-01') },
  { field: 'columnLabel', pdf: formPdfFile('JMI/JL/13-01') },
  { field: 'post', pdf: documentPdfFile('JMI/LC/13-01') },
  { field: 'function', pdf: documentPdfFile('JMI/LC/13-01') },
  { field: 'scope', pdf: documentPdfFile('JMI/LC/13-01') },
  { field: 'input', pdf: documentPdfFile('JMI/LC/13-01') },
  { field: 'output', pdf: documentPdfFile('JMI/LC/13-01') },
  { field: 'assessmentPoint', pdf: documentPdfFile('JMI/LC/13-01') },
];

/** Builds the hostile document set into a new folder and returns its root. */
export function hostileRoot(): string {
  const root = testTempDir('shoukong-hostile-print-');
  cpSync(fixture, join(root, 'content'), { recursive: true });
  writeFileSync(secretFile, secret);
  writeFileSync(join(root, 'secret.txt'), secret); // inside the repository, outside content/
  writeFileSync(join(outside, 'leak.png'), hostilePng(5, 5));
  mkdirSync(join(root, 'content/images'));
  writeFileSync(join(root, 'content/images/ok.png'), hostilePng(3, 2));
  symlinkSync(join(outside, 'leak.png'), join(root, 'content/images/escape.png'));

  const org = join(root, 'content/org/organization.yaml');
  writeFileSync(
    org,
    readFileSync(org, 'utf8')
      .replace('name: 江苏海事职业技术学院（示例）', `name: ${JSON.stringify(attack('institution'))}`)
      .replace('name: 质量管理与教学督导办公室,', `name: ${JSON.stringify(attack('department'))},`),
  );
  editFrontmatter(root, 'content/procedures/jmi-cx-13.mdx', (d) => {
    Object.assign(d, { title: attack('title'), preparedBy: attack('preparedBy'), reviewedBy: attack('reviewedBy'), approvedBy: attack('approvedBy') });
    (d.revisions as Record<string, string>[])[0] = { version: attack('revisionVersion'), date: '2019-09-01', summary: attack('revisionSummary'), author: attack('revisionAuthor') };
  });
  const procedure = join(root, 'content/procedures/jmi-cx-13.mdx');
  writeFileSync(
    procedure,
    `${readFileSync(procedure, 'utf8')}
## 图片与链接

![ok](../images/ok.png) ![abs](${outside}/leak.png) ![file](file://${outside}/leak.png) ![up](../../secret.txt)
![sym](../images/escape.png) ![dots](../images/../../../${relative(root, outside)}/leak.png) ![http](http://127.0.0.1:9/x.png)

[js](javascript:alert(1)) [js2](JaVa&#x53;cript:alert(2)) [file](file://${secretFile}) [data](data:text/html,x) [vb](vbscript:x) [web](https://example.org/)
`,
  );
  editFrontmatter(root, 'content/records/jmi-jl-13-01.mdx', (d) => {
    Object.assign(d, { title: attack('recordTitle'), keeper: attack('keeper') });
    const fields = d.fields as Record<string, unknown>[];
    Object.assign(fields[0]!, { label: attack('fieldLabel'), note: attack('fieldNote') });
    (fields[2]!.options as string[])[0] = attack('fieldOption');
    (fields.find((f) => f.kind === 'table')!.columns as Record<string, string>[])[0]!.label = attack('columnLabel');
  });
  editFrontmatter(root, 'content/flows/jmi-lc-13-01.mdx', (d) => {
    Object.assign(d, { post: attack('post'), function: attack('function'), scope: attack('scope') });
    (d.inputs as string[])[1] = attack('input');
    (d.outputs as string[])[0] = attack('output');
    (d.assessmentPoints as string[])[0] = attack('assessmentPoint');
  });
  return root;
}

