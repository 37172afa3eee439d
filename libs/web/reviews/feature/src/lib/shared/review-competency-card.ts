import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { ReviewCompetencyView, ReviewRatingView } from '@proficio/shared/contracts';
import { LocalDatePipe } from '@proficio/web/shared/ui';
import { withFrameworkVersion } from '@proficio/web/shared/util';
import { CHANGE_LABELS, competencyText, levelName, levelText, ratingText } from './review-text';

/**
 * One competency of a review, read-only: the framework, the target and growth target, the self and manager ratings
 * side by side (with their rationales), the change against the last locked review, the level texts (each marked
 * target / self / manager), the evidence accepted since, and the manager's note. Editing controls are projected
 * below (the review page's forms); the snapshot page shows it as signed.
 */
@Component({
  selector: 'app-review-competency-card',
  imports: [LocalDatePipe, RouterLink],
  template: `
    @let row = competency();
    <article class="competency" data-testid="review-competency" [attr.data-code]="row.competency.code" [attr.aria-labelledby]="headingId()">
      <header>
        <h2 [id]="headingId()">{{ title() }}</h2>
        <p class="meta">
          {{ framework() }}
          @if (row.target; as target) {
            · Target {{ levelText(row.levels, target.level) }}{{ target.required ? ' (required)' : '' }}
          } @else {
            · No target
          }
          @if (row.growthTarget; as growth) {
            · Growth target {{ levelText(row.levels, growth.level) }}
          }
        </p>
      </header>

      <div class="sides">
        <section class="side" data-testid="self-side" aria-label="Self-assessment">
          <h3>Self-assessment</h3>
          @if (row.self; as self) {
            <p class="rating" data-testid="self-rating">{{ ratingText(row.levels, self) }}</p>
            @if (self.rationale) {
              <p class="rationale">{{ self.rationale }}</p>
            }
          } @else {
            <p class="none">{{ selfHidden() }}</p>
          }
        </section>
        <section class="side" data-testid="manager-side" aria-label="Manager assessment">
          <h3>Manager</h3>
          @if (row.manager; as manager) {
            <p class="rating" data-testid="manager-rating">{{ ratingText(row.levels, manager) }}</p>
            @if (manager.rationale) {
              <p class="rationale">{{ manager.rationale }}</p>
            }
            @if (reliedOn(manager).length) {
              <p class="relied">
                Relied on:
                @for (item of reliedOn(manager); track item.id; let last = $last) {
                  <a [routerLink]="['/evidence', item.id]">{{ item.title }}</a>{{ last ? '' : ', ' }}
                }
              </p>
            }
          } @else {
            <p class="none">{{ managerHidden() }}</p>
          }
        </section>
      </div>

      @if (row.change; as change) {
        <p class="change" [attr.data-change]="change" data-testid="review-change">
          {{ changeLabels[change] }}
          @if (row.previous; as previous) {
            ({{ previous.outcome === 'rated' ? levelText(row.levels, previous.level) : 'not rated' }} at the last review)
          }
          @if (row.gapChange === 'closed') {
            · gap to the target closed
          } @else if (row.gapChange === 'opened') {
            · gap to the target opened
          }
        </p>
      }

      <details class="levels">
        <summary>What each level means</summary>
        <ol>
          @for (level of row.levels; track level.level) {
            <li [attr.data-level]="level.level">
              <strong>{{ levelName(level.code, level.label.text) }}</strong>
              @for (mark of marks(level.level); track mark) {
                <span class="mark">{{ mark }}</span>
              }
              @if (level.description) {
                <p>{{ level.description.text }}</p>
              }
            </li>
          }
        </ol>
      </details>

      @if (row.acceptedEvidence.length) {
        <div class="evidence">
          <h3>Evidence accepted{{ row.previous ? ' since the last review' : '' }}</h3>
          <ul>
            @for (item of row.acceptedEvidence; track item.id) {
              <li>
                <a [routerLink]="['/evidence', item.id]">{{ item.title }}</a>
                <span class="meta"> · {{ levelText(row.levels, item.level) }} · accepted {{ item.acceptedAt | localDate }}</span>
              </li>
            }
          </ul>
        </div>
      }

      @if (row.note && showNote()) {
        <p class="note" data-testid="review-note"><strong>Note:</strong> {{ row.note }}</p>
      }

      <ng-content />
    </article>
  `,
  styleUrl: './review-competency-card.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReviewCompetencyCard {
  readonly competency = input.required<ReviewCompetencyView>();
  /** What the self side says without a rating (hidden from the manager until submitted, or not rated yet). */
  readonly selfHidden = input('Not rated yet');
  /** What the manager side says without a rating (hidden from the person until shared, or not rated yet). */
  readonly managerHidden = input('Not rated yet');
  /** The note read-only (false while the manager edits it below). */
  readonly showNote = input(true);

  protected readonly changeLabels = CHANGE_LABELS;
  protected readonly levelName = levelName;
  protected readonly levelText = levelText;
  protected readonly ratingText = ratingText;
  protected readonly title = computed(() => competencyText(this.competency().competency));
  protected readonly headingId = computed(() => `competency-${this.competency().competency.id}`);
  protected readonly framework = computed(() => {
    const framework = this.competency().framework;
    return withFrameworkVersion(framework.name.text, framework.versionLabel);
  });

  protected marks(level: number): string[] {
    const row = this.competency();
    const marks: string[] = [];
    if (row.target?.level === level) marks.push('Target');
    if (row.growthTarget?.level === level) marks.push('Growth target');
    if (row.self?.outcome === 'rated' && row.self.level === level) marks.push('Self');
    if (row.manager?.outcome === 'rated' && row.manager.level === level) marks.push('Manager');
    return marks;
  }

  protected reliedOn(rating: ReviewRatingView): { id: string; title: string }[] {
    const known = new Map(this.competency().acceptedEvidence.map((item) => [item.id, item.title]));
    return rating.evidenceIds.map((id) => ({ id, title: known.get(id) ?? 'Evidence' }));
  }
}
