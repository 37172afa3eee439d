import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { Component } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { MatMenuHarness } from '@angular/material/menu/testing';
import { provideRouter } from '@angular/router';
import { ApiRoutes } from '@proficio/shared/contracts';
import { httpTesting, textOf } from '@proficio/web/shared/util/testing';
import { EVIDENCE_IDS, notificationList, notificationView } from '@proficio/web/evidence/data-access/testing';
import { NotificationsBell } from './notifications-bell';

@Component({ template: '<h1>Evidence stub</h1>' })
class EvidenceStub {}

describe('NotificationsBell', () => {
  const { http } = httpTesting({
    providers: [
      provideRouter([{ path: 'evidence/:id', component: EvidenceStub }]),
      { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
    ],
  });
  let fixture: ComponentFixture<NotificationsBell>;

  const root = (): HTMLElement => fixture.nativeElement as HTMLElement;
  const trigger = () => root().querySelector('[data-testid="notifications-trigger"]') as HTMLButtonElement;
  const expectList = () => http().expectOne((req) => req.url === ApiRoutes.notifications);
  /** Answers the list requests still wanted (a navigation and a write each read the list again; the later cancels the earlier). */
  const flushLists = (body: ReturnType<typeof notificationList>) => {
    for (const request of http().match((req) => req.url === ApiRoutes.notifications)) if (!request.cancelled) request.flush(body);
  };
  const menuItems = () => Array.from(document.querySelectorAll<HTMLElement>('[data-testid="notification"]'));

  async function render(): Promise<MatMenuHarness> {
    fixture = TestBed.createComponent(NotificationsBell);
    await fixture.whenStable();
    return TestbedHarnessEnvironment.loader(fixture).getHarness(MatMenuHarness);
  }

  it('shows how many are unread, in its name and as a badge, and none when all are read', async () => {
    await render();
    expectList().flush(notificationList([notificationView(), notificationView({ id: 'n-2', read: true })]));
    await fixture.whenStable();
    expect(trigger().getAttribute('aria-label')).toBe('Notifications, 1 unread');
    expect(textOf(root().querySelector('[data-testid="notifications-badge"]'))).toBe('1');
  });

  it('lists the newest, each linking its evidence and marked read when opened, and marks all read', async () => {
    const menu = await render();
    expectList().flush(
      notificationList([notificationView(), notificationView({ id: 'n-2', kind: 'evidence_verdict', text: 'Luca accepted', read: true })]),
    );
    await menu.open();
    expect(menuItems().map((item) => textOf(item.querySelector('.text')))).toEqual([
      'Unread: Sara Bianchi submitted evidence: Led the printer outage response',
      'Luca accepted',
    ]);
    expect(menuItems()[0]?.getAttribute('href')).toBe(`/evidence/${EVIDENCE_IDS.evidence}`);

    menuItems()[0]?.click();
    await fixture.whenStable();
    const one = http().expectOne(ApiRoutes.notificationsRead);
    expect(one.request.body).toEqual({ ids: [EVIDENCE_IDS.notification] });
    one.flush({ marked: 1 });
    flushLists(notificationList([notificationView({ read: true })]));
    await fixture.whenStable();
    expect(trigger().getAttribute('aria-label')).toBe('Notifications');

    await menu.open();
    expect(await (await menu.getItems({ text: 'Mark all read' }))[0]?.isDisabled()).toBe(true);
  });

  it('marks all read from the menu', async () => {
    const menu = await render();
    expectList().flush(notificationList([notificationView(), notificationView({ id: 'n-2' })]));
    await menu.clickItem({ text: 'Mark all read' });
    const all = http().expectOne(ApiRoutes.notificationsRead);
    expect(all.request.body).toEqual({});
    all.flush({ marked: 2 });
    expectList().flush(notificationList([]));
    await menu.open();
    expect(document.querySelector('.notifications-panel')?.textContent).toContain('No notifications yet.');
  });
});
