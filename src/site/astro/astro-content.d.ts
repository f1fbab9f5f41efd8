/**
 * The part of Astro's virtual module `astro:content` used by the site's .ts endpoints, so that plain
 * `tsc` (which does not see Astro's generated types in .astro/) can check them.
 */
declare module 'astro:content' {
  export function getCollection(collection: 'documents' | 'site'): Promise<{ id: string; data: unknown }[]>;
}
