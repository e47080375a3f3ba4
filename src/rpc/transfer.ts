/**
 * Which buffers a message can hand over instead of copying: binary values at
 * the top of a payload or one level inside it (an export file in a result, a
 * backup file in a request). Whoever sends such a value gives it up: after
 * the call its buffer is empty on the sending side.
 */
export function transferablesOf(value: unknown): Transferable[] {
  const found = new Set<ArrayBuffer>();
  const visit = (v: unknown, depth: number): void => {
    if (v instanceof ArrayBuffer) found.add(v);
    else if (ArrayBuffer.isView(v) && v.buffer instanceof ArrayBuffer) found.add(v.buffer);
    else if (depth > 0 && Array.isArray(v)) for (const item of v) visit(item, depth - 1);
    else if (depth > 0 && v !== null && typeof v === 'object') for (const item of Object.values(v)) visit(item, depth - 1);
  };
  visit(value, 2);
  return [...found];
}
