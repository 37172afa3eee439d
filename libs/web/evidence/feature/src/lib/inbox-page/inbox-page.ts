import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { ParamMap, RouterLink } from '@angular/router';
import { EvidenceSummary, InboxDisagreement } from '@proficio/shared/contracts';
import { InboxStore } from '@proficio/web/evidence/data-access';
import { ListState, LocalDatePipe, WithFrameworkVersionPipe, LocalNumberPipe } from '@proficio/web/shared/ui';
import { readPaging, urlList } from '@proficio/web/shared/util';
import { localList } from '../shared/local-list';
import { claimText, competencyText } from '../shared/evidence-text';

export const INBOX_PAGE_SIZES = [10, 25, 50] as const;
export const INBOX_DEFAULT_PAGE_SIZE = 10;

/**
 * `/inbox`, for managers and admins: the evidence waiting for their verdict, oldest submitted first (paged through
 * the URL), each opening the item to review; and the self-assessments two or more levels away from their own rating
 * of that person, each leading to the person's competencies.
 */
@Component({
  selector: 'app-inbox-page',
  imports: [LocalNumberPipe, WithFrameworkVersionPipe, ListState, LocalDatePipe, MatButtonModule, RouterLink],
  templateUrl: './inbox-page.html',
  styleUrl: './inbox-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class InboxPage {
  private readonly store = inject(InboxStore);

  protected readonly waiting = urlList({
    read: (params: ParamMap) => readPaging(params, INBOX_PAGE_SIZES, INBOX_DEFAULT_PAGE_SIZE),
    load: (query$) => this.store.evidence(query$),
    pageSizes: INBOX_PAGE_SIZES,
    defaultPageSize: INBOX_DEFAULT_PAGE_SIZE,
  });
  protected readonly disagreements = localList((paging$) => this.store.disagreements(paging$), INBOX_PAGE_SIZES, INBOX_DEFAULT_PAGE_SIZE);

  /** How many of each wait, once both lists have loaded. */
  protected readonly summary = computed(() => {
    const waiting = this.waiting.page()?.total;
    const far = this.disagreements.page()?.total;
    if (waiting === undefined || far === undefined) return '';
    return `${waiting} ${waiting === 1 ? 'item' : 'items'} of evidence waiting; ${far} ${far === 1 ? 'self-assessment' : 'self-assessments'} far from yours.`;
  });

  protected claims(item: EvidenceSummary): string {
    return item.claims.map(claimText).join('; ');
  }

  protected competency(item: InboxDisagreement): string {
    return competencyText(item.competency);
  }
}
