import { provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { ApiRoutes } from '@proficio/shared/contracts';
import { MARIA_ROSSI, savedFiles, sessionTesting, signIn } from '@proficio/web/auth/data-access/testing';
import { AXE_TIMEOUT_MS, seriousA11yViolations } from '@proficio/web/shared/util/testing';
import { AccountDataPage } from './account-data-page';

describe('AccountDataPage', () => {
  const { http } = sessionTesting([provideRouter([{ path: 'account/data', component: AccountDataPage }])]);
  const { saved } = savedFiles();
  let harness: RouterTestingHarness;

  const page = (): HTMLElement => harness.routeNativeElement as HTMLElement;
  const button = () => page().querySelector<HTMLButtonElement>('[data-testid="download-my-data"]') as HTMLButtonElement;
  const settle = () => harness.fixture.whenStable();

  beforeEach(async () => {
    await signIn(http(), MARIA_ROSSI);
    harness = await RouterTestingHarness.create('/account/data');
  });

  it('downloads the export with the access token and saves it under the name the API gives', async () => {
    button().click();
    await settle();
    expect(button().textContent).toContain('Preparing your data…');

    const request = http().expectOne(ApiRoutes.meExport);
    expect(request.request.headers.get('Authorization')).toBe('Bearer token-1');
    expect(request.request.responseType).toBe('blob');
    const body = new Blob(['{"schemaVersion":1}'], { type: 'application/json' });
    request.flush(body, { headers: { 'Content-Disposition': 'attachment; filename="proficio-maria-rossi-2026-03-01.json"' } });
    await settle();

    expect(saved()).toEqual([{ name: 'proficio-maria-rossi-2026-03-01.json', blob: body }]);
    expect(saved()[0]?.blob).toBe(body);
    expect(page().querySelector('[data-testid="data-downloaded"]')?.textContent).toContain('proficio-maria-rossi-2026-03-01.json');
    expect(button().textContent).toContain('Download my data');
  });

  it('says when the download failed, and saves nothing', async () => {
    button().click();
    http()
      .expectOne(ApiRoutes.meExport)
      .flush(new Blob(['{}']), { status: 500, statusText: 'Internal Server Error' });
    await settle();
    expect(page().querySelector('[role="alert"]')?.textContent).toContain('Your data could not be downloaded');
    expect(saved()).toEqual([]);
  });

  it(
    'has a heading and no serious accessibility problems',
    async () => {
      expect(page().querySelector('h1')?.textContent).toBe('Your data');
      expect(await seriousA11yViolations(page())).toEqual([]);
    },
    AXE_TIMEOUT_MS,
  );
});
