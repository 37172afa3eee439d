import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxChange, MatCheckboxModule } from '@angular/material/checkbox';
import { MatDialog } from '@angular/material/dialog';
import { MatTableModule } from '@angular/material/table';
import { ActivatedRoute, ParamMap, Router, RouterLink } from '@angular/router';
import { RoleProfileDetail, RoleProfileSummary } from '@proficio/shared/contracts';
import { SessionStore } from '@proficio/web/auth/data-access';
import { RoleProfilesStore } from '@proficio/web/role-profiles/data-access';
import { BROWSER_LOCALE, ListState, LocalNumberPipe, SearchField } from '@proficio/web/shared/ui';
import { formatLocalNumber, matching, QueryParams, readPaging, resultSummary, urlList } from '@proficio/web/shared/util';
import { map } from 'rxjs';
import { NameDialog, NameDialogData } from '../dialogs/name-dialog';

export const PAGE_SIZES = [10, 20, 50, 100] as const;
/** The API's default page size. */
export const DEFAULT_PAGE_SIZE = 20;

interface ListQuery {
  readonly q: string;
  readonly archived: boolean;
  readonly page: number;
  readonly pageSize: number;
}

function readQuery(params: ParamMap): ListQuery {
  return {
    q: params.get('q')?.trim() ?? '',
    archived: params.get('archived') === 'true',
    ...readPaging(params, PAGE_SIZES, DEFAULT_PAGE_SIZE),
  };
}

/** "2 required, 1 nice to have", the counts in `locale`. */
export function requirementSummary(counts: RoleProfileSummary['requirementCounts'], locale: string): string {
  const parts = [`${formatLocalNumber(counts.required, locale)} required`];
  if (counts.niceToHave) parts.push(`${formatLocalNumber(counts.niceToHave, locale)} nice to have`);
  return counts.required + counts.niceToHave === 0 ? 'None yet' : parts.join(', ');
}

/**
 * `/role-profiles`: the role profiles, searchable by name and paged through the URL. Anyone signed
 * in reads the published ones; admins also see drafts and may start a new profile.
 */
@Component({
  selector: 'app-role-profile-list-page',
  imports: [LocalNumberPipe, MatButtonModule, MatCheckboxModule, MatTableModule, RouterLink, ListState, SearchField],
  templateUrl: './role-profile-list-page.html',
  styleUrl: './role-profile-list-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RoleProfileListPage {
  private readonly store = inject(RoleProfilesStore);
  private readonly session = inject(SessionStore);
  private readonly dialog = inject(MatDialog);
  private readonly route = inject(ActivatedRoute);
  private readonly router = inject(Router);

  protected readonly isAdmin = computed(() => this.session.hasRole('admin'));

  /** Search text, archived or not, page and page size, as the URL has them; reloads after each saved write to a role profile. */
  protected readonly list = urlList({
    read: readQuery,
    load: (query$) =>
      this.store.list(
        query$.pipe(map((query) => ({ q: query.q, includeArchived: query.archived, page: query.page, pageSize: query.pageSize }))),
      ),
    pageSizes: PAGE_SIZES,
    defaultPageSize: DEFAULT_PAGE_SIZE,
  });
  protected readonly query = this.list.query;

  protected readonly resultSummary = resultSummary(this.list, ['role profile', 'role profiles'], () => [matching(this.query().q)]);

  protected readonly columns = ['name', 'version', 'requirements', 'people'];
  private readonly locale = inject(BROWSER_LOCALE);
  protected requirementSummary(counts: RoleProfileSummary['requirementCounts']): string {
    return requirementSummary(counts, this.locale);
  }

  protected search(q: string): void {
    this.navigate({ q: q || null, page: null }, true);
  }

  protected showArchived(event: MatCheckboxChange): void {
    this.navigate({ archived: event.checked ? 'true' : null, page: null });
  }

  protected clearSearch(): void {
    this.navigate({ q: null, page: null });
  }

  protected createProfile(): void {
    this.dialog
      .open<NameDialog, NameDialogData, RoleProfileDetail>(NameDialog, { data: { mode: 'create' }, width: '32rem' })
      .afterClosed()
      .subscribe((profile) => {
        if (profile) void this.router.navigate([profile.id], { relativeTo: this.route });
      });
  }

  private navigate(queryParams: QueryParams, replaceUrl = false): void {
    this.list.navigate(queryParams, replaceUrl);
  }
}
