/**
 * Freezes a value and everything in it, for data one run hands to the next in the same process (the
 * parse cache's entries, the site model): code that changed it would throw instead of changing what
 * the next run reads. Stops at what is frozen already, so freezing again costs one check.
 */
export function deepFreeze(value: unknown): void {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return;
  Object.freeze(value);
  for (const inner of Object.values(value)) deepFreeze(inner);
}
