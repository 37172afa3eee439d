/** The identifiers of a publisher's package: its document, its items (a category and two competencies) and the three associations placing them. */
export interface PublisherPackageIds {
  document: string;
  items: [category: string, reads: string, plans: string];
  associations: [string, string, string];
}

/** Which parts of a publisher's package carry a lastChangeDateTime. */
export type PublisherPackageDates = 'all' | 'all-but-the-document' | 'none';

/**
 * A publisher's CASE package without levels, as an object: a creator, no publisher, no rubrics; a category "Reading"
 * holding "Reads a map.", and "Plans a route." directly under the document. The identifiers are those `ids` gives
 * (a publisher's are not always UUIDs), the dates those `dates` asks for.
 */
export function publisherCasePackage(
  ids: PublisherPackageIds,
  { title = 'Map skills', dates = 'all' }: { title?: string; dates?: PublisherPackageDates } = {},
) {
  const uri = (identifier: string) => `https://case.example.org/uri/${identifier}`;
  const link = (identifier: string) => ({ identifier, uri: uri(identifier), title: identifier });
  const date = (value: string) => (dates === 'none' ? {} : { lastChangeDateTime: value });
  const [category, reads, plans] = ids.items;
  return {
    CFDocument: {
      identifier: ids.document,
      uri: uri(ids.document),
      creator: 'Map Guild',
      title,
      ...(dates === 'all' ? date('2024-05-06T07:08:09Z') : {}),
    },
    CFItems: [
      { identifier: category, uri: 'u1', fullStatement: 'Reading', humanCodingScheme: 'R', ...date('2023-01-01T00:00:00Z') },
      { identifier: reads, uri: 'u2', fullStatement: 'Reads a map.', humanCodingScheme: 'R.1', ...date('2023-02-03T04:05:06Z') },
      { identifier: plans, uri: 'u3', fullStatement: 'Plans a route.', humanCodingScheme: 'P.1', ...date('2023-03-04T05:06:07Z') },
    ],
    CFAssociations: [
      [category, ids.document],
      [reads, category],
      [plans, ids.document],
    ].map(([origin, destination], i) => ({
      identifier: ids.associations[i],
      uri: `a${i}`,
      associationType: 'isChildOf',
      originNodeURI: link(origin as string),
      destinationNodeURI: link(destination as string),
      sequenceNumber: 1,
      ...date('2023-04-05T06:07:08Z'),
    })),
  };
}
