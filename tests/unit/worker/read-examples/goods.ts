import { idOf, type ReadExamples } from './types';

/** The sample's gift box: finished units, a nested tin and packaging, one line generic. */
const giftBox = (db: Parameters<ReadExamples[string]>[0]) => idOf(db, "SELECT id FROM finished_goods WHERE slug = 'holiday-gift-box'");

export const goodsExamples: ReadExamples = {
  'goods.list': () => ({ query: 'box' }),
  'goods.get': (db) => ({ id: giftBox(db) }),
  'goods.explode': (db) => ({ goodId: giftBox(db), quantity: 40 }),
  'goods.cost': (db) => ({ goodId: giftBox(db), quantity: 2 }),
  'goods.explodeDraft': (db) => ({ name: 'Big box', lines: [{ kind: 'good', goodId: giftBox(db), quantity: 2 }], quantity: 3 }),
  'goods.costDraft': (db) => ({ name: 'Big box', lines: [{ kind: 'good', goodId: giftBox(db), quantity: 2 }], quantity: 3 }),
};
