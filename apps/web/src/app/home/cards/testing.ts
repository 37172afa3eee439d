import type { HttpTestingController } from '@angular/common/http/testing';
import { signIn } from '@proficio/web/auth/data-access/testing';
import { DEMO_IDS } from '@proficio/web/people/data-access/testing';

/** Signs in as the demo's Sara Bianchi: an employee without reports, as her home page cards see her. */
export function signInAsSara(http: HttpTestingController): Promise<void> {
  return signIn(http, {
    id: 'u-5',
    email: 'sara.bianchi@demo.proficio.local',
    roles: ['employee'],
    employee: { id: DEMO_IDS.sara, name: 'Sara Bianchi' },
    reportCount: 0,
  });
}
