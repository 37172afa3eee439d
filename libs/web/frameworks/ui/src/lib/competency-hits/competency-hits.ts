import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatListModule } from '@angular/material/list';
import { CompetencySearchHit, Page } from '@proficio/shared/contracts';
import { LocalNumberPipe, WithFrameworkVersionPipe } from '@proficio/web/shared/ui';
import { competencyName } from '../outline/competency-label';

/**
 * A page of competency search hits to pick from (the evidence form's claims, the role profiles' picker): each hit a
 * button with the competency's name over its framework and version, "No competency matches …" when there is none,
 * and how many of how many it shows when the search found more than one page.
 */
@Component({
  selector: 'app-competency-hits',
  imports: [LocalNumberPipe, MatListModule, WithFrameworkVersionPipe],
  template: `
    @let hits = page();
    @if (hits.items.length === 0) {
      <p class="empty">No competency matches “{{ q() }}”.</p>
    } @else {
      <mat-action-list [attr.aria-label]="label()" [attr.data-testid]="testId()">
        @for (hit of hits.items; track hit.id) {
          <button mat-list-item type="button" (click)="picked.emit(hit)">
            <span matListItemTitle>{{ name()(hit) }}</span>
            <span matListItemLine>{{ hit.framework.code | withFrameworkVersion: hit.framework.versionLabel }}{{ note()(hit) }}</span>
          </button>
        }
      </mat-action-list>
      @if (hits.total > hits.items.length) {
        <p class="meta">Showing {{ hits.items.length | localNumber }} of {{ hits.total | localNumber }}: type more to narrow the search.</p>
      }
    }
  `,
  styles: `
    :host {
      display: block;
    }
    .meta {
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-small);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CompetencyHits {
  readonly page = input.required<Page<CompetencySearchHit>>();
  /** The search the hits answer, named when nothing matches. */
  readonly q = input.required<string>();
  /** The list's accessible name. */
  readonly label = input.required<string>();
  readonly testId = input<string | null>(null);
  /** How a hit is named. */
  readonly name = input<(hit: CompetencySearchHit) => string>(competencyName);
  /** What follows a hit's framework, e.g. " · in the profile". */
  readonly note = input<(hit: CompetencySearchHit) => string>(() => '');
  readonly picked = output<CompetencySearchHit>();
}
