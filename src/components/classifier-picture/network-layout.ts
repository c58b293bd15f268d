// Where to draw a Dense network's layers in a small picture: one column per
// layer, at most `shown` nodes each (a gap marks the nodes left out), every
// node joined to every node of the next column, as a Dense layer is.

export interface LayoutNode {
  x: number;
  y: number;
}

export interface NetworkLayout {
  /** Per layer: its size, the nodes drawn and, when some are left out, where the gap is. */
  columns: { units: number; x: number; nodes: LayoutNode[]; gapY?: number }[];
  edges: { from: LayoutNode; to: LayoutNode }[];
}

/** Coordinates to a tenth of a unit: the picture is inline in the page, so digits cost bytes. */
const tenth = (value: number) => Math.round(value * 10) / 10;

/** Layers of `units` laid out in a `width` × `height` box; `shown` nodes at most per column. */
export function networkLayout(units: readonly number[], width: number, height: number, shown = 6): NetworkLayout {
  const step = height / (shown + 1);
  const columns = units.map((count, i) => {
    const x = tenth(units.length === 1 ? width / 2 : (width * i) / (units.length - 1));
    const drawn = Math.min(count, shown);
    const cut = count > shown;
    // With a gap, the nodes sit in two halves around it; all evenly spaced and centred.
    const slots = cut ? drawn + 1 : drawn;
    const top = (height - (slots - 1) * step) / 2;
    const ys = Array.from({ length: slots }, (_, k) => tenth(top + k * step));
    const gapIndex = cut ? Math.floor(slots / 2) : -1;
    const nodes = ys.filter((_, k) => k !== gapIndex).map((y) => ({ x, y }));
    return cut ? { units: count, x, nodes, gapY: ys[gapIndex]! } : { units: count, x, nodes };
  });
  const edges = columns.slice(1).flatMap((column, i) => columns[i]!.nodes.flatMap((from) => column.nodes.map((to) => ({ from, to }))));
  return { columns, edges };
}
