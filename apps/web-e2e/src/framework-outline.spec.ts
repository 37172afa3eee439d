import { expect, test } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { expectNoSeriousA11yViolations } from './support/accessibility';
import { DEMO, apiSignedInAs, okJson, signInAs } from './support/session';
import { uniqueSuffix } from './support/unique';

const AREAS = 30;
const PER_AREA = 100;

/** A CASE package of `AREAS` areas with `PER_AREA` competencies each, coded `L.<area>.<n>`. */
function largeCasePackage(title: string): unknown {
  const documentId = randomUUID();
  const now = '2026-01-01T00:00:00+00:00';
  const link = (identifier: string) => ({ title: identifier, identifier, uri: `https://example.org/${identifier}` });
  const areas = Array.from({ length: AREAS }, (_, area) => ({
    identifier: randomUUID(),
    uri: `https://example.org/areas/${area}`,
    fullStatement: `Area ${area}`,
    humanCodingScheme: `L.${area}`,
    CFItemType: 'Area',
    lastChangeDateTime: now,
  }));
  const competencies = areas.flatMap((area, a) =>
    Array.from({ length: PER_AREA }, (_, n) => ({
      area,
      item: {
        identifier: randomUUID(),
        uri: `https://example.org/items/${a}/${n}`,
        fullStatement: `Practice ${a}.${n}: applies the practice in varied and complex situations.`,
        humanCodingScheme: `L.${a}.${n}`,
        CFItemType: 'Competency',
        lastChangeDateTime: now,
      },
    })),
  );
  const childOf = (identifier: string, parent: string, sequenceNumber: number) => ({
    identifier: randomUUID(),
    uri: `https://example.org/associations/${randomUUID()}`,
    associationType: 'isChildOf',
    sequenceNumber,
    originNodeURI: link(identifier),
    destinationNodeURI: link(parent),
    CFDocumentURI: link(documentId),
    lastChangeDateTime: now,
  });
  return {
    CFDocument: {
      identifier: documentId,
      uri: 'https://example.org/doc',
      title,
      creator: 'Proficio e2e',
      lastChangeDateTime: now,
      CFPackageURI: link(documentId),
    },
    CFItems: [...areas, ...competencies.map(({ item }) => item)],
    CFAssociations: [
      ...areas.map((area, index) => childOf(area.identifier, documentId, index)),
      ...competencies.map(({ area, item }, index) => childOf(item.identifier, area.identifier, index)),
    ],
  };
}

test.describe('a framework with thousands of competencies', () => {
  test('lists them in an outline that holds only the rows in view, and opens the last one from the keyboard', async ({ page, baseURL }) => {
    test.setTimeout(180_000);
    const title = `Large outline ${uniqueSuffix()}`;
    const admin = await apiSignedInAs(baseURL, DEMO.admin);
    const preview = await okJson<{ id: string }>(
      await admin.post('/api/frameworks/imports', {
        multipart: {
          format: 'case',
          file: { name: 'large.case.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(largeCasePackage(title))) },
        },
      }),
      201,
    );
    const { frameworkVersionId } = await okJson<{ frameworkVersionId: string }>(
      await admin.post(`/api/frameworks/imports/${preview.id}/commit`, { data: {} }),
    );
    await admin.dispose();

    await signInAs(page, DEMO.employee, `/frameworks/${frameworkVersionId}`);
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
    const outline = page.getByRole('tree', { name: 'Categories and competencies' });
    const detail = page.getByTestId('competency-detail');
    await expect(detail.getByRole('heading', { name: /^L\.0\.0 Practice 0\.0:/ })).toBeVisible();

    // 3,030 nodes, all open, but only those in view (and a few around them) are in the page.
    const first = outline.getByRole('treeitem', { name: /^L\.0\.0 Practice 0\.0:/ });
    await expect(first).toHaveAttribute('aria-setsize', String(PER_AREA));
    await expect(first).toHaveAttribute('aria-level', '2');
    expect(await outline.getByRole('treeitem').count()).toBeLessThan(100);

    await outline.focus();
    await page.keyboard.press('End');
    const last = outline.getByRole('treeitem', { name: new RegExp(`^L\\.${AREAS - 1}\\.${PER_AREA - 1} `) });
    await expect(last).toBeVisible();
    await expect(outline).toHaveAttribute('aria-activedescendant', (await last.getAttribute('id')) ?? '');
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/[?&]competency=/);
    await expect(detail.getByRole('heading', { name: new RegExp(`^L\\.${AREAS - 1}\\.${PER_AREA - 1} Practice`) })).toBeVisible();
    expect(await outline.getByRole('treeitem').count()).toBeLessThan(100);

    // A deep link to it scrolls the outline to it.
    await page.reload();
    await expect(detail.getByRole('heading', { name: new RegExp(`^L\\.${AREAS - 1}\\.${PER_AREA - 1} Practice`) })).toBeVisible();
    await expect(last).toBeVisible();
    await expect(last).toHaveAttribute('aria-selected', 'true');
    await expectNoSeriousA11yViolations(page);
  });
});
