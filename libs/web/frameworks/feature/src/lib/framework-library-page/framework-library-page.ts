import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatChipsModule } from '@angular/material/chips';
import { MatTableModule } from '@angular/material/table';
import { ParamMap, RouterLink } from '@angular/router';
import { SessionStore } from '@proficio/web/auth/data-access';
import { FrameworksApi } from '@proficio/web/frameworks/data-access';
import { ListState, SearchField, FrameworkVersionPipe, LocalNumberPipe } from '@proficio/web/shared/ui';
import { loaded, matching, readPaging, resultSummary, urlList } from '@proficio/web/shared/util';
import { FallbackMarker, WarningsBadge, languageName } from '@proficio/web/frameworks/ui';
import { FrameworkCounts, FrameworkStatus } from '@proficio/shared/contracts';

export const PAGE_SIZES = [10, 20, 50] as const;
export const DEFAULT_PAGE_SIZE = 20;

interface LibraryQuery {
  readonly q: string;
  readonly page: number;
  readonly pageSize: number;
}

function readQuery(params: ParamMap): LibraryQuery {
  return { q: params.get('q')?.trim() ?? '', ...readPaging(params, PAGE_SIZES, DEFAULT_PAGE_SIZE) };
}

const STATUS_LABELS: Record<FrameworkStatus, string> = { draft: 'Draft', published: 'Published', retired: 'Retired' };

/** The columns of a version's counts, in order, each headed (and labelled on a phone) by its name. */
const COUNT_COLUMNS: readonly { key: keyof FrameworkCounts; heading: string }[] = [
  { key: 'competencies', heading: 'Competencies' },
  { key: 'levels', heading: 'Levels' },
  { key: 'indicators', heading: 'Indicators' },
  { key: 'questions', heading: 'Questions' },
];

/** `/frameworks`: every framework with its version, languages and counts; searchable and paged through the URL. */
@Component({
  selector: 'app-framework-library-page',
  imports: [
    LocalNumberPipe,
    FrameworkVersionPipe,
    FallbackMarker,
    MatButtonModule,
    MatChipsModule,
    MatTableModule,
    RouterLink,
    ListState,
    SearchField,
    WarningsBadge,
  ],
  templateUrl: './framework-library-page.html',
  styleUrl: './framework-library-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FrameworkLibraryPage {
  private readonly api = inject(FrameworksApi);
  private readonly session = inject(SessionStore);

  /** Importing frameworks is for administrators. */
  protected readonly canImport = computed(() => this.session.hasRole('admin'));

  /** Search text, page and page size, as the URL has them; a new query or a retry cancels a request in flight. */
  protected readonly list = urlList({
    read: readQuery,
    load: (query$) => loaded(query$, (query) => this.api.listFrameworks(query)),
    pageSizes: PAGE_SIZES,
    defaultPageSize: DEFAULT_PAGE_SIZE,
  });
  protected readonly query = this.list.query;

  protected readonly resultSummary = resultSummary(this.list, ['framework', 'frameworks'], () => [matching(this.query().q)]);

  protected readonly countColumns = COUNT_COLUMNS;
  protected readonly columns = ['name', 'version', 'status', 'languages', 'competencies', 'levels', 'indicators', 'questions', 'warnings'];

  protected search(q: string): void {
    this.list.navigate({ q: q || null, page: null }, true);
  }

  protected languageName(code: string): string {
    return languageName(code);
  }

  protected statusLabel(status: FrameworkStatus): string {
    return STATUS_LABELS[status] ?? status;
  }

  protected clearSearch(): void {
    this.list.navigate({ q: null, page: null });
  }
}
