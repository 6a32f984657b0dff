import { RE2JS } from 're2js'
import { z } from 'zod'

/** A pattern from data, compiled by a linear-time engine: no cell can make it backtrack for minutes. */
export function compilePattern(pattern: string): { test: (value: string) => boolean } {
  const re = RE2JS.compile(pattern)
  return { test: (value) => re.matches(value) }
}

const names = z.union([z.string(), z.array(z.string())])

const field = z.looseObject({
  name: z.string().min(1),
  type: z.string().optional(),
  constraints: z
    .looseObject({
      required: z.boolean().optional(),
      enum: z.array(z.string()).optional(),
      pattern: z
        .string()
        .optional()
        .superRefine((pattern, ctx) => {
          if (pattern === undefined) return
          try {
            compilePattern(pattern)
          } catch (e) {
            ctx.addIssue({ code: 'custom', message: `cannot be compiled (${(e as Error).message})` })
          }
        }),
    })
    .optional(),
})

const resource = z.looseObject({
  name: z.string().min(1),
  path: z.string(),
  schema: z.looseObject({
    fields: z.array(field),
    primaryKey: names.optional(),
    foreignKeys: z.array(z.looseObject({ fields: names, reference: z.looseObject({ resource: z.string(), fields: names }) })).optional(),
  }),
})

/** The part of a Frictionless Data Package descriptor the app reads, checked before any of it is used. */
export const descriptorSchema = z.looseObject({ resources: z.array(resource) })

/** One descriptor resource as checked by `descriptorSchema`. */
export type DescriptorResource = z.infer<typeof resource>

/** Each schema failure as `where: what`, the place written the way the descriptor reads (`resources[0].schema`). */
export function descriptorProblems(error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    const where = issue.path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`)).join('')
    const what = issue.message.replace(/^Invalid input: /, '')
    return where ? `${where}: ${what}` : what
  })
}
