/**
 * Twelve colours, so the city, its nine counties and its two zones never share one: Okabe–Ito's seven (without its
 * yellow, unreadable as a line on white) first, as they stay apart with the common colour-vision deficiencies, then
 * five darker hues from Paul Tol's palettes that differ from them in lightness too.
 */
export const PALETTE = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000', '#882255', '#999933', '#332288', '#8C564B', '#7F7F7F'] as const

/** Colour of the n-th series, cycling through the palette. */
export function seriesColor(n: number): string {
  return PALETTE[n % PALETTE.length]
}
