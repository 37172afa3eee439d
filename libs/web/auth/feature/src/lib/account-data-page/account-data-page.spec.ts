import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { ApiRoutes, Me } from '@proficio/shared/contracts';
import { SessionStore, authInterceptor } from '@proficio/web/auth/data-access';
import { AXE_TIMEOUT_MS, seriousA11yViolations } from '@proficio/web/shared/util/testing';
import { firstValueFrom } from 'rxjs';
import { AccountDataPage } from './account-data-page';

const me: Me = {
  id: 'u-1',
  email: 'maria.rossi@example.test',
  roles: ['employee'],
  employee: { id: 'e-1', name: 'Maria Rossi' },
  reportCount: 0,
};

describe('AccountDataPage', () => {
  let harness: RouterTestingHarness;
  let http: HttpTestingController;
  let clicked: HTMLAnchorElement[];
  let createObjectURL: jest.Mock;

  const page = (): HTMLElement => harness.routeNativeElement as HTMLElement;
  const button = () => page().querySelector<HTMLButtonElement>('[data-testid="download-my-data"]') as HTMLButtonElement;
  const settle = () => harness.fixture.whenStable();

  beforeEach(async () => {
    clicked = [];
    createObjectURL = jest.fn(() => 'blob:proficio/1');
    Object.assign(URL, { createObjectURL, revokeObjectURL: jest.fn() });
    jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this);
    });
    TestBed.configureTestingModule({
      providers: [
        provideRouter([{ path: 'account/data', component: AccountDataPage }]),
        provideHttpClient(withInterceptors([authInterceptor])),
        provideHttpClientTesting(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    const signedIn = firstValueFrom(TestBed.inject(SessionStore).signIn({ email: me.email, password: 'x' }));
    http.expectOne(ApiRoutes.signIn).flush({ accessToken: 'token-1', expiresIn: 900, user: me });
    await signedIn;
    harness = await RouterTestingHarness.create('/account/data');
  });

  afterEach(() => {
    TestBed.inject(SessionStore).clear();
    http.verify();
    jest.restoreAllMocks();
  });

  it('downloads the export with the access token and saves it under the name the API gives', async () => {
    button().click();
    await settle();
    expect(button().textContent).toContain('Preparing your data…');

    const request = http.expectOne(ApiRoutes.meExport);
    expect(request.request.headers.get('Authorization')).toBe('Bearer token-1');
    expect(request.request.responseType).toBe('blob');
    const body = new Blob(['{"schemaVersion":1}'], { type: 'application/json' });
    request.flush(body, { headers: { 'Content-Disposition': 'attachment; filename="proficio-maria-rossi-2026-03-01.json"' } });
    await settle();

    expect(createObjectURL).toHaveBeenCalledWith(body);
    expect(clicked).toHaveLength(1);
    expect(clicked[0]?.download).toBe('proficio-maria-rossi-2026-03-01.json');
    expect(clicked[0]?.href).toBe('blob:proficio/1');
    expect(page().querySelector('[data-testid="data-downloaded"]')?.textContent).toContain('proficio-maria-rossi-2026-03-01.json');
    expect(button().textContent).toContain('Download my data');
  });

  it('says when the download failed, and saves nothing', async () => {
    button().click();
    http.expectOne(ApiRoutes.meExport).flush(new Blob(['{}']), { status: 500, statusText: 'Internal Server Error' });
    await settle();
    expect(page().querySelector('[role="alert"]')?.textContent).toContain('Your data could not be downloaded');
    expect(clicked).toHaveLength(0);
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
