/** The app's places in the navigation, in the one order used on every screen size. */

export type TabName = 'dashboard' | 'plan' | 'shop' | 'make' | 'pantry' | 'recipes' | 'goods' | 'settings';

export const tabs: readonly { name: TabName; label: string }[] = [
  { name: 'dashboard', label: 'Dashboard' },
  { name: 'plan', label: 'Plan' },
  { name: 'shop', label: 'Shop' },
  { name: 'make', label: 'Make' },
  { name: 'pantry', label: 'Pantry' },
  { name: 'recipes', label: 'Recipes' },
  { name: 'goods', label: 'Goods' },
  { name: 'settings', label: 'Settings' },
];

/** The places a phone's tab bar shows directly; the rest sit behind "More". */
export const primaryTabs: ReadonlySet<TabName> = new Set(['dashboard', 'plan', 'shop', 'make', 'pantry']);
