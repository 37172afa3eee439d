import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatChipsModule } from '@angular/material/chips';
import { PageEvent } from '@angular/material/paginator';
import { MatTableModule } from '@angular/material/table';
import { ActivatedRoute, ParamMap, Router, RouterLink } from '@angular/router';
import { SessionStore } from '@proficio/web/auth/data-access';
import { FrameworksApi } from '@proficio/web/frameworks/data-access';
import { ListState, SearchField } from '@proficio/web/shared/ui';
import { keptWhileLoading, loaded, pagingParams, readPaging } from '@proficio/web/shared/util';
import { FallbackMarker, WarningsBadge, languageName } from '@proficio/web/frameworks/ui';
import { FrameworkStatus } from '@proficio/shared/contracts';
import { distinctUntilChanged, map } from 'rxjs';

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

const sameQuery = (a: LibraryQuery, b: LibraryQuery) => a.q === b.q && a.page === b.page && a.pageSize === b.pageSize;

const STATUS_LABELS: Record<FrameworkStatus, string> = { draft: 'Draft', published: 'Published', retired: 'Retired' };

/** `/frameworks`: every framework with its version, languages and counts; searchable and paged through the URL. */
@Component({
  selector: 'app-framework-library-page',
  imports: [FallbackMarker, MatButtonModule, MatChipsModule, MatTableModule, RouterLink, ListState, SearchField, WarningsBadge],
  templateUrl: './framework-library-page.html',
  styleUrl: './framework-library-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FrameworkLibraryPage {
  private readonly api = inject(FrameworksApi);
  private readonly route = inject(ActivatedRoute);
  private readonly router = inject(Router);
  private readonly session = inject(SessionStore);

  /** Importing frameworks is for administrators. */
  protected readonly canImport = computed(() => this.session.hasRole('admin'));

  private readonly query$ = this.route.queryParamMap.pipe(map(readQuery), distinctUntilChanged(sameQuery));

  /** Search text, page and page size, as the URL has them. */
  protected readonly query = toSignal(this.query$, { requireSync: true });

  /** The latest list request; a new query or a retry cancels one still in flight. */
  protected readonly frameworks = loaded(this.query$, (query) => this.api.listFrameworks(query));

  /** The page on screen: kept while the next one loads, so the table does not flicker while typing. */
  protected readonly page = keptWhileLoading(this.frameworks.state);

  protected readonly loading = this.frameworks.loading;
  protected readonly problem = this.frameworks.problem;

  protected readonly resultSummary = computed(() => {
    const page = this.page();
    if (!page || this.loading()) return '';
    const q = this.query().q;
    const noun = page.total === 1 ? 'framework' : 'frameworks';
    return q ? `${page.total} ${noun} match “${q}”` : `${page.total} ${noun}`;
  });

  protected readonly columns = ['name', 'version', 'status', 'languages', 'competencies', 'levels', 'indicators', 'questions', 'warnings'];
  protected readonly pageSizes = PAGE_SIZES;

  protected search(q: string): void {
    this.navigate({ q: q || null, page: null }, true);
  }

  protected languageName(code: string): string {
    return languageName(code);
  }

  protected statusLabel(status: FrameworkStatus): string {
    return STATUS_LABELS[status] ?? status;
  }

  protected changePage(event: PageEvent): void {
    this.navigate(pagingParams(event, this.query(), DEFAULT_PAGE_SIZE));
  }

  protected clearSearch(): void {
    this.navigate({ q: null, page: null });
  }

  protected goToFirstPage(): void {
    this.navigate({ page: null });
  }

  protected retry(): void {
    this.frameworks.reload();
  }

  private navigate(queryParams: Record<string, string | number | null>, replaceUrl = false): void {
    void this.router.navigate([], { relativeTo: this.route, queryParams, queryParamsHandling: 'merge', replaceUrl });
  }
}
