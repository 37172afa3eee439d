import { searchDocuments, textSearchConfig } from './text-search';

describe('textSearchConfig', () => {
  it.each([
    ['en', 'english'],
    ['it', 'italian'],
    ['en-GB', 'english'],
    ['eo', 'simple'],
  ])('%s -> %s', (language, config) => expect(textSearchConfig(language)).toBe(config));
});

describe('searchDocuments', () => {
  it('makes one document per language with every text of the competency', () => {
    const documents = searchDocuments({
      key: 'SLMO',
      code: 'SLMO',
      title: { en: 'Service level management', it: 'Gestione del livello di servizio' },
      levels: [{ level: 2, description: { it: 'Monitora e registra il servizio' }, indicators: [{ en: 'Monitors SLAs' }], questions: [] }],
    });
    expect(documents).toEqual([
      { language: 'en', config: 'english', text: 'SLMO\nService level management\nMonitors SLAs' },
      { language: 'it', config: 'italian', text: 'SLMO\nGestione del livello di servizio\nMonitora e registra il servizio' },
    ]);
  });
});
