import type { Metric, Region, RegionLevel } from '../../src/domain/types'
import type { ExtractContext } from '../../src/extract/types'

/** A gazetteer row. */
export function region(code: string, name: string, level: RegionLevel, parent: string | null, aliases: string[] = []): Region {
  return { code, name, level, parent, aliases }
}

/** A metric with the given unit and the phrases reports use for it. */
export function metric(id: string, name: string, unit: string, aliases: string[] = []): Metric {
  return {
    id, name, nameEn: id, unit, kind: unit === '%' ? 'rate' : 'count', temporal: 'stock',
    aggregate: { kind: 'none' }, category: '', definition: '', aliases, target: null,
  }
}

/** The city, its counties and a few towns, enough for the seed page and the cases below. */
export function smallGazetteer(): Region[] {
  return [
    region('371700', '菏泽市', 'city', null, ['菏泽']),
    region('371702', '牡丹区', 'county', '371700'),
    region('371703', '定陶区', 'county', '371700', ['定陶']),
    region('371721', '曹县', 'county', '371700'),
    region('371722', '单县', 'county', '371700'),
    region('371726', '鄄城县', 'county', '371700', ['鄄城']),
    region('371702101', '吴店镇', 'town', '371702', ['吴店']),
    region('371702001', '东城街道', 'town', '371702'),
    region('371722004', '东城街道', 'town', '371722'),
    region('371703002', '滨河街道', 'town', '371703', ['滨河']),
    region('371721121', '大集镇', 'town', '371721', ['大集']),
    region('371726113', '引马镇', 'town', '371726', ['引马']),
    region('371726002', '古泉街道', 'town', '371726', ['古泉']),
    region('371726002003', '虹桥社区', 'village', '371726002'),
    region('371702101201', '虹桥社区', 'village', '371702101'),
    region('371703002005', '刘庄村', 'village', '371703002'),
  ]
}

export function smallMetrics(): Metric[] {
  return [
    metric('assoc_party_coverage_rate', '行业协会商会党组织覆盖率', '%', ['党组织覆盖率']),
    metric('volunteer_activities', '志愿服务活动次数', '次', ['开展系列活动', '志愿服务活动']),
    metric('party_demo_sites', '党建示范点数', '家', ['党建示范点']),
  ]
}

/** A context for extractFigures with the small catalogues. */
export function ctx(date = '2025-01'): ExtractContext {
  return { date, regions: smallGazetteer(), metrics: smallMetrics() }
}
