import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, effect, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { Title } from '@angular/platform-browser';
import { ActivatedRoute, RouterLink } from '@angular/router';
import { ReviewsApi } from '@proficio/web/reviews/data-access';
import { LocalDatePipe } from '@proficio/web/shared/ui';
import { isAddressNotFound, loaded } from '@proficio/web/shared/util';
import { distinctUntilChanged, map, switchMap, throwError } from 'rxjs';
import { ReviewCompetencyCard } from '../shared/review-competency-card';
import { ReviewSignatureLine } from '../shared/review-signature-line';
import { STATE_LABELS } from '../shared/review-text';

/** A review never locked has no snapshot: answered like a snapshot that does not exist. */
const NO_SNAPSHOT = new HttpErrorResponse({ status: 404, statusText: 'Not Found', error: { title: 'No snapshot yet', status: 404 } });

/**
 * `/reviews/:id/snapshots/:number` (or `latest`): the review as it was signed, frozen (read-only): the competencies with both
 * ratings, the notes and the signatures. A reopened review keeps its earlier snapshots.
 */
@Component({
  selector: 'app-review-snapshot-page',
  imports: [LocalDatePipe, MatButtonModule, MatProgressSpinnerModule, ReviewCompetencyCard, ReviewSignatureLine, RouterLink],
  templateUrl: './review-snapshot-page.html',
  styleUrl: './review-snapshot-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReviewSnapshotPage {
  /** A mistyped, cut or out-of-date address: "not found", with no retry. */
  protected readonly isAddressNotFound = isAddressNotFound;
  private readonly route = inject(ActivatedRoute);
  private readonly api = inject(ReviewsApi);
  private readonly title = inject(Title);

  protected readonly id = this.route.snapshot.paramMap.get('id') ?? '';
  /** `latest` (the employee page's link to a locked review) reads the review's newest snapshot number first. */
  private readonly loaded = loaded(
    this.route.paramMap.pipe(
      map((params) => ({ id: params.get('id') ?? '', number: params.get('number') ?? '' })),
      distinctUntilChanged((a, b) => a.id === b.id && a.number === b.number),
    ),
    ({ id, number }) =>
      number === 'latest'
        ? this.api.get(id).pipe(
            switchMap((review) => {
              const latest = review.snapshots[0];
              return latest ? this.api.snapshot(id, latest.number) : throwError(() => NO_SNAPSHOT);
            }),
          )
        : this.api.snapshot(id, Number(number)),
  );
  protected readonly snapshot = this.loaded.value;
  protected readonly loading = this.loaded.loading;
  protected readonly problem = this.loaded.problem;
  protected readonly stateLabels = STATE_LABELS;

  constructor() {
    effect(() => {
      const snapshot = this.snapshot();
      if (snapshot) this.title.setTitle(`Snapshot ${snapshot.number}: review of ${snapshot.review.employee.name} | Proficio`);
    });
  }

  protected retry(): void {
    this.loaded.reload();
  }
}
