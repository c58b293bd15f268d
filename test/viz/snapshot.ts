// SVG snapshots in the observablehq/plot style: render, make ids
// deterministic (resetIds), compare with a committed file; a mismatch writes
// `<name>-changed.svg` next to it so the difference can be looked at.
import { existsSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';

// import.meta.dirname, not new URL(): happy-dom replaces the global URL.
const dir = join(import.meta.dirname, 'snapshots') + '/';

/** One tag per line, so diffs of committed snapshots are readable. */
function pretty(svg: string): string {
  return svg.replace(/></g, '>\n<') + '\n';
}

export function expectSnapshot(name: string, svg: Element): void {
  const actual = pretty(svg.outerHTML);
  const file = `${dir}${name}.svg`;
  const changed = `${dir}${name}-changed.svg`;
  if (!existsSync(file)) {
    // A first run records the snapshot; in CI a missing snapshot is an error.
    if (process.env.CI) throw new Error(`missing snapshot ${file}: run the tests locally and commit it`);
    writeFileSync(file, actual);
    return;
  }
  const expected = readFileSync(file, 'utf8');
  if (actual === expected) {
    if (existsSync(changed)) unlinkSync(changed);
    return;
  }
  writeFileSync(changed, actual);
  expect(actual, `snapshot ${name} changed: compare ${name}-changed.svg with ${name}.svg, and replace it if the change is intended`).toBe(expected);
}
