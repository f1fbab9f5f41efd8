#!/usr/bin/env node
/**
 * npm run lock:placeholders — the registry these machines reach lacks some other platforms' optional
 * binaries (e.g. @astrojs/compiler-binding-darwin-arm64), so `npm install` leaves them out of
 * package-lock.json and `npm ci` then refuses the lock as out of sync. This adds an entry for each
 * missing optional dependency, marked with its os/cpu, so `npm ci` skips it on this platform and
 * installs it normally where it exists. Run it after any `npm install` that rewrites the lock.
 */
import { readFileSync, writeFileSync } from 'node:fs';

type Entry = { version?: string; optional?: boolean; os?: string[]; cpu?: string[]; libc?: string[]; optionalDependencies?: Record<string, string> };
const path = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(path, 'utf8')) as { packages: Record<string, Entry> };

const platforms: [RegExp, Partial<Entry>][] = [
  [/android-arm64/, { os: ['android'], cpu: ['arm64'] }],
  [/darwin-arm64/, { os: ['darwin'], cpu: ['arm64'] }],
  [/darwin-x64/, { os: ['darwin'], cpu: ['x64'] }],
  [/freebsd-x64/, { os: ['freebsd'], cpu: ['x64'] }],
  [/linux-arm64-gnu/, { os: ['linux'], cpu: ['arm64'], libc: ['glibc'] }],
  [/linux-arm64-musl/, { os: ['linux'], cpu: ['arm64'], libc: ['musl'] }],
  [/linux-arm64/, { os: ['linux'], cpu: ['arm64'] }],
  [/wasm32/, { cpu: ['wasm32'] }],
  [/(win32|windows)-arm64/, { os: ['win32'], cpu: ['arm64'] }],
  [/(win32|windows)-x64/, { os: ['win32'], cpu: ['x64'] }],
];

let added = 0;
for (const [key, entry] of Object.entries(lock.packages)) {
  for (const [name, version] of Object.entries(entry.optionalDependencies ?? {})) {
    const nested = `${key}/node_modules/${name}`;
    if (lock.packages[`node_modules/${name}`] || lock.packages[nested]) continue;
    const platform = platforms.find(([pattern]) => pattern.test(name))?.[1];
    if (!platform) {
      console.warn(`不认识平台，未补：${name}`);
      continue;
    }
    lock.packages[`node_modules/${name}`] = { version, optional: true, ...platform };
    added++;
  }
}
writeFileSync(path, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`package-lock.json：补上 ${added} 个其他平台的可选依赖占位`);
