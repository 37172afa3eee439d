import { localize, pickLanguage, rowTexts } from './localize';

describe('localize', () => {
  const text = { en: 'Service level management', it: 'Gestione del livello di servizio' };

  it.each([
    ['it', 'en', { text: 'Gestione del livello di servizio', language: 'it', fallback: false }],
    ['de', 'en', { text: 'Service level management', language: 'en', fallback: true }],
    ['de', 'it', { text: 'Gestione del livello di servizio', language: 'it', fallback: true }],
  ])('reads %s (default %s)', (requested, fallbackLanguage, expected) => {
    expect(localize(text, requested, fallbackLanguage)).toEqual(expected);
  });

  it('falls back to any language when the default is missing too', () => {
    expect(localize({ it: 'Livello 1' }, 'de', 'en')).toEqual({ text: 'Livello 1', language: 'it', fallback: true });
  });

  it('returns undefined for a missing text', () => {
    expect(localize(null, 'en', 'en')).toBeUndefined();
  });
});

describe('pickLanguage', () => {
  const base = { available: ['en', 'it'], defaultLanguage: 'en' };
  it.each([
    [{ lang: 'it' }, 'it'],
    [{ lang: 'fr' }, 'fr'],
    [{ acceptLanguage: 'it-IT,it;q=0.9,en;q=0.8' }, 'it'],
    [{ acceptLanguage: 'fr-FR, it;q=0.5' }, 'it'],
    [{ acceptLanguage: 'en;q=0.2, it;q=0.9' }, 'it'],
    [{ acceptLanguage: 'fr, de' }, 'en'],
    [{ acceptLanguage: '*' }, 'en'],
    [{}, 'en'],
  ])('picks from %p', (options, expected) => {
    expect(pickLanguage({ ...base, ...options })).toBe(expected);
  });
});

describe('rowTexts', () => {
  const row = { languages: ['en', 'it'], default_language: 'en' };
  const name = { en: 'Service level management', it: 'Gestione del livello di servizio' };

  it.each([
    [{ lang: 'it' }, 'it', { text: 'Gestione del livello di servizio', language: 'it', fallback: false }],
    [{ acceptLanguage: 'it-IT,en;q=0.5' }, 'it', { text: 'Gestione del livello di servizio', language: 'it', fallback: false }],
    [{ acceptLanguage: 'de' }, 'en', { text: 'Service level management', language: 'en', fallback: false }],
    [{ lang: 'de' }, 'de', { text: 'Service level management', language: 'en', fallback: true }],
  ])('reads the row in the language picked for %p', (options, language, expected) => {
    const texts = rowTexts(options, row);
    expect({ language: texts.language, defaultLanguage: texts.defaultLanguage }).toEqual({ language, defaultLanguage: 'en' });
    expect(texts.required(name)).toEqual(expected);
    expect(texts.text(name)).toEqual(expected);
  });

  it('reads a missing text as none, and a missing required one as empty in the default language', () => {
    const texts = rowTexts({ lang: 'it' }, row);
    expect(texts.text(null)).toBeUndefined();
    expect(texts.required({})).toEqual({ text: '', language: 'en', fallback: true });
  });
});
