/** Validation of matter and measure definitions the platform office installs (zod). */
import { z } from 'zod'
import { tiers } from '../catalog/catalog.ts'
import { AppError } from '../errors.ts'
import type { Matter } from './matters.ts'
import type { Measure } from './measures.ts'

const code = z.string().regex(/^[A-Z][A-Z0-9_]{1,31}$/, '代码为大写字母、数字或下划线 / upper-case letters, digits or underscores')
const listKind = z.enum(['red', 'focus', 'black'])

export const matterSchema = z.strictObject({
  code,
  name: z.string().min(1).max(100),
  nameEn: z.string().min(1).max(200),
  legalBasis: z.string().min(1).max(2000),
})

export const measureSchema = z
  .strictObject({
    code,
    name: z.string().min(1).max(200),
    nameEn: z.string().min(1).max(200),
    effect: z.enum(['incentive', 'punishment']),
    part: z.enum(['legal', 'management', 'market']),
    legalBasis: z.string().regex(/《.+》/, '法律依据须写明法律法规名称（《…》）/ name the law (《…》)').max(2000),
    implementers: z.array(z.string().min(1).max(32)).max(100),
    trigger: z.strictObject({
      lists: z.array(listKind).min(1).optional(),
      items: z.array(code).min(1).optional(),
      negativeTiers: z.array(z.enum(tiers)).min(1).optional(),
    }),
    matters: z.array(code).min(1).max(100),
  })
  .refine((m) => m.trigger.lists !== undefined || m.trigger.negativeTiers !== undefined, { message: '须指明触发的名单或失信记录 / name the lists or records that trigger it', path: ['trigger'] })
  .refine((m) => m.effect === 'punishment' || (m.trigger.negativeTiers === undefined && (m.trigger.lists ?? []).every((l) => l === 'red')), {
    message: '激励措施只能由红名单触发 / incentives are triggered by red lists only',
    path: ['trigger'],
  })
  .refine((m) => m.trigger.items === undefined || m.trigger.lists !== undefined, { message: '限定目录项时须指明名单类型 / items narrow a list kind', path: ['trigger', 'items'] })

function parse<T>(schema: z.ZodType<T>, input: unknown, what: string): T {
  const result = schema.safeParse(input)
  if (result.success) return result.data
  const issues = result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }))
  throw new AppError('MEASURE_DEFINITION_INVALID', `${what}定义有误：${issues.map((i) => `${i.path} ${i.message}`).join('；')}`, `Invalid ${what === '措施' ? 'measure' : 'matter'} definition`, { details: { issues } })
}

export const parseMeasure = (input: unknown): Measure => parse(measureSchema, input, '措施') as Measure
export const parseMatter = (input: unknown): Matter => parse(matterSchema, input, '事项')
