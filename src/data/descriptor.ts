// valibot: a schema library whose parts tree-shake one by one, so the page's first download carries ~2 KB of it.
import * as v from 'valibot'
import { compilePattern } from './patternEngine'

export { compilePattern }

const names = v.union([v.string(), v.array(v.string())])

/** Why the engine cannot compile a pattern, or null: such a pattern is a located problem, not a crash later. */
const compileError = (pattern: unknown): string | null => {
  if (typeof pattern !== 'string') return null
  try {
    compilePattern(pattern)
    return null
  } catch (e) {
    return (e as Error).message
  }
}

const field = v.looseObject({
  name: v.pipe(v.string(), v.minLength(1)),
  type: v.optional(v.string()),
  optional: v.optional(v.boolean()),
  constraints: v.optional(
    v.looseObject({
      required: v.optional(v.boolean()),
      enum: v.optional(v.array(v.string())),
      pattern: v.pipe(
        v.optional(v.string()),
        v.check((p) => compileError(p) === null, (issue) => `cannot be compiled (${compileError(issue.input)})`),
      ),
    }),
  ),
})

const resource = v.looseObject({
  name: v.pipe(v.string(), v.minLength(1)),
  path: v.string(),
  schema: v.looseObject({
    fields: v.array(field),
    primaryKey: v.optional(names),
    foreignKeys: v.optional(v.array(v.looseObject({ fields: names, reference: v.looseObject({ resource: v.string(), fields: names }) }))),
  }),
})

/** The part of a Frictionless Data Package descriptor the app reads, checked before any of it is used. */
export const descriptorSchema = v.looseObject({ resources: v.array(resource) })

/** One descriptor resource as checked by `descriptorSchema`. */
export type DescriptorResource = v.InferOutput<typeof resource>

/** Each schema failure as `where: what`, the place written the way the descriptor reads (`resources[0].schema`). */
export function descriptorProblems(issues: readonly v.BaseIssue<unknown>[]): string[] {
  return issues.map((issue) => {
    const keys = (issue.path ?? []).map((item) => item.key as PropertyKey)
    const where = keys.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`)).join('')
    const what = issue.kind !== 'schema' ? issue.message : issue.input === undefined ? 'is missing' : `expected ${TYPE_NAMES[issue.type] ?? issue.type}, received ${kindOf(issue.input)}`
    return where ? `${where}: ${what}` : what
  })
}

const TYPE_NAMES: Record<string, string> = { loose_object: 'object', object: 'object', array: 'array', string: 'string', boolean: 'boolean', union: 'a string or a list of strings' }
const kindOf = (value: unknown) => (value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value)

/** Checks a parsed descriptor: its resources, or every problem found. */
export function checkDescriptor(json: unknown): { ok: true; resources: DescriptorResource[] } | { ok: false; problems: string[] } {
  // valibot takes an array for an object; a descriptor is never one.
  if (Array.isArray(json)) return { ok: false, problems: ['expected object, received array'] }
  const parsed = v.safeParse(descriptorSchema, json)
  return parsed.success ? { ok: true, resources: parsed.output.resources } : { ok: false, problems: descriptorProblems(parsed.issues) }
}
