import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { WarningIcon } from '../warnings/warning-icon';

/** One finding about an imported file: where it is (`row 12, column 4 (Scale values)`, a JSON pointer) and what. */
export interface ImportIssueRow {
  readonly location: string;
  readonly message: string;
}

/** The errors or warnings of an imported file, each with its place, as a table that scrolls when long. */
@Component({
  selector: 'app-import-issues-table',
  imports: [WarningIcon],
  template: `
    <div class="scroller" tabindex="0" role="region" [attr.aria-label]="caption()">
      <table [class]="'issues issues-' + kind()">
        <caption class="visually-hidden">
          {{
            caption()
          }}
        </caption>
        <thead>
          <tr>
            <th scope="col">Where</th>
            <th scope="col">{{ kind() === 'error' ? 'Error' : 'Warning' }}</th>
          </tr>
        </thead>
        <tbody>
          @for (issue of issues(); track $index) {
            <tr>
              <td class="where">
                <code>{{ issue.location || 'The whole file' }}</code>
              </td>
              <td class="message">
                <app-warning-icon />
                <span>{{ issue.message }}</span>
              </td>
            </tr>
          }
        </tbody>
      </table>
    </div>
  `,
  styles: `
    .scroller {
      max-height: 24rem;
      overflow: auto;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: var(--mat-sys-corner-small);
    }
    table {
      width: 100%;
      border-collapse: separate;
      border-spacing: 0;
      font: var(--mat-sys-body-medium);
    }
    th {
      position: sticky;
      top: 0;
      padding: 0.5rem 0.75rem;
      background: var(--mat-sys-surface-container);
      font: var(--mat-sys-title-small);
      text-align: start;
    }
    td {
      padding: 0.5rem 0.75rem;
      border-top: 1px solid var(--mat-sys-outline-variant);
      vertical-align: top;
      overflow-wrap: anywhere;
    }
    .where {
      width: 40%;
    }
    code {
      font-size: 0.875em;
    }
    .message {
      display: flex;
      gap: 0.5rem;
      align-items: flex-start;
    }
    app-warning-icon {
      margin-top: 0.15rem;
    }
    .issues-warning app-warning-icon {
      color: var(--mat-sys-tertiary);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ImportIssuesTable {
  readonly issues = input.required<readonly ImportIssueRow[]>();
  /** Names the table for assistive technology, e.g. "Errors in oecd.csv". */
  readonly caption = input.required<string>();
  readonly kind = input<'error' | 'warning'>('warning');
}
