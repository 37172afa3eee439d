import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { AccessDeniedPage } from './access-denied-page';

describe('AccessDeniedPage', () => {
  it('says the page is not available to this account and links home', async () => {
    TestBed.configureTestingModule({ imports: [AccessDeniedPage], providers: [provideRouter([])] });
    const fixture = TestBed.createComponent(AccessDeniedPage);
    await fixture.whenStable();

    const page = fixture.nativeElement as HTMLElement;
    expect(page.querySelector('h1')?.textContent).toBe("You don't have access to this page");
    expect(page.querySelector('a')?.getAttribute('href')).toBe('/');
  });
});
