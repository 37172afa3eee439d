import { TestBed } from '@angular/core/testing';
import { ApiRoutes, HealthResponse } from '@proficio/shared/contracts';
import { httpTesting } from '@proficio/web/shared/util/testing';
import { firstValueFrom } from 'rxjs';
import { HealthApi } from './health-api';

describe('HealthApi', () => {
  const { http } = httpTesting();
  const api = () => TestBed.inject(HealthApi);

  it('GETs the health route and returns the typed body', async () => {
    const body: HealthResponse = { status: 'ok', details: { database: { status: 'up' } } };
    const result = firstValueFrom(api().getHealth());

    const req = http().expectOne(ApiRoutes.health);
    expect(req.request.method).toBe('GET');
    req.flush(body);

    await expect(result).resolves.toEqual(body);
  });

  it('checkHealth turns a 503 into an unhealthy result instead of an error', async () => {
    const result = firstValueFrom(api().checkHealth());

    http()
      .expectOne(ApiRoutes.health)
      .flush(
        { status: 'error', error: { database: { status: 'down' } }, details: { database: { status: 'down' } } },
        { status: 503, statusText: 'Service Unavailable' },
      );

    await expect(result).resolves.toMatchObject({ outcome: 'unhealthy', api: 'up', database: 'down' });
  });
});
