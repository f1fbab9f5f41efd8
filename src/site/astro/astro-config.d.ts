/** The part of Astro's virtual module `astro:config/client` used by site-base.ts, so that plain `tsc` can check it. */
declare module 'astro:config/client' {
  export const base: string;
}
