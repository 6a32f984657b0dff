/** Okabe–Ito colours: distinguishable with the common colour-vision deficiencies. */
export const PALETTE = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000', '#F0E442'] as const

/** Colour of the n-th series, cycling through the palette. */
export function seriesColor(n: number): string {
  return PALETTE[n % PALETTE.length]
}
