import { expect, Page } from '@playwright/test';

/** A phone's viewport (an iPhone 12 to 15 held upright). */
export const PHONE = { width: 390, height: 844 } as const;

interface SidewaysOverflow {
  readonly viewport: number;
  /** The document's and the content pane's scroll widths (the app's content scrolls inside its pane). */
  readonly document: number;
  readonly pane: number;
  readonly paneWidth: number;
  /** The outermost elements that stick out to the right, outside any scroll region of their own. */
  readonly culprits: string[];
}

/**
 * Fails when the page scrolls sideways: neither the document nor the app's content pane may be wider
 * than the window. A wide table may scroll inside a region of its own. The failure names the elements
 * that stick out.
 */
export async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const found = await page.evaluate((): SidewaysOverflow => {
    const viewport = window.innerWidth;
    const pane = document.querySelector('main')?.closest('mat-sidenav-content') ?? document.documentElement;
    const clipsSideways = (element: Element) => ['auto', 'scroll', 'hidden', 'clip'].includes(getComputedStyle(element).overflowX);
    const inScrollRegion = (element: Element) => {
      for (let parent = element.parentElement; parent && parent !== pane; parent = parent.parentElement) {
        if (clipsSideways(parent)) return true;
      }
      return false;
    };
    const sticksOut = (element: Element) => element.getBoundingClientRect().right > viewport + 0.5 && !inScrollRegion(element);
    const culprits = Array.from(pane.querySelectorAll('*'))
      .filter(sticksOut)
      .filter((element) => !(element.parentElement && element.parentElement !== pane && sticksOut(element.parentElement)))
      .slice(0, 8)
      .map((element) => {
        const classes =
          typeof element.className === 'string' && element.className ? `.${element.className.trim().split(/\s+/).join('.')}` : '';
        return `${element.tagName.toLowerCase()}${classes} (right edge ${Math.round(element.getBoundingClientRect().right)}px)`;
      });
    return {
      viewport,
      document: document.documentElement.scrollWidth,
      pane: pane.scrollWidth,
      paneWidth: pane.clientWidth,
      culprits,
    };
  });
  const message = `sticks out of the ${found.viewport}px window: ${found.culprits.join(', ') || 'nothing found'}`;
  expect(found.document, message).toBeLessThanOrEqual(found.viewport);
  expect(found.pane, message).toBeLessThanOrEqual(found.paneWidth);
}
