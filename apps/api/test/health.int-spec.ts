import { HealthResponse } from '@proficio/shared/contracts';
import { DataSource } from 'typeorm';
import { useTestApp } from './support/test-app';

describe('GET /api/health', () => {
  const testApp = useTestApp({}, 'test');

  it('answers 200 with the database up', async () => {
    const response = await testApp.http().get('/api/health').expect(200);
    const body = response.body as HealthResponse;
    expect(body.status).toBe('ok');
    expect(body.details['database']).toEqual({ status: 'up' });
  });

  it('answers 503 naming the database when it cannot be reached', async () => {
    await testApp.app.get(DataSource).destroy();

    const response = await testApp.http().get('/api/health').expect(503);
    const body = response.body as HealthResponse;
    expect(body.status).toBe('error');
    expect(body.details['database']?.status).toBe('down');
  });
});
