// Drawing with the keyboard: arrow keys move a cursor, Space lifts or lowers
// the pen, and moving with the pen down draws a segment. Pure, so the key
// handling is tested without a canvas.

export interface PenState {
  x: number;
  y: number;
  down: boolean;
}

export type PenAction =
  | { type: 'none' }
  | { type: 'move'; from: [number, number]; to: [number, number]; draw: boolean }
  | { type: 'pen'; down: boolean }
  | { type: 'clear' };

/** Applies one key to the pen on a size×size canvas; step is the move length. */
export function penKey(state: PenState, key: string, shift: boolean, size: number, step = 14): { state: PenState; action: PenAction } {
  const d = shift ? Math.max(1, Math.round(step / 4)) : step;
  const moves: Record<string, [number, number]> = { ArrowLeft: [-d, 0], ArrowRight: [d, 0], ArrowUp: [0, -d], ArrowDown: [0, d] };
  const move = moves[key];
  if (move) {
    const x = Math.min(size, Math.max(0, state.x + move[0]));
    const y = Math.min(size, Math.max(0, state.y + move[1]));
    return { state: { ...state, x, y }, action: { type: 'move', from: [state.x, state.y], to: [x, y], draw: state.down } };
  }
  if (key === ' ' || key === 'Spacebar') {
    const down = !state.down;
    return { state: { ...state, down }, action: { type: 'pen', down } };
  }
  if (key === 'Delete' || key === 'Escape' || key === 'Backspace') {
    return { state: { ...state, down: false }, action: { type: 'clear' } };
  }
  return { state, action: { type: 'none' } };
}
