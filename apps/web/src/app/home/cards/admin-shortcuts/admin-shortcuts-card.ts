import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterLink } from '@angular/router';

interface Shortcut {
  readonly path: string;
  readonly label: string;
  readonly description: string;
}

const SHORTCUTS: readonly Shortcut[] = [
  { path: '/people-imports', label: 'Import people', description: 'Add or update many people from a CSV or Excel file.' },
  { path: '/people/new', label: 'Add a person', description: 'One person, with their team, manager and role.' },
  { path: '/role-profiles', label: 'Role profiles', description: 'The competencies each role needs, and at what level.' },
  { path: '/frameworks/import', label: 'Import a framework', description: 'Moodle CSV, SFIA, CASE 1.1 or Proficio JSON.' },
  { path: '/audit-events', label: 'Audit log', description: 'Who changed what, and when.' },
];

/** Home card (administrators): the pages they start most work from. */
@Component({
  selector: 'app-admin-shortcuts-card',
  imports: [RouterLink],
  template: `
    <ul class="shortcuts">
      @for (shortcut of shortcuts; track shortcut.path) {
        <li>
          <a [routerLink]="shortcut.path">{{ shortcut.label }}</a>
          <span class="description">{{ shortcut.description }}</span>
        </li>
      }
    </ul>
  `,
  styles: `
    :host {
      display: block;
    }

    .shortcuts {
      margin: 0;
      padding: 0;
      list-style: none;

      li + li {
        margin-top: 0.5rem;
      }
    }

    .description {
      display: block;
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-small);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AdminShortcutsCard {
  protected readonly shortcuts = SHORTCUTS;
}
