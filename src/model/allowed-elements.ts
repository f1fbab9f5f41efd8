/** The MDX elements a controlled document may use, with the attributes each may carry (all plain strings). */
export const allowedElements: Readonly<Record<string, readonly string[]>> = {
  /** 提示框：<Note title="注意">…</Note> */
  Note: ['title'],
  br: [],
  sup: [],
  sub: [],
  u: [],
  mark: [],
};
