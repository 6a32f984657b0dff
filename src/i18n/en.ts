import type zh from './zh-CN'

/** English messages; the type keeps them complete against the Chinese ones. */
const en: typeof zh = {
  app: {
    title: 'Heze Community Governance Indicators',
    subtitle: 'Every figure traces back to its report sentence',
    loading: 'Loading the data package…',
    loadFailed: 'The data package could not be loaded: {error}',
    language: '中文',
    decal: 'Print patterns',
    decalHint: 'Tell series apart by patterns and dash styles when printing in black and white',
  },
  chart: {
    noData: 'No figures for the selected regions',
    singlePoint: 'one period only',
    target: 'Target {value}',
    description: 'Trend of {metric}. Latest figure of each region: {values}.',
    nonExact: 'Hollow markers are not exact (余, 约, 以上…)',
    capped: '{total} regions have figures; the chart shows the {shown} with the largest latest value. Tick regions under “Regions” to see others.',
  },
  data: {
  },
  views: {
    label: 'Views',
    overview: 'Overview',
    trend: 'Trend',
    compare: 'Compare',
    map: 'Map',
    table: 'Table',
    sources: 'Sources',
    ingest: 'Add a report',
    import: 'Import data',
    audit: 'Audit trail',
  },
}

export default en
