import { describe, expect, it } from 'vitest'
import { extractFigures } from '../../src/extract/extract'
import { ctx } from './builders'

const qualifierOf = (text: string) => extractFigures(text, ctx()).map((f) => [f.value, f.qualifier])

describe('qualifiers of extractFigures', () => {
  it.each([
    ['开展活动500余次。', '>='],
    ['服务群众2000多人。', '>='],
    ['覆盖1000人以上。', '>='],
    ['超过300名志愿者参加。', '>='],
    ['约200名志愿者参加。', '~'],
    ['近千人受益。', '~'],
    ['参加人数50人左右。', '~'],
    ['规模不超过30人。', '<='],
    ['服务半径2公里以内。', '<='],
    ['覆盖率已达66.1%。', '='],
    ['参与人次达20000余人。', '>='],
  ])('reads %s as %s', (text, qualifier) => {
    expect(qualifierOf(text)[0]?.[1]).toBe(qualifier)
  })

  it('reads 三十余名 as at least 30', () => {
    expect(qualifierOf('组织三十余名骨干学习。')).toEqual([[30, '>=']])
  })

  it('reads a range 3至5个 as at least its lower end and keeps the upper one', () => {
    const [f] = extractFigures('全县选树3至5个示范点。', ctx())
    expect([f.value, f.value_max, f.qualifier, f.unit]).toEqual([3, 5, '>=', '个'])
  })
})
