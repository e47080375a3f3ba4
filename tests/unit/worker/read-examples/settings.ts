import type { ReadExamples } from './types';

export const settingsExamples: ReadExamples = {
  'settings.get': () => undefined,
};
