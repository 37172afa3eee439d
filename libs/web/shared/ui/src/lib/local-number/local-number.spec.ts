import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { BROWSER_LOCALE } from '../../locale/browser-locale';
import { FileSizePipe, LocalNumberPipe, LocalePaginatorIntl } from './local-number';

@Component({
  imports: [FileSizePipe, LocalNumberPipe],
  template: `<span data-testid="count">{{ count() | localNumber }}</span
    ><span data-testid="size">{{ bytes() | fileSize }}</span>`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
class Host {
  readonly count = signal(1234567);
  readonly bytes = signal(17013);
}

describe('the locale number pipes', () => {
  it.each([
    ['en-GB', '1,234,567', '16.6 KB'],
    ['de-DE', '1.234.567', '16,6 KB'],
    ['en-US', '1,234,567', '16.6 KB'],
  ])('write counts and file sizes as %s does', (locale, count, size) => {
    TestBed.configureTestingModule({ providers: [{ provide: BROWSER_LOCALE, useValue: locale }] });
    const fixture = TestBed.createComponent(Host);
    fixture.detectChanges();
    const text = (id: string) => (fixture.nativeElement as HTMLElement).querySelector(`[data-testid="${id}"]`)?.textContent;
    expect([text('count'), text('size')]).toEqual([count, size]);
  });
});

describe('LocalePaginatorIntl', () => {
  function rangeLabel(locale: string, page: number, pageSize: number, length: number): string {
    TestBed.configureTestingModule({ providers: [{ provide: BROWSER_LOCALE, useValue: locale }, LocalePaginatorIntl] });
    return TestBed.inject(LocalePaginatorIntl).getRangeLabel(page, pageSize, length);
  }

  it.each([
    ['en-GB', 0, 25, 1234, '1 – 25 of 1,234'],
    ['de-DE', 49, 25, 1234, '1.226 – 1.234 of 1.234'],
    ['en-GB', 0, 25, 0, '0 of 0'],
    ['en-GB', 3, 10, 12, '31 – 40 of 12'],
  ])('in %s, page %p of %p items of %p is %p', (locale, page, pageSize, length, label) => {
    expect(rangeLabel(locale, page, pageSize, length)).toBe(label);
  });
});
