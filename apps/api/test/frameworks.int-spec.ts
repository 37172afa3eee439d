import type {
  CategoryNode,
  CategoryOutline,
  FrameworkDocument,
  FrameworkOutline,
  FrameworkSummary,
  FrameworkTree,
  Page,
  ProblemDetails,
} from '@proficio/shared/contracts';
import { BUILT_IN_PACKS } from '@proficio/shared/competency';
import { DataSource } from 'typeorm';
import { BuiltInFrameworksLoader } from '../src/frameworks/built-in-frameworks.loader';
import { FrameworkTreeCache } from '../src/frameworks/framework-tree.cache';
import { FrameworkWriterService } from '../src/frameworks/framework-writer.service';
import { useTestApp } from './support/test-app';

const pack = (key: string): FrameworkDocument => {
  const found = BUILT_IN_PACKS.find((candidate) => candidate.framework.key === key);
  if (!found) throw new Error(`no built-in pack ${key}`);
  return structuredClone(found);
};

describe('frameworks', () => {
  const testApp = useTestApp();

  const list = async (query = '') => (await testApp.http().get(`/api/frameworks${query}`).expect(200)).body as Page<FrameworkSummary>;
  const idOf = async (code: string) => {
    const found = (await list(`?q=${encodeURIComponent(code)}`)).items.find((item) => item.code === code);
    if (!found) throw new Error(`framework ${code} not listed`);
    return found.id;
  };
  const tree = async (code: string, query = '', headers: Record<string, string> = {}) =>
    (
      await testApp
        .http()
        .get(`/api/frameworks/${await idOf(code)}${query}`)
        .set(headers)
        .expect(200)
    ).body as FrameworkTree;

  describe('built-in packs', () => {
    it('are loaded at start, published, with counts and warnings', async () => {
      const page = await list();
      expect(page).toMatchObject({ total: 5, page: 1, pageSize: 20 });
      expect(page.items.map((item) => item.code)).toEqual(['e-CF C', 'SFIA-ITMG', 'SFIA-SLMO', 'SM', 'SMP']);
      for (const item of page.items) expect(item).toMatchObject({ status: 'published', builtIn: true, versionNumber: 1 });
      const smp = page.items.find((item) => item.code === 'SMP');
      expect(smp).toMatchObject({ counts: { competencies: 1, levels: 5, indicators: 32, questions: 10 }, warningCount: 3 });
      expect(page.items.find((item) => item.code === 'SM')?.warningCount).toBe(1);
    });

    it('are not loaded twice when the app starts again', async () => {
      await testApp.app.get(BuiltInFrameworksLoader).onApplicationBootstrap();
      const page = await list();
      expect(page.total).toBe(5);
      expect(page.items.every((item) => item.versionNumber === 1)).toBe(true);
    });
  });

  describe('GET /api/frameworks', () => {
    it('searches codes and names, case-insensitively', async () => {
      expect((await list('?q=sfia')).items.map((item) => item.code)).toEqual(['SFIA-ITMG', 'SFIA-SLMO']);
      expect((await list('?q=livello')).items.map((item) => item.code)).toEqual(['SFIA-SLMO']);
      expect(await list('?q=%25_nothing')).toMatchObject({ total: 0, items: [] });
    });

    it('pages', async () => {
      const second = await list('?pageSize=2&page=2');
      expect(second).toMatchObject({ total: 5, page: 2, pageSize: 2 });
      expect(second.items.map((item) => item.code)).toEqual(['SFIA-SLMO', 'SM']);
      expect((await list('?pageSize=2&page=3')).items).toHaveLength(1);
    });

    it.each([
      ['?pageSize=0', 'pageSize'],
      ['?pageSize=101', 'pageSize'],
      ['?page=abc', 'page'],
      ['?lang=not a language', 'lang'],
      ['?colour=red', 'colour'],
    ])('rejects %s naming the parameter', async (query, field) => {
      const response = await testApp.http().get(`/api/frameworks${query}`).expect(400);
      expect((response.body as ProblemDetails).errors?.map((error) => error.field)).toContain(field);
    });
  });

  describe('GET /api/frameworks/:id', () => {
    it('returns SFIA ITMG with its three defined levels, the seven essences and the change markers', async () => {
      const itmg = await tree('SFIA-ITMG');
      expect(itmg.scale.levels).toHaveLength(7);
      expect(itmg.scale.levels[5]).toMatchObject({ number: 6, label: { text: 'Initiate, influence' } });
      expect(itmg.scale.levels[5]?.description?.text).toMatch(/\w/);
      const [competency] = itmg.competencies;
      expect(competency?.levels.map((level) => level.level)).toEqual([5, 6, 7]);
      expect(competency?.levels.every((level) => level.description?.text && level.changeStatus)).toBe(true);
      expect(competency).toMatchObject({ code: 'ITMG', changeStatus: 'unchanged', guidanceChangeStatus: 'modified' });
      expect(itmg.attribution).toMatch(/SFIA Foundation/);
    });

    it('reads SLMO in Italian and says when a requested language falls back', async () => {
      const italian = await tree('SFIA-SLMO');
      expect(italian).toMatchObject({ defaultLanguage: 'it', requestedLanguage: 'it' });
      expect(italian.competencies[0]?.title).toEqual({ text: 'Gestione del livello di servizio', language: 'it', fallback: false });
      expect(italian.competencies[0]?.levels.map((level) => level.level)).toEqual([2, 3, 4, 5, 6, 7]);
      expect(italian.competencies[0]?.notPractisedLevels.map((entry) => entry.level)).toEqual([1]);

      const english = await tree('SFIA-SLMO', '?lang=en');
      expect(english.requestedLanguage).toBe('en');
      expect(english.competencies[0]?.title).toMatchObject({ language: 'it', fallback: true });
    });

    it('takes the language from Accept-Language when no ?lang= is given', async () => {
      const slmo = await tree('SFIA-SLMO', '', { 'accept-language': 'en-GB,en;q=0.9' });
      expect(slmo.requestedLanguage).toBe('it');
      const ecf = await tree('e-CF C', '', { 'accept-language': 'it-IT,it;q=0.9,en;q=0.8' });
      expect(ecf.requestedLanguage).toBe('en');
    });

    it('returns every behaviour, question and probing question of the Service Management Processes profile', async () => {
      const smp = await tree('SMP');
      const [competency] = smp.competencies;
      expect(competency?.levels.map((level) => level.indicators.length)).toEqual(
        pack('it-community-service-management-processes').competencies[0]?.levels.map((level) => level.indicators.length),
      );
      const first = competency?.levels[0];
      expect(first?.indicators.map((indicator) => indicator.text)).toContain('competency-level-behavior.761045.name');
      expect(first?.questions[0]?.probes.map((probe) => probe.text)).toEqual([
        'What was the situation?',
        'What was your role at the time?',
        'Who was your audience?',
        'How did you explain these concepts?',
        'What was the outcome?',
      ]);
      expect(smp.warnings.map((warning) => warning.code)).toEqual(['placeholder-key', 'placeholder-key', 'truncated-text']);
      expect(smp.scale.levels[0]?.description?.text).toMatch(/^Demonstrates introductory understanding/);
    });

    it('returns the e-CF area as a category with its competences and certifications', async () => {
      const ecf = await tree('e-CF C');
      expect(ecf.categories).toHaveLength(1);
      const [run] = ecf.categories;
      expect(run?.name.text).toBe('RUN');
      expect(run?.competencyIds).toEqual(ecf.competencies.map((competency) => competency.id));
      expect(ecf.competencies.map((competency) => [competency.code, competency.levels.map((level) => level.level)])).toEqual([
        ['C.1', [1, 2, 3]],
        ['C.2', [2, 3]],
        ['C.3', [2, 3]],
        ['C.4', [2, 3, 4]],
        ['C.5', [1, 2, 3]],
      ]);
      expect(ecf.certifications).toHaveLength(3);
      expect(ecf.certifications.every((certification) => certification.categoryIds[0] === run?.id)).toBe(true);
    });

    it('answers 404 for an unknown framework and 400 for a malformed id', async () => {
      const missing = await testApp.http().get('/api/frameworks/00000000-0000-4000-8000-000000000000').expect(404);
      expect(missing.body).toMatchObject({ status: 404, title: 'Not Found' });
      await testApp.http().get('/api/frameworks/not-a-uuid').expect(400);
    });
  });

  describe('GET /api/frameworks/:id/outline', () => {
    const outline = async (code: string, query = '', headers: Record<string, string> = {}) =>
      (
        await testApp
          .http()
          .get(`/api/frameworks/${await idOf(code)}/outline${query}`)
          .set(headers)
          .expect(200)
      ).body as FrameworkOutline;

    /** The outline's categories with ids where it has indexes into its competencies, as the tree has them. */
    const categoriesWithIds = (categories: CategoryOutline[], competencies: FrameworkOutline['competencies']): CategoryNode[] =>
      categories.map(({ competencies: indexes, children, ...category }) => ({
        ...category,
        children: categoriesWithIds(children, competencies),
        competencyIds: indexes.map((index) => competencies[index]?.id ?? `no competency ${index}`),
      }));

    it.each([
      ['SFIA-ITMG', ''],
      ['SFIA-SLMO', ''],
      ['SFIA-SLMO', '?lang=en'],
      ['e-CF C', ''],
      ['SM', ''],
      ['SMP', ''],
    ])("says of %s%s what the tree says, each competency without its levels' texts", async (code, query) => {
      const [full, { categories, uncategorised, competencies, ...header }] = await Promise.all([tree(code, query), outline(code, query)]);
      const { categories: treeCategories, uncategorisedCompetencyIds, competencies: views, ...treeHeader } = full;
      expect(header).toEqual(treeHeader);
      expect(categoriesWithIds(categories, competencies)).toEqual(treeCategories);
      expect(uncategorised.map((index) => competencies[index]?.id)).toEqual(uncategorisedCompetencyIds);
      expect(competencies).toEqual(
        views.map((view) => ({
          id: view.id,
          key: view.key,
          code: view.code,
          title: view.title.text,
          ...(view.title.fallback ? { titleLanguage: view.title.language } : {}),
          levels: view.levels.map((level) => level.level),
          ...(view.notPractisedLevels.length ? { notPractisedLevels: view.notPractisedLevels.map((entry) => entry.level) } : {}),
        })),
      );
    });

    it('lists SLMO with its levels and the level it is not practised at, its title in Italian, marked when English was asked for', async () => {
      const italian = await outline('SFIA-SLMO');
      expect(italian).toMatchObject({ requestedLanguage: 'it', defaultLanguage: 'it' });
      expect(italian.competencies).toEqual([
        expect.objectContaining({ title: 'Gestione del livello di servizio', levels: [2, 3, 4, 5, 6, 7], notPractisedLevels: [1] }),
      ]);
      expect(italian.competencies[0]).not.toHaveProperty('titleLanguage');

      const english = await outline('SFIA-SLMO', '', { 'accept-language': 'en-GB,en;q=0.9,it;q=0.1' });
      expect(english.requestedLanguage).toBe('it');
      const asked = await outline('SFIA-SLMO', '?lang=en');
      expect(asked).toMatchObject({
        requestedLanguage: 'en',
        competencies: [{ title: 'Gestione del livello di servizio', titleLanguage: 'it' }],
      });
    });

    it('is much smaller than the tree', async () => {
      const id = await idOf('SMP');
      const [full, outlined] = await Promise.all([
        testApp.http().get(`/api/frameworks/${id}`).expect(200),
        testApp.http().get(`/api/frameworks/${id}/outline`).expect(200),
      ]);
      expect(outlined.text.length * 4).toBeLessThan(full.text.length);
      expect(outlined.text).not.toContain('What was the situation?');
    });

    it('is kept with an ETag of its own, and answers a conditional read with 304', async () => {
      const cache = testApp.app.get(FrameworkTreeCache);
      const id = await idOf('e-CF C');
      cache.clear();
      const tree = await testApp.http().get(`/api/frameworks/${id}`).expect(200);
      const first = await testApp.http().get(`/api/frameworks/${id}/outline`).expect(200);
      expect(cache.size.entries).toBe(2);
      expect(first.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(first.headers['etag']).toMatch(/^".+"$/);
      expect(first.headers['etag']).not.toBe(tree.headers['etag']);
      const kept = await testApp.http().get(`/api/frameworks/${id}/outline`).expect(200);
      expect(kept.text).toBe(first.text);
      expect(cache.size.entries).toBe(2);

      await testApp
        .http()
        .get(`/api/frameworks/${id}/outline`)
        .set('if-none-match', first.headers['etag'] as string)
        .expect(304);
      await testApp
        .http()
        .get(`/api/frameworks/${id}/outline`)
        .set('if-none-match', tree.headers['etag'] as string)
        .expect(200);
    });

    it('reads a draft afresh every time, so a conditional read gets a change', async () => {
      const draft = pack('sfia-itmg');
      draft.framework.key = 'draft-outline-check';
      const { versionId } = await testApp.app.get(FrameworkWriterService).write(draft, { sourceFormat: 'proficio-json', status: 'draft' });
      const first = await testApp.http().get(`/api/frameworks/${versionId}/outline`).expect(200);
      expect((first.body as FrameworkOutline).competencies[0]?.title).toBe(draft.competencies[0]?.title['en']);
      await testApp.app
        .get(DataSource)
        .query(`UPDATE competency SET title = '{"en": "Retitled while a draft"}' WHERE framework_version_id = $1`, [versionId]);
      const again = await testApp
        .http()
        .get(`/api/frameworks/${versionId}/outline`)
        .set('if-none-match', first.headers['etag'] as string)
        .expect(200);
      expect((again.body as FrameworkOutline).competencies[0]?.title).toBe('Retitled while a draft');
    });

    it('answers 404 for an unknown framework or version number, and 400 for a malformed id or query', async () => {
      const missing = await testApp.http().get('/api/frameworks/00000000-0000-4000-8000-000000000000/outline').expect(404);
      expect(missing.body).toMatchObject({ status: 404 });
      await testApp
        .http()
        .get(`/api/frameworks/${await idOf('SMP')}/outline?version=99`)
        .expect(404);
      await testApp.http().get('/api/frameworks/not-a-uuid/outline').expect(400);
      await testApp
        .http()
        .get(`/api/frameworks/${await idOf('SMP')}/outline?lang=Not a language`)
        .expect(400);
    });

    it('is read by signed-in people only', async () => {
      await testApp
        .anonymous()
        .get(`/api/frameworks/${await idOf('SMP')}/outline`)
        .expect(401);
    });
  });

  describe('versions', () => {
    it('writes changed content as a new version, keeps the old one readable and maps competencies across', async () => {
      const writer = testApp.app.get(FrameworkWriterService);
      const changed = pack('sfia-itmg');
      changed.framework.versionLabel = '9.1';
      const level6 = changed.competencies[0]?.levels.find((level) => level.level === 6);
      if (level6) level6.indicators = [{ en: 'Leads the service management community of practice.' }];

      const first = await writer.write(changed, { sourceFormat: 'proficio-json', status: 'published' });
      expect(first).toMatchObject({ versionNumber: 2, created: true });
      const again = await writer.write(changed, { sourceFormat: 'proficio-json', status: 'published' });
      expect(again).toMatchObject({ versionNumber: 2, created: false, versionId: first.versionId });

      // (other tests add frameworks with the same code: find this one by its key)
      const latest = (await list('?q=ITMG')).items.find((item) => item.key === changed.framework.key);
      expect(latest).toMatchObject({ id: first.versionId, versionNumber: 2, versionLabel: '9.1' });

      const old = (await testApp.http().get(`/api/frameworks/${first.versionId}?version=1`).expect(200)).body as FrameworkTree;
      expect(old).toMatchObject({ versionNumber: 1, versionLabel: '9' });
      await testApp.http().get(`/api/frameworks/${first.versionId}?version=7`).expect(404);

      const [mapping] = await testApp.app.get(DataSource).query(
        `SELECT n.previous_competency_id = o.id AS mapped FROM competency n
           JOIN competency o ON o.framework_version_id = $2 AND o.key = n.key
           WHERE n.framework_version_id = $1`,
        [first.versionId, old.id],
      );
      expect(mapping).toEqual({ mapped: true });
    });

    it('writes nothing when a document cannot be stored whole', async () => {
      const before = (await testApp.app.get(DataSource).query('SELECT count(*)::int AS n FROM framework'))[0].n;
      const broken = pack('national-skills-framework-service-management');
      broken.framework.key = 'broken-framework';
      // a competency level on a scale level that does not exist cannot be linked
      broken.competencies[0]?.levels.push({ level: 9, indicators: [], questions: [] });

      await expect(
        testApp.app.get(FrameworkWriterService).write(broken, { sourceFormat: 'proficio-json', status: 'draft' }),
      ).rejects.toThrow();
      const after = (await testApp.app.get(DataSource).query('SELECT count(*)::int AS n FROM framework'))[0].n;
      expect(after).toBe(before);
    });
  });

  describe('trees kept per version and language', () => {
    const read = (id: string, query = '') => testApp.http().get(`/api/frameworks/${id}${query}`).expect(200);

    it('serves a kept tree equal to one built afresh, in the language asked for', async () => {
      const cache = testApp.app.get(FrameworkTreeCache);
      const id = await idOf('SFIA-SLMO');
      cache.clear();
      const built = await read(id);
      expect(cache.size.entries).toBe(1);
      const kept = await read(id);
      expect(kept.text).toBe(built.text);
      expect(kept.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(kept.headers['etag']).toBe(built.headers['etag']);
      expect((kept.body as FrameworkTree).competencies[0]?.title).toEqual({
        text: 'Gestione del livello di servizio',
        language: 'it',
        fallback: false,
      });

      const english = await read(id, '?lang=en');
      expect(cache.size.entries).toBe(2);
      expect(english.headers['etag']).not.toBe(built.headers['etag']);
      expect(english.body).toMatchObject({ requestedLanguage: 'en', competencies: [{ title: { language: 'it', fallback: true } }] });
      expect((await read(id, '?lang=it')).text).toBe(built.text);
      expect((await read(id, '?lang=en')).text).toBe(english.text);

      cache.clear();
      expect((await read(id)).body).toEqual(built.body);
      expect((await read(id, '?lang=en')).body).toEqual(english.body);
    });

    it('answers a conditional read of a kept tree with 304', async () => {
      const id = await idOf('SMP');
      const { headers } = await read(id);
      await testApp
        .http()
        .get(`/api/frameworks/${id}`)
        .set('if-none-match', headers['etag'] as string)
        .expect(304);
    });

    it('serves the new version a change writes, and the old one as it was', async () => {
      const oldId = await idOf('SM');
      const before = await read(oldId);
      const changed = pack('national-skills-framework-service-management');
      changed.framework.versionLabel = 'tree-cache check';
      const written = await testApp.app.get(FrameworkWriterService).write(changed, { sourceFormat: 'proficio-json', status: 'published' });
      expect(written).toMatchObject({ created: true, versionNumber: 2 });

      expect(await idOf('SM')).toBe(written.versionId);
      expect((await read(written.versionId)).body).toMatchObject({ versionNumber: 2, versionLabel: 'tree-cache check' });
      expect((await read(oldId, '?version=2')).body).toMatchObject({ id: written.versionId, versionLabel: 'tree-cache check' });
      expect((await read(oldId)).text).toBe(before.text);
    });

    it('builds a draft afresh on every read, so a change to it shows at once', async () => {
      const cache = testApp.app.get(FrameworkTreeCache);
      const draft = pack('sfia-itmg');
      draft.framework.key = 'draft-tree-check';
      const { versionId } = await testApp.app.get(FrameworkWriterService).write(draft, { sourceFormat: 'proficio-json', status: 'draft' });
      const entries = cache.size.entries;
      const first = (await read(versionId)).body as FrameworkTree;
      expect(first).toMatchObject({ status: 'draft', competencies: [{ title: { text: draft.competencies[0]?.title['en'] } }] });

      await testApp.app
        .get(DataSource)
        .query(`UPDATE competency SET title = '{"en": "Retitled while a draft"}' WHERE framework_version_id = $1`, [versionId]);
      const second = (await read(versionId)).body as FrameworkTree;
      expect(second.competencies[0]?.title.text).toBe('Retitled while a draft');
      expect(cache.size.entries).toBe(entries);
    });
  });

  it('publishes the native format JSON Schema', async () => {
    const response = await testApp.http().get('/api/frameworks/schema').expect(200);
    expect(response.body).toMatchObject({ $schema: expect.stringContaining('json-schema.org') });
  });
});
