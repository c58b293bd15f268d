// axe-core in a real page: its source is injected from node_modules (never a
// CDN) and run with the WCAG 2.0/2.1/2.2 A and AA rules.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** One element that breaks one rule. */
export interface Finding {
  page: string;
  rule: string;
  impact: string;
  target: string;
  detail: string;
}

/**
 * Third-party markup we cannot change, each with the upstream reason. Our own
 * components are never excluded.
 */
export const THIRD_PARTY_EXCLUDES: string[] = [];

export async function sweep(page: Page, label: string, exclude: string[] = THIRD_PARTY_EXCLUDES): Promise<Finding[]> {
  // The page's Content-Security-Policy (a <meta>: inline scripts only by
  // hash) refuses a <script> tag added with axe's source, as it should.
  // Playwright's evaluate hands the source to the page through the DevTools
  // protocol, not as a script element, so the hash list does not apply: axe
  // runs inside the real page while the policy stays in force for everything
  // the page itself does. A context with `bypassCSP` would instead sweep a
  // page without its policy, one no learner ever sees.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  const violations = await page.evaluate(
    async ({ tags, exclude }) => {
      const axe = (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: AxeViolation[] }> } }).axe;
      interface AxeViolation {
        id: string;
        impact: string | null;
        nodes: { target: unknown[]; any: { message: string }[]; all: { message: string }[]; none: { message: string }[] }[];
      }
      const context = exclude.length ? { include: [document], exclude: exclude.map((selector) => [selector]) } : document;
      const result = await axe.run(context, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
      return result.violations.flatMap((v) =>
        v.nodes.map((node) => ({
          rule: v.id,
          impact: v.impact ?? 'unknown',
          target: node.target.map((t) => (Array.isArray(t) ? t.join(' >> ') : String(t))).join(' >> '),
          detail: [...node.any, ...node.all, ...node.none].map((check) => check.message).join(' / ').slice(0, 240),
        })),
      );
    },
    { tags: WCAG_TAGS, exclude },
  );
  return violations.map((v) => ({ page: label, ...v }));
}

export const isBlocking = (finding: Finding) => finding.impact === 'serious' || finding.impact === 'critical';

export const formatFinding = (f: Finding) => `${f.page}: ${f.rule} (${f.impact}) at ${f.target} — ${f.detail}`;

/**
 * Expressive Code makes a code block that scrolls sideways focusable from a
 * script (a ResizeObserver, then 250 ms, then an idle callback): wait for it,
 * as a keyboard user would, before judging scrollable regions. If it never
 * happens, axe reports the block.
 */
export async function settle(page: Page): Promise<void> {
  await page
    .waitForFunction(
      () => [...document.querySelectorAll<HTMLElement>('.expressive-code pre')].every((pre) => pre.scrollWidth <= pre.clientWidth || pre.hasAttribute('tabindex')),
      undefined,
      { timeout: 5_000 },
    )
    .catch(() => undefined);
}

/** Sets the Starlight theme the way its theme picker does (storage + attribute). */
export async function setTheme(page: Page, theme: 'light' | 'dark'): Promise<void> {
  await page.evaluate((t) => {
    localStorage.setItem('starlight-theme', t);
    document.documentElement.dataset.theme = t;
  }, theme);
}
