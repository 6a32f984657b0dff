/** A located problem in the data package: `observations.csv:17: region 371799 is not in regions.csv`. */
export interface DataMessage {
  level: 'error' | 'warning'
  file: string
  /** 1-based line in the file; absent for whole-file problems. */
  line?: number
  message: string
}

/** The one-line form used by the CLI, the banner and the tests. */
export function formatMessage(m: DataMessage): string {
  return m.line === undefined ? `${m.file}: ${m.message}` : `${m.file}:${m.line}: ${m.message}`
}

/** Orders messages by file, then line, so a reader can walk through a file top to bottom. */
export function sortMessages(messages: DataMessage[]): DataMessage[] {
  return [...messages].sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0))
}

/**
 * A plain, located message for an exception that escaped a reader: never the engine's own text ("Invalid string
 * length") nor a stack, which say nothing to the user.
 */
export function unexpectedMessage(file: string, e: unknown): DataMessage {
  const tooLarge = e instanceof RangeError || (e instanceof Error && /memory|allocation|string length|array length/i.test(e.message))
  return { level: 'error', file, message: tooLarge ? 'is too large to read' : 'could not be read: its content is not what a data package holds' }
}

/** An exception that escaped a reader of `file`, as an Error whose text is the located `unexpectedMessage`. */
export function located(file: string, e: unknown): Error {
  return new Error(formatMessage(unexpectedMessage(file, e)))
}
