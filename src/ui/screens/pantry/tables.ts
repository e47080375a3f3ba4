/** The tables each pantry screen shows, so a 'changed' notice for any of them reloads it. */
export const PANTRY_TABLES = ['lots', 'purchases', 'products', 'ingredients', 'lot_adjustments', 'suppliers'] as const;
