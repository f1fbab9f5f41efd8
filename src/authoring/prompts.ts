/** Interactive questions of `npm run new` (交互式提问), in Chinese, through an injectable prompter so that tests can answer them. */
import { createInterface } from 'node:readline/promises';
import { ownDocumentTypes as documentTypes, typeLabels, type OwnDocumentType as DocumentType } from '../model/document-types.ts';
import type { DocumentSet } from '../model/load.ts';
import { isCurrent } from '../graph/lifecycle.ts';
import { manualPartLabels, manualParts } from '../model/schemas/manual-section.ts';
import { departmentKindLabels, departmentKinds } from '../model/schemas/organization.ts';
import { standardLevelLabels, standardLevels } from '../model/schemas/standard.ts';
import { fieldLabel } from '../model/field-labels.ts';

/** Asks one question and returns the answer (trimmed). */
export interface Prompter {
  ask(question: string): Promise<string>;
  say(text: string): void;
  close(): void;
}

/** Thrown when the input ends (Ctrl+D) or is closed (Ctrl+C) before an answer. */
export class PromptCancelled extends Error {
  constructor() {
    super('已取消');
    this.name = 'PromptCancelled';
  }
}

/** A prompter on the terminal. Lines typed or pasted ahead of a question are kept for it, not lost. */
export function terminalPrompter(input: NodeJS.ReadableStream, output: NodeJS.WritableStream): Prompter {
  const rl = createInterface({ input, output });
  const queued: string[] = [];
  const waiting: ((line: string | undefined) => void)[] = [];
  let closed = false;
  rl.on('line', (line) => {
    const next = waiting.shift();
    if (next) next(line);
    else queued.push(line);
  });
  rl.on('close', () => {
    closed = true;
    for (const next of waiting.splice(0)) next(undefined);
  });
  return {
    ask(question) {
      rl.setPrompt(question);
      rl.prompt();
      const line = queued.shift();
      if (line !== undefined) {
        output.write(`${line}\n`);
        return Promise.resolve(line.trim());
      }
      if (closed) return Promise.reject(new PromptCancelled());
      return new Promise((resolve, reject) => waiting.push((l) => (l === undefined ? reject(new PromptCancelled()) : resolve(l.trim()))));
    },
    say: (t) => void output.write(`${t}\n`),
    close: () => rl.close(),
  };
}

/** Picks from a numbered list: the answer may be the number shown or the value itself. */
async function choose<T extends string>(p: Prompter, question: string, options: readonly { value: T; label: string }[], accept?: (answer: string) => T | undefined): Promise<T> {
  p.say(question);
  options.forEach((o, i) => p.say(`  ${String(i + 1).padStart(2)}. ${o.label}`));
  for (;;) {
    const answer = await p.ask('请输入序号：');
    const byIndex = /^\d+$/.test(answer) ? options[Number(answer) - 1] : undefined;
    const chosen = byIndex?.value ?? options.find((o) => o.value === answer)?.value ?? accept?.(answer);
    if (chosen) return chosen;
    p.say(`没有“${answer}”这一项，请输入 1 到 ${options.length} 之间的序号。`);
  }
}

async function required(p: Prompter, question: string): Promise<string> {
  for (;;) {
    const answer = await p.ask(question);
    if (answer) return answer;
    p.say('这一项不能为空。');
  }
}

/** The answers `npm run new` may still need. */
export interface Answers {
  type?: string;
  title?: string;
  owner?: string;
  procedure?: string;
  subOf?: string;
  level?: string;
  part?: string;
  author?: string;
}

/** Asks for everything missing in `given` (whether a procedure is a sub-procedure only when the type was asked too); returns the completed answers. */
export async function askMissing(p: Prompter, set: DocumentSet, given: Answers): Promise<Answers> {
  const a = { ...given };
  const org = set.organization.data;
  a.type ??= await choose(p, '要新建哪一类文件？', documentTypes.map((t) => ({ value: t, label: `${typeLabels[t]}（${t}）` })));
  const type = a.type as DocumentType;
  a.title ??= await required(p, `${fieldLabel('title')}（如 实验室安全管理）：`);
  if (!a.owner && org) {
    const options = departmentKinds.flatMap((k) => org.departments.filter((d) => d.kind === k).map((d) => ({ value: d.shortName, label: `${d.shortName}（${departmentKindLabels[k]}）` })));
    a.owner = await choose(p, `${fieldLabel('owners')}：`, options, (answer) => (org.departments.find((d) => [d.id, d.name, d.shortName].includes(answer)) ? answer : undefined));
  }
  if ((type === 'flow' || type === 'record' || type === 'regulation') && !a.procedure) {
    const procedures = set.documents.filter((d) => d.type === 'procedure' && d.data.number && isCurrent(d));
    if (procedures.length === 0) p.say('还没有程序文件：请先新建程序文件。');
    else a.procedure = await choose(p, '所属程序文件：', procedures.map((d) => ({ value: d.data.number!, label: `${d.data.number} ${d.data.title ?? ''}` })));
  }
  if (type === 'procedure' && a.subOf === undefined && given.type === undefined) {
    const answer = await p.ask('作为某个程序的分程序吗？是则输入上级编号（如 JMI/CX/08，将编为 JMI/CX/08-N），否则直接回车：');
    if (answer) a.subOf = answer;
  }
  if (type === 'standard' && !a.level) a.level = await choose(p, '标准的层面：', standardLevels.map((l) => ({ value: l, label: `${standardLevelLabels[l]}（${l}）` })));
  if (type === 'manual-section' && !a.part) a.part = await choose(p, '所属手册部分：', manualParts.map((m) => ({ value: m, label: `${manualPartLabels[m]}（${m}）` })));
  if (!a.author) a.author = await required(p, '编制人姓名：');
  return a;
}
