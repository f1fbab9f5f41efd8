/** Writing YAML values by hand, so that generated frontmatter reads like the hand-written documents. */

const needsQuotes = /^[\s\-?:,\[\]{}#&*!|>'"%@`]|[:#,\[\]{}]\s|[,\[\]{}]|\s$|^(true|false|null|yes|no|on|off|~)$|^[\d.+-]/i;

/** A scalar as plain text when that is safe, otherwise as a double-quoted string (valid YAML and JSON). */
export function yamlScalar(value: string): string {
  return value === '' || needsQuotes.test(value) ? JSON.stringify(value) : value;
}

/** A flow list such as `[质管办, 教务处]`. */
export function yamlFlowList(items: readonly string[]): string {
  return `[${items.map(yamlScalar).join(', ')}]`;
}
