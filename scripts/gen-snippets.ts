#!/usr/bin/env node
/** node scripts/gen-snippets.ts: regenerates .vscode/shoukong.code-snippets from schema/frontmatter.schema.json (run after npm run schema). */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { editorSnippets } from '../src/authoring/snippets.ts';

const schema = JSON.parse(readFileSync('schema/frontmatter.schema.json', 'utf8'));
const target = '.vscode/shoukong.code-snippets';
writeFileSync(`${target}.tmp`, `${JSON.stringify(editorSnippets(schema), null, 2)}\n`);
renameSync(`${target}.tmp`, target);
process.stdout.write(`✔ 已生成 ${target}\n`);
