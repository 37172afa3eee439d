import axe from 'axe-core';

/** axe is slow in jsdom, more so when several projects' tests run at once. */
export const AXE_TIMEOUT_MS = 30_000;

/**
 * Serious and critical WCAG 2.1 A/AA violations axe finds in `element` (specs only; the e2e
 * suite scans the real pages in Chromium). jsdom has no layout, so colour contrast is left to e2e.
 */
export async function seriousA11yViolations(element: Element): Promise<string[]> {
  const results = await axe.run(element, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    rules: { 'color-contrast': { enabled: false } },
  });
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id} (${violation.impact}): ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}
