import { ChangeDetectionStrategy, Component, ViewEncapsulation, computed, effect, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { Title } from '@angular/platform-browser';
import { ActivatedRoute, RouterLink } from '@angular/router';
import { ReviewGuide } from '@proficio/shared/contracts';
import { ReviewsStore } from '@proficio/web/reviews/data-access';
import { isAddressNotFound, withFrameworkVersion } from '@proficio/web/shared/util';
import { distinctUntilChanged, map } from 'rxjs';
import { competencyText } from '../shared/review-text';

type GuideLevel = ReviewGuide['competencies'][number]['levels'][number];

const WHICH_LABELS: Record<GuideLevel['which'][number], string> = {
  current: 'Current level',
  target: 'Target',
  'growth-target': 'Growth target',
};

/**
 * `/reviews/:id/guide`: the interview guide to print and take to the conversation. Per competency (each on a page of
 * its own when printed): the current, target and growth-target levels with their descriptions, behaviour indicators,
 * interview questions and probes, and the manager's note. Printing hides the app's navigation and toolbar (the
 * page's print styles are global on purpose, hence no view encapsulation: every rule is under `.review-guide` or
 * `@media print`).
 */
@Component({
  selector: 'app-review-guide-page',
  imports: [MatButtonModule, MatProgressSpinnerModule, RouterLink],
  templateUrl: './review-guide-page.html',
  styleUrl: './review-guide-page.scss',
  encapsulation: ViewEncapsulation.None,
  host: { class: 'review-guide' },
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReviewGuidePage {
  /** A mistyped, cut or out-of-date address: "not found", with no retry. */
  protected readonly isAddressNotFound = isAddressNotFound;
  private readonly route = inject(ActivatedRoute);
  private readonly store = inject(ReviewsStore);
  private readonly title = inject(Title);

  protected readonly id = this.route.snapshot.paramMap.get('id') ?? '';
  private readonly loaded = this.store.guide(
    this.route.paramMap.pipe(
      map((params) => params.get('id') ?? ''),
      distinctUntilChanged(),
    ),
  );
  protected readonly guide = this.loaded.value;
  protected readonly loading = this.loaded.loading;
  protected readonly problem = this.loaded.problem;
  protected readonly competencyText = competencyText;
  protected readonly whichLabels = WHICH_LABELS;
  protected readonly hasQuestions = computed(() =>
    (this.guide()?.competencies ?? []).some((competency) => competency.levels.some((level) => level.questions.length > 0)),
  );

  constructor() {
    effect(() => {
      const guide = this.guide();
      if (guide) this.title.setTitle(`Interview guide: ${guide.employee.name} | Proficio`);
    });
  }

  protected framework(competency: ReviewGuide['competencies'][number]): string {
    return withFrameworkVersion(competency.framework.name.text, competency.framework.versionLabel);
  }

  protected print(): void {
    window.print();
  }

  protected retry(): void {
    this.loaded.reload();
  }
}
