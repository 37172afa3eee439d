import type { CompetencyDetail, CompetencySearchHit, FrameworkSummary, Page } from '@proficio/shared/contracts';
import { useTestApp } from './support/test-app';

describe('competencies', () => {
  const testApp = useTestApp();

  const search = async (query: string) =>
    (await testApp.http().get(`/api/competencies${query}`).expect(200)).body as Page<CompetencySearchHit>;

  describe('GET /api/competencies', () => {
    it('lists every competency of the latest versions without a query', async () => {
      const page = await search('?pageSize=100');
      expect(page.total).toBe(9);
      expect(page.items.map((hit) => hit.code)).toEqual(['C.1', 'C.2', 'C.3', 'C.4', 'C.5', 'ITMG', 'SLMO', 'SM', 'SMP']);
    });

    it('finds a competency by code prefix first', async () => {
      const page = await search('?q=C.4');
      expect(page.items[0]).toMatchObject({ code: 'C.4', levels: [2, 3, 4], framework: { code: 'e-CF C' } });
    });

    it('finds English text with English stemming', async () => {
      // "managing" matches "management" / "manages" through the english configuration
      const codes = (await search('?q=problems%20managing')).items.map((hit) => hit.code);
      expect(codes).toContain('C.4');
    });

    it('finds Italian text with Italian stemming, and reads the title in Italian', async () => {
      const page = await search('?q=servizi');
      const slmo = page.items.find((hit) => hit.code === 'SLMO');
      expect(slmo?.title).toEqual({ text: 'Gestione del livello di servizio', language: 'it', fallback: false });
    });

    it('limits the search to one framework version', async () => {
      const frameworks = (await testApp.http().get('/api/frameworks?q=e-CF').expect(200)).body as Page<FrameworkSummary>;
      const page = await search(`?frameworkId=${frameworks.items[0]?.id}&q=service`);
      expect(page.items.length).toBeGreaterThan(0);
      expect(page.items.every((hit) => hit.framework.code === 'e-CF C')).toBe(true);
    });

    it('returns an empty page when nothing matches, and treats operators as text', async () => {
      expect(await search('?q=zzzzqqq')).toMatchObject({ total: 0, items: [] });
      expect((await search(`?q=${encodeURIComponent("'; DROP TABLE competency; -- & | ! (")}`)).total).toBe(0);
    });

    it.each([
      ['?frameworkId=nope', 'frameworkId'],
      ['?pageSize=500', 'pageSize'],
      [`?q=${'x'.repeat(201)}`, 'q'],
    ])('rejects %s naming the parameter', async (query, field) => {
      const response = await testApp.http().get(`/api/competencies${query}`).expect(400);
      expect(response.body.errors.map((error: { field: string }) => error.field)).toContain(field);
    });
  });

  describe('GET /api/competencies/:id', () => {
    it('returns the competency with all its levels and the framework scale', async () => {
      const [hit] = (await search('?q=ITMG')).items;
      const detail = (await testApp.http().get(`/api/competencies/${hit?.id}`).expect(200)).body as CompetencyDetail;
      expect(detail).toMatchObject({ code: 'ITMG', framework: { code: 'SFIA-ITMG', versionLabel: '9' }, requestedLanguage: 'en' });
      expect(detail.levels.map((level) => level.level)).toEqual([5, 6, 7]);
      expect(detail.scale).toHaveLength(7);
      expect(detail.levels[1]?.id).toMatch(/^[0-9a-f-]{36}$/);
    });

    it('reads the competency in the language asked for, saying where a text falls back', async () => {
      const [hit] = (await search('?q=SLMO')).items;
      const read = async (query: string) =>
        (await testApp.http().get(`/api/competencies/${hit?.id}${query}`).expect(200)).body as CompetencyDetail;
      const italian = await read('');
      expect(italian).toMatchObject({ requestedLanguage: 'it', title: { text: 'Gestione del livello di servizio', fallback: false } });
      expect(italian.levels.map((level) => level.level)).toEqual([2, 3, 4, 5, 6, 7]);
      expect(italian.levels[0]?.description).toMatchObject({ language: 'it', fallback: false });
      expect(italian.notPractisedLevels.map((entry) => entry.level)).toEqual([1]);

      const english = await read('?lang=en');
      expect(english).toMatchObject({ requestedLanguage: 'en', title: { language: 'it', fallback: true } });
      expect(english.levels[0]?.description).toMatchObject({ language: 'it', fallback: true });
      expect(english.framework).toMatchObject({ code: 'SFIA-SLMO', defaultLanguage: 'it', languages: ['it'] });
    });

    it('answers 404 for an unknown competency', async () => {
      await testApp.http().get('/api/competencies/00000000-0000-4000-8000-000000000000').expect(404);
    });
  });
});
