// Ids for aria-labelledby/-describedby. A counter rather than random ids, so
// snapshot tests are deterministic (they call resetIds() before rendering).
let counter = 0;

export function uid(prefix: string): string {
  counter += 1;
  return `viz-${prefix}-${counter}`;
}

export function resetIds(): void {
  counter = 0;
}
