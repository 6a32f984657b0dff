/** Where in a batch the server located a problem: `observations[3].quote` → the list, the item's index, the field. */
export interface ProblemPlace {
  list: string
  index: number
  field: string
}

const PATH = /^([A-Za-z]+)\[(\d+)\](?:\.(.+))?$/

/** The place a problem's path names, or null for a path that names no item (`reports.r1`, ``). */
export function locateProblem(path: string): ProblemPlace | null {
  const m = PATH.exec(path)
  return m ? { list: m[1], index: Number(m[2]), field: m[3] ?? '' } : null
}
