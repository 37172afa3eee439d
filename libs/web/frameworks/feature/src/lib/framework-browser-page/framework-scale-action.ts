import { Location } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { toObservable } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { Router } from '@angular/router';
import { FrameworkScaleChangeResult, FrameworkScaleStatus } from '@proficio/shared/contracts';
import { SessionStore } from '@proficio/web/auth/data-access';
import { FrameworksApi } from '@proficio/web/frameworks/data-access';
import { loaded } from '@proficio/web/shared/util';
import { filter, of } from 'rxjs';
import { FrameworkScaleDialog, FrameworkScaleDialogData } from './framework-scale-dialog';

/** The navigation state that carries what a change did to the page of the version it wrote. */
interface ScaleChangedState {
  readonly scaleChanged?: string;
}

/**
 * "Change scale" on the framework page, for administrators, shown only where it applies: the framework's
 * competencies have no levels of their own and nobody has been assessed on it (`GET /api/frameworks/:id/scale`).
 * Opens the scale dialog, then goes to the version it wrote and says so there (the page of another version is a new
 * page: the words go with the navigation).
 */
@Component({
  selector: 'app-framework-scale-action',
  imports: [MatButtonModule],
  template: `
    @if (applies()) {
      <button mat-stroked-button type="button" aria-haspopup="dialog" data-testid="change-scale-button" (click)="openScaleDialog()">
        Change scale
      </button>
    }
    <p class="scale-status" role="status" aria-live="polite" data-testid="scale-status">{{ changed() }}</p>
  `,
  styles: `
    :host {
      display: flex;
      flex-direction: column;
      align-items: flex-start;
      gap: 0.25rem;
    }
    .scale-status {
      margin: 0;
    }
    .scale-status:empty {
      display: none;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FrameworkScaleAction {
  private readonly api = inject(FrameworksApi);
  private readonly dialog = inject(MatDialog);
  private readonly router = inject(Router);
  private readonly session = inject(SessionStore);

  /** The framework version shown. */
  readonly frameworkId = input.required<string>();
  readonly frameworkKey = input.required<string>();
  readonly code = input.required<string>();
  /** The name of the scale it is rated on. */
  readonly scaleName = input.required<string>();

  private readonly isAdmin = computed(() => this.session.hasRole('admin'));
  /** Asked for administrators only: nobody else may change a scale. */
  private readonly status = loaded(toObservable(computed(() => (this.isAdmin() ? this.frameworkId() : null))), (id) =>
    id ? this.api.getScaleStatus(id) : of(null),
  );
  protected readonly applies = computed(() => {
    const status = this.status.value();
    return !!status && status.levelLess && !status.assessed;
  });
  /** What the last change did, in words: said on the page of the version it wrote. */
  protected readonly changed = signal((inject(Location).getState() as ScaleChangedState | null)?.scaleChanged ?? '');

  protected openScaleDialog(): void {
    const status = this.status.value() as FrameworkScaleStatus;
    this.changed.set('');
    this.dialog
      .open<FrameworkScaleDialog, FrameworkScaleDialogData, FrameworkScaleChangeResult>(FrameworkScaleDialog, {
        data: {
          frameworkId: this.frameworkId(),
          frameworkKey: this.frameworkKey(),
          code: this.code(),
          scaleName: this.scaleName(),
          status,
        },
        width: '36rem',
        maxWidth: 'calc(100vw - 1rem)',
      })
      .afterClosed()
      .pipe(filter((result): result is FrameworkScaleChangeResult => !!result))
      .subscribe((result) => {
        const scaleChanged = result.created
          ? `Version ${result.versionNumber} of ${this.code()} is published on the new scale.`
          : `${this.code()} was already on that scale: nothing changed.`;
        this.changed.set(scaleChanged);
        void this.router.navigate(['/frameworks', result.frameworkVersionId], { state: { scaleChanged } satisfies ScaleChangedState });
      });
  }
}
