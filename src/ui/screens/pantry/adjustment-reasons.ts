/** Why a lot was adjusted, as the baker reads it: the dialog's choices and the adjustments list's words. */
export const ADJUSTMENT_REASONS = [
  { value: 'spoilage', label: 'Spoiled or thrown away' },
  { value: 'used_outside_app', label: 'Used outside the app' },
  { value: 'gift', label: 'Given away' },
  { value: 'correction', label: 'Correction (count was wrong)' },
  { value: 'other', label: 'Other (say what)' },
] as const;

export type AdjustmentReason = (typeof ADJUSTMENT_REASONS)[number]['value'];

/** Short words for a list row: "Spoiled", "Correction". */
export const REASON_WORDS: Record<AdjustmentReason, string> = {
  spoilage: 'Spoiled or thrown away',
  used_outside_app: 'Used outside the app',
  gift: 'Given away',
  correction: 'Correction',
  other: 'Other',
};
