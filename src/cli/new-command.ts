/** `npm run new`: argv (and answers, in a terminal) in; a new document, its parent's lists and a report out. */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { runCheck } from '../check/run-check.ts';
import { countBySeverity, type Diagnostic } from '../diagnostics/diagnostic.ts';
import { formatPretty } from '../diagnostics/format-pretty.ts';
import { dateOptionError, localDate } from '../model/calendar-date.ts';
import { ownDocumentTypes as documentTypes, typeLabels, type OwnDocumentType as DocumentType } from '../model/document-types.ts';
import { loadDocument, loadDocumentSet, readSourceFile, shardedParseCache, type DocumentSet, type ParseCache } from '../model/load.ts';
import { parserVersion } from '../model/parser-version.ts';
import { manualParts } from '../model/schemas/manual-section.ts';
import { standardLevels } from '../model/schemas/standard.ts';
import { AuthoringError } from '../authoring/authoring-error.ts';
import { askMissing, PromptCancelled, terminalPrompter, type Answers, type Prompter } from '../authoring/prompts.ts';
import { planNewDocument, writePlan, type NewDocumentPlan } from '../authoring/scaffold.ts';
import { placeholder } from '../authoring/templates.ts';
import { isAnswer, readOptions, type CommandEnv, type CommandResult } from './command.ts';


export const newUsage = `用法：npm run new -- [选项]        （在终端中运行且缺少选项时逐项提问）
  --type <类型>          procedure 程序文件 / flow 流程 / regulation 制度 / record 质量记录 / standard 标准 / manual-section 质量手册
  --title <名称>         文件名称
  --owner <部门>         牵头部门：organization.yaml 中的简称、全称或编号
  --procedure <编号>     流程、制度、质量记录所属的程序文件，如 JMI/CX/13（新编号会加入该程序的 flows/regulations/records）
  --sub-of <编号>        新程序作为分程序，如 --sub-of JMI/CX/08 得到 JMI/CX/08-7
  --number <编号>        指定编号（默认分配下一个空闲编号）；已被使用或不符合编号规则时拒绝
  --level <层面>         标准的层面：${standardLevels.join(' / ')}
  --part <部分>          手册章节所属部分：${manualParts.join(' / ')}
  --author <姓名>        编制人（默认 git config user.name）
  --today YYYY-MM-DD     修订记录的日期（默认今天）
  --root <目录>          文件体系所在目录（默认当前目录）
  --yes                  不提问、不确认（脚本中使用）
退出码：成功 0；输入有误或编号冲突 1；参数错误 2。`;

/** Where the command runs. `prompter` is given only when stdin is a terminal. */
export interface NewCommandEnv {
  cwd: string;
  prompter?: Prompter;
  color?: boolean;
}

const typeByLabel = new Map<string, DocumentType>(documentTypes.flatMap((t) => [[t, t], [typeLabels[t], t]] as [string, DocumentType][]));
typeByLabel.set('质量手册章节', 'manual-section');

export async function newCommand(argv: string[], env: NewCommandEnv): Promise<CommandResult> {
  const read = readOptions(
    argv,
    {
      type: { type: 'string' },
      title: { type: 'string' },
      owner: { type: 'string' },
      procedure: { type: 'string' },
      'sub-of': { type: 'string' },
      number: { type: 'string' },
      level: { type: 'string' },
      part: { type: 'string' },
      author: { type: 'string' },
      today: { type: 'string' },
      root: { type: 'string' },
      yes: { type: 'boolean', short: 'y', default: false },
    },
    newUsage,
  );
  if (isAnswer(read)) return read;
  const { values } = read;
  const badToday = values.today === undefined ? undefined : dateOptionError('--today', values.today);
  if (badToday) return usageError(badToday);
  const root = values.root ? resolve(env.cwd, values.root) : env.cwd;
  // The same parse cache as npm run check, so unchanged files are not parsed again (here and in the check after writing).
  const cache = shardedParseCache(join(root, '.cache/shoukong'), parserVersion());
  const set = loadDocumentSet(root, { cache });
  const gitAuthor = values.author ?? gitUserName(root);
  let answers: Answers = {
    ...pick({ type: values.type, title: values.title, owner: values.owner, procedure: values.procedure, subOf: values['sub-of'], level: values.level, part: values.part }),
    ...(gitAuthor ? { author: gitAuthor } : {}),
  };
  // Confirm at the end only when something was asked: with every option given, a terminal run is as quiet as a script.
  let asked = 0;
  if (env.prompter !== undefined && !values.yes) {
    const prompter = env.prompter;
    try {
      answers = await askMissing({ ...prompter, ask: (q) => (asked++, prompter.ask(q)) }, set, answers);
    } catch (error) {
      if (error instanceof PromptCancelled) return cancelled();
      throw error;
    }
  }
  const interactive = asked > 0;

  const type = answers.type ? typeByLabel.get(answers.type) : undefined;
  if (answers.type && !type) return usageError(`未知的文件类型 "${answers.type}"，应为 ${documentTypes.join('、')}`);
  if (answers.level && !(standardLevels as readonly string[]).includes(answers.level)) return usageError(`未知的标准层面 "${answers.level}"，应为 ${standardLevels.join('、')}`);
  if (answers.part && !(manualParts as readonly string[]).includes(answers.part)) return usageError(`未知的手册部分 "${answers.part}"，应为 ${manualParts.join('、')}`);
  const missing = [!type && '--type', !answers.title && '--title', !answers.owner && '--owner', !answers.author && '--author（或 git config user.name）'].filter(Boolean);
  if (missing.length > 0) return usageError(`缺少 ${missing.join('、')}${env.prompter ? '' : '（不在终端中运行时不会提问，请用选项给出）'}`);

  const today = values.today ?? localDate();
  let plan: NewDocumentPlan;
  try {
    plan = planNewDocument(set, {
      type: type!,
      title: answers.title!,
      owner: answers.owner!,
      author: answers.author!,
      today,
      ...pick({ procedure: answers.procedure, number: values.number, subOf: answers.subOf }),
      ...(answers.level ? { level: answers.level as (typeof standardLevels)[number] } : {}),
      ...(answers.part ? { part: answers.part as (typeof manualParts)[number] } : {}),
    });
  } catch (error) {
    return failure(error);
  }
  if (interactive) {
    env.prompter!.say(describePlan(plan, type!));
    const ok = await env.prompter!.ask('确认新建？(Y/n)：').catch((error: unknown) => {
      if (error instanceof PromptCancelled) return 'n';
      throw error;
    });
    if (/^n/i.test(ok)) return cancelled();
  }
  // What is written must pass its own check: errors in the new file (a bad date, a template gap) stop it here, before any write.
  const refused = errorsOfPlannedFile(set, plan, today);
  if (refused.length > 0) {
    const readSource = (file: string) => (file === plan.created.path ? plan.created.text : readSourceFile(root, file));
    return { exitCode: 1, stdout: '', stderr: `✖ 新文件没有通过检查，没有写入任何文件：\n${formatPretty(refused, { readSource, color: env.color ?? false })}\n` };
  }
  try {
    writePlan(root, plan);
  } catch (error) {
    return failure(error);
  }
  const stdout = report(root, plan, type!, today, env.color ?? false, cache);
  cache.save();
  return { exitCode: 0, stdout, stderr: '' };
}

/** `npm run new` in a terminal: asks for what is missing when stdin and stdout are a terminal, else takes the flags only. */
export async function newCommandInTerminal(argv: string[], env: Pick<CommandEnv, 'cwd' | 'color'>): Promise<CommandResult> {
  const prompter = process.stdin.isTTY && process.stdout.isTTY ? terminalPrompter(process.stdin, process.stdout) : undefined;
  try {
    return await newCommand(argv, { ...env, ...(prompter ? { prompter } : {}) });
  } finally {
    prompter?.close();
  }
}

/** The errors the check finds in the new file, with the plan applied to the set in memory. */
function errorsOfPlannedFile(set: DocumentSet, plan: NewDocumentPlan, today: string): Diagnostic[] {
  const encode = (text: string) => new TextEncoder().encode(text);
  const documents = set.documents.filter((d) => d.path !== plan.parent?.path);
  documents.push(loadDocument(plan.created.path, encode(plan.created.text)));
  if (plan.parent) documents.push(loadDocument(plan.parent.path, encode(plan.parent.text)));
  documents.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return runCheck({ ...set, documents }, { today }).filter((d) => d.file === plan.created.path && d.severity === 'error');
}

function describePlan(plan: NewDocumentPlan, type: DocumentType): string {
  const lines = [`将新建${typeLabels[type]} ${plan.number}：${plan.created.path}`];
  if (plan.parent) lines.push(`并在 ${plan.parent.number} 的 ${plan.parent.list} 中加入 ${plan.number}（${plan.parent.path}）`);
  return lines.join('\n');
}

function report(root: string, plan: NewDocumentPlan, type: DocumentType, today: string, color: boolean, cache: ParseCache): string {
  const out = [`✔ 已新建${typeLabels[type]} ${plan.number}：${plan.created.path}`];
  const parent = plan.parent;
  if (parent) {
    out.push(`✔ 已在程序文件 ${parent.number} 的 ${parent.list} 中加入 ${plan.number}${parent.bodyChanged ? '，正文相应一节也已列出' : '（正文中的清单请手工补上）'}：${parent.path}`);
    if (parent.effective) {
      out.push(
        `  注意：${parent.number} 是现行文件，这一改动属于内容修改。合并前请把它升版（如 ${parent.version} → 下一修改状态），`,
        `  在 revisions 中加一条修订记录，并把 effectiveDate 改为新版本的生效日期；否则合并请求的变更控制检查会报 change/version-not-raised。`,
      );
    }
  }
  const set = loadDocumentSet(root, { cache });
  const mine = new Set([plan.created.path, ...(parent ? [parent.path] : [])]);
  const diagnostics = runCheck(set, { today }).filter((d) => mine.has(d.file));
  const { errors, warnings } = countBySeverity(diagnostics);
  if (diagnostics.length === 0) out.push('✔ 检查：新文件和所属程序没有问题');
  else {
    const readSource = (file: string) => readFileSync(join(root, file), 'utf8');
    out.push(`检查：${errors} 个错误，${warnings} 个警告`, formatPretty(diagnostics, { readSource, color }));
  }
  const todo = plan.created.text.split(placeholder).length - 1;
  out.push(
    '',
    '下一步：',
    `  1. 打开 ${plan.created.path}，把所有“${placeholder}”换成正式内容（共 ${todo} 处）`,
    '  2. npm run check',
    `  3. git add ${[...mine].join(' ')} && git commit -m "新建 ${plan.number}"`,
  );
  return `${out.join('\n')}\n`;
}

function gitUserName(cwd: string): string | undefined {
  try {
    return execFileSync('git', ['config', 'user.name'], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim() || undefined;
  } catch {
    return undefined;
  }
}


function pick<T extends Record<string, string | undefined>>(values: T): { [K in keyof T]?: string } {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined)) as { [K in keyof T]?: string };
}

function cancelled(): CommandResult {
  return { exitCode: 1, stdout: '', stderr: '\n已取消，没有写入任何文件。\n' };
}

function usageError(message: string): CommandResult {
  return { exitCode: 2, stdout: '', stderr: `${message}\n\n${newUsage}\n` };
}

function failure(error: unknown): CommandResult {
  if (error instanceof AuthoringError) return { exitCode: 1, stdout: '', stderr: `✖ ${error.message}\n  改法：${error.hint}\n` };
  if ((error as NodeJS.ErrnoException).code === 'EEXIST') return { exitCode: 1, stdout: '', stderr: `✖ 文件已存在，不会覆盖：${(error as NodeJS.ErrnoException).path}\n` };
  throw error;
}
