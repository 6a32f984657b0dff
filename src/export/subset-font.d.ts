/** subset-font ships no types; this covers the one call the export font code makes. */
declare module 'subset-font' {
  export default function subsetFont(
    font: Uint8Array,
    text: string,
    options?: { targetFormat?: 'sfnt' | 'truetype' | 'woff' | 'woff2'; noHinting?: boolean; keepFeatures?: string[]; dropTables?: string[] },
  ): Promise<Buffer>
}
