import { TestRequest } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { Router, provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { ApiRoutes } from '@proficio/shared/contracts';
import { sessionTesting, signInAs } from '@proficio/web/auth/data-access/testing';
import { DEMO_IDS, EVIDENCE_IDS, disagreement, evidenceSummary, pageOf } from '@proficio/web/evidence/data-access/testing';
import { AXE_TIMEOUT_MS, seriousA11yViolations, textOf } from '@proficio/web/shared/util/testing';
import { InboxCard } from '../inbox-card/inbox-card';
import { InboxPage } from './inbox-page';

describe('InboxPage', () => {
  const { http } = sessionTesting([
    provideRouter([{ path: 'inbox', component: InboxPage }]),
    { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
  ]);
  let harness: RouterTestingHarness;

  const root = (): HTMLElement => harness.routeNativeElement as HTMLElement;
  const byTestId = (id: string): HTMLElement | null => root().querySelector(`[data-testid="${id}"]`);
  const expectWaiting = (): TestRequest => http().expectOne((req) => req.url === ApiRoutes.inboxEvidence);
  const expectFar = (): TestRequest => http().expectOne((req) => req.url === ApiRoutes.inboxDisagreements);
  const settle = () => harness.fixture.whenStable();

  async function open(url = '/inbox'): Promise<void> {
    await signInAs(http(), ['employee', 'manager'], { id: DEMO_IDS.marco, name: 'Marco Rossi' });
    harness = await RouterTestingHarness.create(url);
  }

  it('lists the evidence waiting oldest first, each opening the item, and the self-assessments far from the reviewer’s', async () => {
    await open();
    const waiting = expectWaiting();
    expect([waiting.request.params.get('page'), waiting.request.params.get('pageSize')]).toEqual(['1', '10']);
    waiting.flush(
      pageOf([evidenceSummary({ revision: 2 }), evidenceSummary({ id: EVIDENCE_IDS.other, title: 'Password resets', fileCount: 0 })]),
    );
    expectFar().flush(pageOf([disagreement()]));
    await settle();

    expect(textOf(byTestId('inbox-summary'))).toBe('2 items of evidence waiting; 1 self-assessment far from yours.');
    const items = Array.from(root().querySelectorAll('[data-testid="inbox-item"]'));
    expect(items.map(textOf)).toEqual([
      'Led the printer outage response Sara Bianchi · C.1 User Support at e-2 Professional Waiting since February 3, 2026 · amended (version 2) · 1 file',
      'Password resets Sara Bianchi · C.1 User Support at e-2 Professional Waiting since February 3, 2026 · 0 files',
    ]);
    expect(items[1]?.querySelector('a')?.getAttribute('href')).toBe(`/evidence/${EVIDENCE_IDS.other}`);
    const far = byTestId('inbox-disagreement');
    expect(textOf(far)).toBe('Sara Bianchi C.1 User Support · e-CF 4.0 Your level 1, theirs 3 (self-assessed February 1, 2026)');
    expect(far?.querySelector('a')?.getAttribute('href')).toBe(`/people/${DEMO_IDS.sara}?tab=competencies`);
  });

  it('says when nothing waits, and pages the evidence through the URL', async () => {
    await open('/inbox?page=2');
    expectWaiting().flush(pageOf([], { total: 12, page: 2, pageSize: 10 }));
    expectFar().flush(pageOf([]));
    await settle();
    expect(textOf(byTestId('inbox-evidence-empty'))).toContain('There are no evidence waiting on page 2.');
    expect(textOf(byTestId('inbox-disagreements-empty'))).toBe('No self-assessment is two or more levels away from yours.');
    byTestId('inbox-evidence-empty')?.querySelector('button')?.click();
    await settle();
    expect(TestBed.inject(Router).url).toBe('/inbox');
    expectWaiting().flush(pageOf([]));
    await settle();
    expect(textOf(byTestId('inbox-evidence-empty'))).toBe('No evidence waits for you.');
  });

  it(
    'has no serious accessibility violations',
    async () => {
      await open();
      expectWaiting().flush(pageOf([evidenceSummary()]));
      expectFar().flush(pageOf([disagreement()]));
      await settle();
      expect(await seriousA11yViolations(root())).toEqual([]);
    },
    AXE_TIMEOUT_MS,
  );
});

describe('InboxCard', () => {
  const { http } = sessionTesting([provideRouter([])]);

  it('says how much waits and links the inbox, or that nothing does', async () => {
    const fixture = TestBed.createComponent(InboxCard);
    await fixture.whenStable();
    http().expectOne(ApiRoutes.inbox).flush({ evidence: 1, disagreements: 2 });
    await fixture.whenStable();
    const card = fixture.nativeElement as HTMLElement;
    const summary = () => card.querySelector('[data-testid="inbox-card-summary"]')?.textContent?.replace(/\s+/g, ' ').trim();
    expect(summary()).toBe('1 item of evidence waits for your verdict; 2 self-assessments are two or more levels from yours.');
    expect(card.querySelector('a')?.getAttribute('href')).toBe('/inbox');
  });
});
