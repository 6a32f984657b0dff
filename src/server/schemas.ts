/** JSON schemas of the API's bodies and answers: Fastify validates and serialises with them, and the OpenAPI document is made of them. */

const text = (maxLength: number) => ({ type: 'string', maxLength }) as const

export const errorSchema = {
  type: 'object',
  properties: {
    error: { type: 'string' },
    code: { type: 'string' },
    params: { type: 'object', additionalProperties: { type: ['string', 'number'] } },
    problems: { type: 'array', items: { type: 'object', properties: { path: { type: 'string' }, message: { type: 'string' }, code: { type: 'string' }, params: { type: 'object', additionalProperties: { type: ['string', 'number'] } } } } },
    current: { type: 'object', additionalProperties: true },
  },
} as const

export const observationSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['metric', 'region', 'period', 'value', 'qualifier', 'source'],
  properties: {
    metric: text(100),
    region: text(20),
    period: text(40),
    value: { type: 'number' },
    qualifier: { type: 'string', enum: ['=', '>=', '~', '<='] },
    source: text(200),
    quote: text(2000),
  },
} as const

export const storedObservationSchema = {
  type: 'object',
  properties: {
    ...observationSchema.properties,
    id: { type: 'string' },
    quoteStart: { type: ['integer', 'null'] },
    quoteEnd: { type: ['integer', 'null'] },
    status: { type: 'string', enum: ['active', 'withdrawn'] },
    version: { type: 'integer' },
  },
} as const

export const sourceSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'title', 'date'],
  properties: {
    id: text(200),
    title: text(500),
    publication: text(200),
    date: text(10),
    author: text(200),
    file: text(200),
    url: text(2000),
    note: text(5000),
  },
} as const

export const metricSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'name', 'nameEn', 'unit', 'kind', 'temporal', 'aggregate', 'category'],
  properties: {
    id: text(100),
    name: text(200),
    nameEn: text(300),
    unit: text(20),
    kind: { type: 'string', enum: ['count', 'rate'] },
    temporal: { type: 'string', enum: ['stock', 'flow', 'cumulative'] },
    aggregate: {
      type: 'object',
      additionalProperties: false,
      required: ['kind'],
      properties: { kind: { type: 'string', enum: ['sum', 'none', 'ratio'] }, numerator: text(100), denominator: text(100) },
    },
    category: text(200),
    definition: text(2000),
    aliases: { type: 'array', maxItems: 50, items: text(200) },
    target: { type: ['number', 'null'] },
  },
} as const

/** The most figures one batch may carry; a larger file is imported in parts. */
export const MAX_BATCH_ROWS = 200_000

export const batchSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['kind', 'name', 'observations'],
  properties: {
    kind: { type: 'string', enum: ['import', 'report'] },
    name: { type: 'string', minLength: 1, maxLength: 300 },
    fileName: text(300),
    sha256: { type: 'string', pattern: '^[0-9a-f]{64}$' },
    observations: { type: 'array', maxItems: MAX_BATCH_ROWS, items: observationSchema },
    sources: { type: 'array', maxItems: 1000, items: sourceSchema },
    metrics: { type: 'array', maxItems: 1000, items: metricSchema },
    reports: { type: 'object', maxProperties: 100, additionalProperties: text(5_000_000) },
  },
} as const

export const userSchema = {
  type: 'object',
  properties: {
    id: { type: 'integer' },
    username: { type: 'string' },
    role: { type: 'string' },
    regions: { type: 'array', items: { type: 'string' } },
    mustChangePassword: { type: 'boolean' },
  },
} as const

/** Region codes an editor writes for. */
export const regionsSchema = { type: 'array', maxItems: 200, uniqueItems: true, items: { type: 'string', pattern: '^[0-9]{6,12}$' } } as const

/** A user name: letters, digits and . _ -, so it reads plainly in the history. */
export const usernameSchema = { type: 'string', pattern: '^[\\p{L}\\p{N}._-]{2,40}$' } as const
export const passwordSchema = { type: 'string', minLength: 10, maxLength: 200 } as const
