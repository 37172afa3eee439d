import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { LocalNumberPipe } from '@proficio/web/shared/ui';
import { ImportIssuesTable } from '../import/import-issues-table';
import { OutlinedFramework } from '../outline/framework-outline';
import { describeWarningPlace, placeOfWarning } from './warning-index';
import { WarningIcon } from './warning-icon';

/** A competency (and level) a warning points at, to open in the browser. */
export interface WarningTarget {
  readonly competencyId: string;
  readonly level?: number;
}

/**
 * Every warning of a framework version: its data-quality warnings, each with where it applies and a way to go there,
 * then the warnings of the file it was imported from (stored with the version), each with its place in that file.
 */
@Component({
  selector: 'app-warnings-panel',
  imports: [ImportIssuesTable, LocalNumberPipe, MatButtonModule, WarningIcon],
  template: `
    <h3 class="subheading">Data quality ({{ rows().length | localNumber }})</h3>
    @if (rows().length === 0) {
      <p class="none">No data-quality warnings.</p>
    } @else {
      <ul class="warnings">
        @for (row of rows(); track $index) {
          <li>
            <app-warning-icon />
            <div class="text">
              <p class="message">{{ row.warning.message }}</p>
              <p class="where">Where: {{ row.where }}</p>
            </div>
            @if (row.target; as target) {
              <button mat-button type="button" (click)="showWarning.emit(target)">
                Show<span class="visually-hidden"> {{ row.where }}</span>
              </button>
            }
          </li>
        }
      </ul>
    }
    @if (tree().importWarnings.length > 0) {
      <section class="import-warnings" data-testid="import-warnings" aria-labelledby="import-warnings-heading">
        <h3 class="subheading" id="import-warnings-heading">From the imported file ({{ tree().importWarnings.length | localNumber }})</h3>
        <app-import-issues-table [issues]="tree().importWarnings" caption="Warnings of the file this version was imported from" />
      </section>
    }
  `,
  styles: `
    .subheading {
      margin: 0.5rem 0;
      font: var(--mat-sys-title-small);
    }
    .import-warnings {
      margin-top: 1rem;
    }
    .warnings {
      margin: 0;
      padding: 0;
      list-style: none;
    }
    li {
      display: flex;
      gap: 0.75rem;
      align-items: flex-start;
      padding: 0.5rem 0;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    app-warning-icon {
      margin-top: 0.2rem;
    }
    .text {
      flex: 1 1 auto;
      min-width: 0;
    }
    p {
      margin: 0;
      overflow-wrap: anywhere;
    }
    .where,
    .none {
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-small);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class WarningsPanel {
  readonly tree = input.required<OutlinedFramework>();
  readonly showWarning = output<WarningTarget>();

  protected readonly rows = computed(() => {
    const tree = this.tree();
    return tree.warnings.map((warning) => {
      const place = placeOfWarning(tree, warning);
      const target: WarningTarget | null = place.competencyId ? { competencyId: place.competencyId, level: place.level } : null;
      return { warning, where: describeWarningPlace(tree, warning), target };
    });
  });
}
