import { uuidV5 } from '../lib/formats/case/uuid';

const CHANGED = '2025-01-01T00:00:00Z';

/**
 * A 1EdTech CASE package as a file: document `identifier` titled `title`, one competency per [code, statement]
 * directly under the document, in that order, and no levels (so it is rated on a scale chosen at import).
 * A competency's identifier comes from the document's identifier and its code, so the same code in two
 * packages of one document is the same CASE item.
 */
export function casePackage(identifier: string, title: string, items: [code: string, statement: string][]): Buffer {
  const ids = items.map(([code]) => uuidV5(`${identifier}/${code}`));
  const link = (id: string) => ({ identifier: id, uri: `urn:uuid:${id}`, title: id });
  return Buffer.from(
    JSON.stringify({
      CFDocument: { identifier, uri: `urn:uuid:${identifier}`, creator: 'Test set', title, lastChangeDateTime: CHANGED },
      CFItems: items.map(([code, statement], i) => ({
        identifier: ids[i],
        uri: `urn:uuid:${ids[i]}`,
        humanCodingScheme: code,
        fullStatement: statement,
        lastChangeDateTime: CHANGED,
      })),
      CFAssociations: ids.map((id, i) => ({
        identifier: uuidV5(`${id}/isChildOf`),
        uri: `urn:uuid:${uuidV5(`${id}/isChildOf`)}`,
        associationType: 'isChildOf',
        originNodeURI: link(id),
        destinationNodeURI: link(identifier),
        sequenceNumber: i + 1,
        lastChangeDateTime: CHANGED,
      })),
    }),
  );
}
