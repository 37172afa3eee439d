import { TestBed } from '@angular/core/testing';
import { ApiRoutes } from '@proficio/shared/contracts';
import { httpTesting } from '@proficio/web/shared/util/testing';
import { firstValueFrom } from 'rxjs';
import { FIXTURE_IDS, frameworkOutlineFromTree, frameworkSummaryFromTree, pageOf, sfiaItmgTree } from '../testing';
import { FrameworksApi } from './frameworks-api';

describe('FrameworksApi', () => {
  const { http } = httpTesting();
  const api = () => TestBed.inject(FrameworksApi);

  it('lists frameworks with the search text, page and page size as query parameters', async () => {
    const body = pageOf([frameworkSummaryFromTree(sfiaItmgTree())], { page: 2, pageSize: 10, total: 11 });
    const result = firstValueFrom(api().listFrameworks({ q: ' sfia ', page: 2, pageSize: 10 }));

    const req = http().expectOne((r) => r.url === ApiRoutes.frameworks);
    expect(req.request.method).toBe('GET');
    expect(req.request.params.get('q')).toBe('sfia');
    expect(req.request.params.get('page')).toBe('2');
    expect(req.request.params.get('pageSize')).toBe('10');
    req.flush(body);

    await expect(result).resolves.toEqual(body);
  });

  it('leaves out an empty search', () => {
    api().listFrameworks({ q: '  ' }).subscribe();
    const req = http().expectOne((r) => r.url === ApiRoutes.frameworks);
    expect(req.request.params.keys()).toEqual([]);
    req.flush(pageOf([]));
  });

  it('reads one framework version as an outline, in the requested language or without one', async () => {
    const outline = frameworkOutlineFromTree(sfiaItmgTree());
    const result = firstValueFrom(api().getOutline(FIXTURE_IDS.sfiaItmg, 'it'));
    const req = http().expectOne((r) => r.url === ApiRoutes.frameworkOutline(FIXTURE_IDS.sfiaItmg));
    expect([req.request.method, req.request.params.get('lang')]).toEqual(['GET', 'it']);
    req.flush(outline);
    await expect(result).resolves.toEqual(outline);

    api().getOutline('abc').subscribe();
    const plain = http().expectOne(ApiRoutes.frameworkOutline('abc'));
    expect(plain.request.params.has('lang')).toBe(false);
    plain.flush(outline);
  });

  it('reads one competency with its levels, in the requested language or without one', async () => {
    const tree = sfiaItmgTree();
    const competency = tree.competencies[0];
    const detail = { ...competency, framework: { ...tree, defaultLanguage: 'en', languages: ['en'] }, requestedLanguage: 'it', scale: [] };
    const result = firstValueFrom(api().getCompetency(competency.id, 'it'));

    const req = http().expectOne((r) => r.url === ApiRoutes.competency(competency.id));
    expect([req.request.method, req.request.params.get('lang')]).toEqual(['GET', 'it']);
    req.flush(detail);
    await expect(result).resolves.toEqual(detail);

    api().getCompetency('abc').subscribe();
    const plain = http().expectOne(ApiRoutes.competency('abc'));
    expect(plain.request.params.has('lang')).toBe(false);
    plain.flush(detail);
  });

  it('downloads an export as a blob named by the Content-Disposition header', async () => {
    const result = firstValueFrom(api().exportFramework(FIXTURE_IDS.sfiaItmg, 'moodle-csv'));

    const req = http().expectOne(ApiRoutes.frameworkExport(FIXTURE_IDS.sfiaItmg, 'moodle-csv'));
    expect(req.request.method).toBe('GET');
    expect(req.request.responseType).toBe('blob');
    const body = new Blob(['idnumber,shortname\n'], { type: 'text/csv' });
    req.flush(body, { headers: { 'Content-Disposition': 'attachment; filename="sfia-itmg-v9.csv"' } });

    await expect(result).resolves.toEqual({ blob: body, filename: 'sfia-itmg-v9.csv' });
  });

  it.each([
    ['proficio-json', 'framework.json'],
    ['moodle-csv', 'framework.csv'],
    ['case', 'framework.case.json'],
  ] as const)('names a %s export %s when the API names none', async (format, filename) => {
    const result = firstValueFrom(api().exportFramework('abc', format));
    http()
      .expectOne(ApiRoutes.frameworkExport('abc', format))
      .flush(new Blob(['x']));
    await expect(result).resolves.toMatchObject({ filename });
  });

  it('passes an error on', async () => {
    const result = firstValueFrom(api().exportFramework('abc', 'case'));
    http()
      .expectOne(ApiRoutes.frameworkExport('abc', 'case'))
      .flush(new Blob(['{}']), { status: 404, statusText: 'Not Found' });
    await expect(result).rejects.toMatchObject({ status: 404 });
  });

  it("reads an export's preview for the format asked", async () => {
    const preview = { format: 'case', fileName: 'sfia-itmg-v1.case.json', mediaType: 'application/json', size: 1234, notes: [] };
    const result = firstValueFrom(api().previewExport(FIXTURE_IDS.sfiaItmg, 'case'));
    const req = http().expectOne(ApiRoutes.frameworkExportPreview(FIXTURE_IDS.sfiaItmg, 'case'));
    expect(req.request.method).toBe('GET');
    req.flush(preview);
    await expect(result).resolves.toEqual(preview);
  });

  it('reads whether the scale can change, and puts the framework on the scale chosen', async () => {
    const status = { latestVersionId: 'v2', latestVersionNumber: 2, levelLess: true, placeholder: true, assessed: false };
    const read = firstValueFrom(api().getScaleStatus('v1'));
    const get = http().expectOne(ApiRoutes.frameworkScale('v1'));
    expect(get.request.method).toBe('GET');
    get.flush(status);
    await expect(read).resolves.toEqual(status);

    const changed = firstValueFrom(api().changeScale('v1', { source: 'framework', frameworkVersionId: 'sfia' }));
    const put = http().expectOne(ApiRoutes.frameworkScale('v1'));
    expect(put.request.method).toBe('PUT');
    expect(put.request.body).toEqual({ source: 'framework', frameworkVersionId: 'sfia' });
    put.flush({ frameworkVersionId: 'v3', versionNumber: 3, created: true });
    await expect(changed).resolves.toEqual({ frameworkVersionId: 'v3', versionNumber: 3, created: true });
  });
});
