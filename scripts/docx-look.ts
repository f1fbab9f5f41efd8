#!/usr/bin/env node
/**
 * npm run docx:look [-- 编号…]: opens exported Word copies in LibreOffice (headless, converted to PDF)
 * and renders their pages to PNG with pdftoppm, to look at how Word-compatible software lays them out.
 * A script, not a test: it needs Debian's libreoffice-writer and poppler-utils, which CI does not have.
 * Run npm run export:docx first. Pages go to .cache/shoukong/docx-look/.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { slugOf } from '../src/render/urls.ts';

const root = process.cwd();
const numbers = process.argv.slice(2);
const picked = (numbers.length ? numbers : ['JMI/CX/13', 'JMI/LC/13-01', 'JMI/JL/13-01', 'JMI/ZD/13-02', 'JMI/SC/01']).map((n) => join(root, 'dist/docx', `${slugOf(n)}.docx`));
const missing = picked.filter((f) => !existsSync(f));
if (missing.length) {
  process.stderr.write(`找不到 ${missing.join('、')}：请先运行 npm run export:docx\n`);
  process.exit(1);
}
const out = join(root, '.cache/shoukong/docx-look');
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
// Linux has no 宋体 or 黑体: map them to Noto Serif/Sans CJK SC, as a Linux reader would, instead of
// letting LibreOffice fall back to whatever sans font comes first (Noto Sans CJK JP).
const alias = (family: string, to: string) => `<alias binding="same"><family>${family}</family><prefer><family>${to}</family></prefer></alias>`;
writeFileSync(
  join(out, 'fonts.conf'),
  `<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig><include ignore_missing="yes">/etc/fonts/fonts.conf</include>${alias('宋体', 'Noto Serif CJK SC')}${alias('SimSun', 'Noto Serif CJK SC')}${alias('黑体', 'Noto Sans CJK SC')}${alias('SimHei', 'Noto Sans CJK SC')}</fontconfig>`,
);
const office = spawnSync('libreoffice', ['--headless', '--convert-to', 'pdf', '--outdir', out, ...picked], { encoding: 'utf8', env: { ...process.env, FONTCONFIG_FILE: join(out, 'fonts.conf') } });
if (office.status !== 0) {
  process.stderr.write(`LibreOffice 转换失败（需要 Debian 包 libreoffice-writer）：${office.stderr || office.error}\n`);
  process.exit(1);
}
for (const pdf of readdirSync(out).filter((f) => f.endsWith('.pdf'))) {
  const r = spawnSync('pdftoppm', ['-png', '-r', '60', join(out, pdf), join(out, pdf.replace(/\.pdf$/, ''))]);
  if (r.status !== 0) process.stderr.write(`pdftoppm 失败：${pdf}\n`);
}
for (const png of readdirSync(out).filter((f) => f.endsWith('.png')).sort()) process.stdout.write(`${join(out, png)}\n`);
