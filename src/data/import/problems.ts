import type { DataMessage } from '../messages'

/**
 * A located problem of an imported file: row, column, a code naming what is wrong and what was expected
 * (its text lives in src/i18n/features/import.ts under `problem.CODE`), and the values the text names.
 */
export interface ImportProblem {
  level: 'error' | 'warning'
  /** 1-based line of the CSV file or row of the sheet; absent for whole-file problems. */
  line?: number
  /** The column's header as the file writes it. */
  column?: string
  code: string
  params: Record<string, string | number>
}

/** Fills `{name}` placeholders of a message template (the CLI's side of what vue-i18n does in the app). */
export function fillTemplate(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? clip(String(params[name])) : whole))
}

/** The longest value a message repeats whole: a 3-million-character cell is named by its start and length. */
const MAX_QUOTED = 200

function clip(value: string): string {
  return value.length <= MAX_QUOTED ? value : `${value.slice(0, MAX_QUOTED)}…（${value.length}）`
}

/** The problem as a package message (`file:line: column: text`), with its text from `templates`. */
export function toDataMessage(p: ImportProblem, file: string, templates: Record<string, string>): DataMessage {
  const text = fillTemplate(templates[p.code] ?? p.code, p.params)
  return { level: p.level, file, line: p.line, message: p.column ? `${clip(p.column)}: ${text}` : text }
}

/** Orders problems by line, whole-file problems first; a line's problems keep their left-to-right order. */
export function sortProblems(problems: ImportProblem[]): ImportProblem[] {
  return [...problems].sort((a, b) => (a.line ?? 0) - (b.line ?? 0))
}
