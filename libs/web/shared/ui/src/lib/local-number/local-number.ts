import { Injectable, Pipe, PipeTransform, Provider, inject } from '@angular/core';
import { MatPaginatorIntl } from '@angular/material/paginator';
import { formatFileSize, formatLocalNumber } from '@proficio/web/shared/util';
import { BROWSER_LOCALE } from '../../locale/browser-locale';

/**
 * `{{ count | localNumber }}`: a count as the person's browser writes numbers (1,234 in British English, 1.234 in
 * German, 1 234 in French). For counts and totals people read, not for ids, codes, levels or version numbers.
 *
 * The browser's locale read through `Intl`, as `localDate` does, rather than Angular's `DecimalPipe`: that one
 * follows `LOCALE_ID` and needs the locale data of every language registered in the bundle.
 */
@Pipe({ name: 'localNumber' })
export class LocalNumberPipe implements PipeTransform {
  private readonly locale = inject(BROWSER_LOCALE);

  transform(value: number | null | undefined, maximumFractionDigits = 0): string {
    return formatLocalNumber(value, this.locale, maximumFractionDigits);
  }
}

/** `{{ bytes | fileSize }}`: "512 bytes", "16.6 KB", "25 MB" in the browser's locale ("16,6 KB" in German). */
@Pipe({ name: 'fileSize' })
export class FileSizePipe implements PipeTransform {
  private readonly locale = inject(BROWSER_LOCALE);

  transform(bytes: number): string {
    return formatFileSize(bytes, this.locale);
  }
}

/** The paginator's "1 – 25 of 1,234" with the numbers in the browser's locale. */
@Injectable()
export class LocalePaginatorIntl extends MatPaginatorIntl {
  private readonly locale = inject(BROWSER_LOCALE);

  override getRangeLabel = (page: number, pageSize: number, length: number): string => {
    const number = (value: number) => formatLocalNumber(value, this.locale);
    if (length === 0 || pageSize === 0) return `0 of ${number(length)}`;
    const start = page * pageSize;
    const end = start < length ? Math.min(start + pageSize, length) : start + pageSize;
    return `${number(start + 1)} – ${number(end)} of ${number(length)}`;
  };
}

/** For the providers of a component with a `<mat-paginator>`: its range label in the browser's locale. */
export function provideLocalePaginator(): Provider {
  return { provide: MatPaginatorIntl, useClass: LocalePaginatorIntl };
}
