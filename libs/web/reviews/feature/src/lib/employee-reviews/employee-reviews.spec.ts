import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { ApiRoutes } from '@proficio/shared/contracts';
import { DEMO_IDS, REVIEW_IDS, pageOf, reviewSummary } from '@proficio/web/reviews/data-access/testing';
import { httpTesting } from '@proficio/web/shared/util/testing';
import { EmployeeReviews, ReviewsOwner } from './employee-reviews';

@Component({
  imports: [EmployeeReviews],
  template: `<app-employee-reviews [employee]="employee()" />`,
})
class Host {
  readonly employee = signal<ReviewsOwner>({ id: DEMO_IDS.sara, name: 'Sara Bianchi' });
}

describe('EmployeeReviews', () => {
  const { http } = httpTesting({ providers: [provideRouter([])] });

  async function open() {
    const fixture = TestBed.createComponent(Host);
    fixture.detectChanges();
    const request = http().expectOne((req) => req.url === ApiRoutes.reviews);
    return { fixture, request };
  }

  it('lists the person’s reviews, newest cycle first, each linking to its review', async () => {
    const { fixture, request } = await open();
    expect([request.request.params.get('employeeId'), request.request.params.get('pageSize')]).toEqual([DEMO_IDS.sara, '50']);
    request.flush(pageOf([reviewSummary()]));
    await fixture.whenStable();
    const links = Array.from(fixture.nativeElement.querySelectorAll('[data-testid="employee-review"] a') as NodeListOf<HTMLAnchorElement>);
    expect(links.map((link) => link.getAttribute('href'))).toEqual([`/reviews/${REVIEW_IDS.review}`]);
    expect(fixture.nativeElement.querySelector('[data-testid="employee-reviews-all"]')).toBeNull();
  });

  it('links to the reviews list narrowed to the person when they have more reviews than it shows', async () => {
    const { fixture, request } = await open();
    request.flush(pageOf([reviewSummary()], { total: 51 }));
    await fixture.whenStable();
    const all = fixture.nativeElement.querySelector('[data-testid="employee-reviews-all"]') as HTMLAnchorElement;
    expect(all.textContent?.trim()).toBe('All their reviews');
    expect(all.getAttribute('href')).toBe(`/reviews?employeeId=${DEMO_IDS.sara}`);
  });
});
