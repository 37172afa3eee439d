import { ComponentFixture, TestBed } from '@angular/core/testing';
import { ApiRoutes, HealthResponse } from '@proficio/shared/contracts';
import { httpTesting } from '@proficio/web/shared/util/testing';
import { SystemStatusCard } from './system-status-card';

describe('SystemStatusCard', () => {
  let fixture: ComponentFixture<SystemStatusCard>;
  const { http } = httpTesting();

  const statusCard = (): HTMLElement => fixture.nativeElement.querySelector('[data-testid="health-status"]') as HTMLElement;
  const statusText = (): string => statusCard().textContent?.replace(/\s+/g, ' ') ?? '';

  beforeEach(async () => {
    fixture = TestBed.createComponent(SystemStatusCard);
    await fixture.whenStable();
  });

  async function respond(body: unknown, init?: { status: number; statusText: string }): Promise<void> {
    http()
      .expectOne({ method: 'GET', url: ApiRoutes.health })
      .flush(body as object, init);
    await fixture.whenStable();
  }

  it('shows a labelled progress indicator while the check is running', () => {
    http().expectOne(ApiRoutes.health);
    const spinner = statusCard().querySelector('[role="progressbar"]');
    expect(spinner?.getAttribute('aria-label')).toBe('Checking system status');
  });

  it('shows API and database up on a healthy 200 body', async () => {
    const body: HealthResponse = {
      status: 'ok',
      info: { database: { status: 'up' } },
      error: {},
      details: { database: { status: 'up' } },
    };
    await respond(body);

    expect(statusText()).toContain('All systems operational');
    expect(statusText()).toContain('API: up');
    expect(statusText()).toContain('Database: up');
    expect(statusCard().querySelector('[role="progressbar"]')).toBeNull();
  });

  it('shows the database down on a 503 whose body has details', async () => {
    const body: HealthResponse = {
      status: 'error',
      info: {},
      error: { database: { status: 'down', message: 'Connection refused' } },
      details: { database: { status: 'down', message: 'Connection refused' } },
    };
    await respond(body, { status: 503, statusText: 'Service Unavailable' });

    expect(statusText()).toContain('Database: down');
    expect(statusText()).toContain('Connection refused');
    expect(statusText()).not.toContain('Database: up');
  });

  it('shows "API unreachable" on a network error', async () => {
    http().expectOne(ApiRoutes.health).error(new ProgressEvent('error'));
    await fixture.whenStable();

    expect(statusText()).toContain('API unreachable');
    expect(statusText()).not.toContain('Database:');
  });

  it('requests the health again when "Check again" is pressed', async () => {
    http().expectOne(ApiRoutes.health).error(new ProgressEvent('error'));
    await fixture.whenStable();
    expect(statusText()).toContain('API unreachable');

    const button = Array.from(statusCard().querySelectorAll('button')).find((b) => b.textContent?.includes('Check again'));
    expect(button).toBeDefined();
    button?.click();
    await fixture.whenStable();

    expect(statusCard().querySelector('[role="progressbar"]')).not.toBeNull();
    await respond({ status: 'ok', details: { database: { status: 'up' } } });
    expect(statusText()).toContain('Database: up');
  });
});
