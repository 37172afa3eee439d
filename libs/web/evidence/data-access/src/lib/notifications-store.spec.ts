import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { ApiRoutes } from '@proficio/shared/contracts';
import { httpTesting } from '@proficio/web/shared/util/testing';
import { notificationList, notificationView } from '../testing';
import { NotificationsStore } from './notifications-store';
import { REFRESH_INTERVAL_MS } from './refresh';

@Component({ template: '' })
class Blank {}

describe('NotificationsStore', () => {
  const { http } = httpTesting({ providers: [provideRouter([{ path: '**', component: Blank }])] });
  const store = () => TestBed.inject(NotificationsStore);
  const expectList = () => http().expectOne((req) => req.url === ApiRoutes.notifications);

  afterEach(() => jest.useRealTimers());

  it('reads the newest notifications with the unread count, again after a navigation and every minute', async () => {
    jest.useFakeTimers();
    const recent = TestBed.runInInjectionContext(() => store().recent());
    expectList().flush(notificationList());
    expect(recent.value()?.unread).toBe(1);

    await TestBed.inject(Router).navigateByUrl('/evidence');
    expectList().flush(notificationList([notificationView(), notificationView({ id: 'n-2' })]));
    expect(recent.value()?.unread).toBe(2);

    jest.advanceTimersByTime(REFRESH_INTERVAL_MS - 1);
    http().expectNone((req) => req.url === ApiRoutes.notifications);
    jest.advanceTimersByTime(1);
    expectList().flush(notificationList([]));
    expect(recent.value()?.unread).toBe(0);
  });

  it('marks some or all read, and reads the list again after', () => {
    const recent = TestBed.runInInjectionContext(() => store().recent());
    expectList().flush(notificationList());

    store().markRead(['n-1']).subscribe();
    const some = http().expectOne(ApiRoutes.notificationsRead);
    expect([some.request.method, some.request.body]).toEqual(['POST', { ids: ['n-1'] }]);
    some.flush({ marked: 1 });
    expectList().flush(notificationList([notificationView({ read: true })]));
    expect(recent.value()?.unread).toBe(0);

    store().markRead().subscribe();
    const all = http().expectOne(ApiRoutes.notificationsRead);
    expect(all.request.body).toEqual({});
    all.flush({ marked: 0 });
    expectList().flush(notificationList([]));
  });
});
