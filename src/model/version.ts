/** Version schemes: ordered version labels such as A/0 < A/1 < B/0 (版次/修改状态). */
import type { Organization } from './schemas/organization.ts';

export type VersionScheme = Organization['versionScheme'];

/** Parses a version into a sortable pair, or undefined when it does not follow the scheme. */
export function parseVersion(scheme: VersionScheme, version: string): [number, number] | undefined {
  const parts = version.split(scheme.separator);
  if (parts.length !== 2) return undefined;
  const [major, minor] = parts as [string, string];
  if (!/^\d+$/.test(minor)) return undefined;
  if (scheme.style === 'letter-number') {
    if (!/^[A-Z]$/.test(major)) return undefined;
    return [major.charCodeAt(0) - 64, Number(minor)];
  }
  if (!/^\d+$/.test(major)) return undefined;
  return [Number(major), Number(minor)];
}

/** Negative when a < b; undefined when either does not follow the scheme. */
export function compareVersions(scheme: VersionScheme, a: string, b: string): number | undefined {
  const pa = parseVersion(scheme, a);
  const pb = parseVersion(scheme, b);
  if (!pa || !pb) return undefined;
  return pa[0] - pb[0] || pa[1] - pb[1];
}

/** Human description of the scheme for messages, e.g. “A/0、A/1、B/0”. */
export function describeScheme(scheme: VersionScheme): string {
  const s = scheme.separator;
  return scheme.style === 'letter-number' ? `A${s}0、A${s}1、B${s}0` : `1${s}0、1${s}1、2${s}0`;
}

/** The first version of a new document. */
export function firstVersion(scheme: VersionScheme): string {
  return scheme.style === 'letter-number' ? `A${scheme.separator}0` : `1${scheme.separator}0`;
}
