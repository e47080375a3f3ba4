import type { ReadExamples } from './types';

export const snapshotExamples: ReadExamples = {
  'snapshot.export': () => undefined,
};
