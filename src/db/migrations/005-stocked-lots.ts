/**
 * Migration 5: an index of the lots that still hold something, in FIFO
 * order. Every FIFO draw and every price now (plans, shopping lists, the
 * recipe editor) reads an ingredient's stocked lots; emptied lots stay on
 * record for years, and without this index each read stepped over all of
 * them. A partial index: a lot leaves it when it is emptied.
 */
export const up = /* sql */ `
CREATE INDEX lots_stocked ON lots(ingredient_id, purchased_on, id) WHERE quantity_remaining > 0;
`;
