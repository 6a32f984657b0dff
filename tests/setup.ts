import { loadCsvFallback } from '@/data/csv'

// The page loads papaparse only when a file needs it (withCsvFallback); tests call the synchronous parsers directly.
await loadCsvFallback()
