/**
 * The exploded view of a good as one line a baker reads at a glance:
 * "1 Holiday gift box = 6 Almond shortbread cookie + 4 Almond flour brownie
 * + 1 Biscotti tin (= 6 Almond biscotti + 1 tin + 1 seal) + 1 window box
 * + 1 bow (18 in)". Counts come from the worker's explosion; this only
 * writes them out.
 */
import type { ResultOf } from '../../../rpc/contract';
import { LOCALE } from '../../locale';

export type ExplodedNode = ResultOf<'goods.explode'>['tree'];

const count = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 3 });

function parts(node: ExplodedNode): string {
  if (node.lines.length === 0) return 'nothing yet';
  return node.lines
    .map((l) => {
      const head = `${count.format(l.count)} ${l.name}`;
      if (l.kind === 'good') return `${head} (= ${parts(l.node)})`;
      return l.kind === 'material' && l.generic ? `${head} (any)` : head;
    })
    .join(' + ');
}

export function explodedText(node: ExplodedNode): string {
  return `${count.format(node.quantity)} ${node.good.name} = ${parts(node)}`;
}
