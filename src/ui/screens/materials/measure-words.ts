/** How a baker says what a material is measured by. */
export const MEASURE_WORDS = { each: 'by the piece', length: 'by length', area: 'by area' } as const;
