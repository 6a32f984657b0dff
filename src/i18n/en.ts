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
    problems: 'The data package has {errors} errors and {warnings} warnings; rows with problems were skipped, the rest is shown.',
    showProblems: 'Details',
    dropped: 'The link names things the data does not have: {items}',
    droppedSeparator: '; ',
    droppedMetric: 'unknown metric “{value}” ignored',
    droppedRegion: 'unknown region code “{value}” ignored',
    droppedFrom: 'start period “{value}” not understood, ignored',
    droppedTo: 'end period “{value}” not understood, ignored',
    droppedAt: 'period “{value}” not understood, showing the latest',
    droppedLang: 'language “{value}” not understood, ignored',
    droppedTable: 'table form “{value}” not understood, showing the list',
    droppedSort: 'sort “{value}” not understood, in the default order',
    droppedFigure: 'figure “{value}” not found in this data, showing the whole source',
    droppedDecal: 'print pattern switch “{value}” not understood, ignored',
    droppedEmbed: 'embedding switch “{value}” not understood, showing the whole dashboard',
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
