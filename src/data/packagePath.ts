/** The longest path a package may name, in characters: file systems refuse much past this anyway. */
export const MAX_PATH_LENGTH = 255

/** The most bytes one package file may have before a reader refuses it (a table of a million figures is ~60 MB). */
export const MAX_FILE_BYTES = 256 * 1024 * 1024

/**
 * Why a path named by a package (`resources[].path`, `sources.file`) may not be read, or null when it may: it must be
 * a plain relative path that stays inside the package folder. Readers that can follow links check that too.
 */
export function packagePathProblem(path: unknown): string | null {
  if (typeof path !== 'string' || path.trim() === '') return 'the path is empty'
  const shown = JSON.stringify(path.length > 60 ? path.slice(0, 60) + '…' : path)
  if (path.length > MAX_PATH_LENGTH) return `the path ${shown} is longer than ${MAX_PATH_LENGTH} characters`
  // Control characters (a null byte above all) cut or change the name a file system sees.
  if (/[\u0000-\u001f\u007f]/.test(path)) return `the path ${shown} holds a control character`
  if (/^[a-z][a-z0-9+.-]*:/i.test(path)) return `the path ${shown} is a URL or a drive: it must be relative to the package folder`
  if (path.startsWith('/') || path.startsWith('\\')) return `the path ${shown} is absolute: it must be relative to the package folder`
  if (path.split(/[/\\]/).some((part) => part === '..')) return `the path ${shown} leaves the package folder`
  return null
}
