import { ChangeDetectionStrategy, Component, computed, effect, inject, signal } from '@angular/core';
import { toObservable } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { Title } from '@angular/platform-browser';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { CompetencyDetail, EVIDENCE_LIMITS, EvidenceFileView, EvidenceVerdict, EvidenceView } from '@proficio/shared/contracts';
import { fileDownload } from '@proficio/web/auth/data-access';
import { EvidenceApi, EvidenceStore } from '@proficio/web/evidence/data-access';
import { FrameworksApi } from '@proficio/web/frameworks/data-access';
import { ConfirmDialog, ConfirmDialogData, LocalDatePipe, ProblemDetails } from '@proficio/web/shared/ui';
import { ApiProblem, isAddressNotFound, keptWhileLoading, loaded, problemFromError, serverError } from '@proficio/web/shared/util';
import { Observable, catchError, distinctUntilChanged, filter, forkJoin, map, of, switchMap } from 'rxjs';
import { EvidenceStatusChip } from '../shared/evidence-status';
import { VERDICT_LABELS, claimText, latestRevision } from '../shared/evidence-text';
import { RevisionContent } from './revision-content';
import { VerdictDialog, VerdictDialogData } from './verdict-dialog';

/**
 * `/evidence/:id`: one item of evidence. The current version with each claimed level's text beside what was
 * written, its files (downloaded through the API), the earlier versions with their verdicts (collapsed), and the
 * comments. A reviewer accepts, requests changes (comment required) or rejects (reason required), each confirmed;
 * the author submits, amends after changes were requested or it was rejected, or discards the draft. The API says
 * what the caller may do (`may`); 404 for evidence they may not see.
 */
@Component({
  selector: 'app-evidence-detail-page',
  imports: [
    EvidenceStatusChip,
    LocalDatePipe,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressSpinnerModule,
    ProblemDetails,
    ReactiveFormsModule,
    RevisionContent,
    RouterLink,
  ],
  templateUrl: './evidence-detail-page.html',
  styleUrl: './evidence-detail-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class EvidenceDetailPage {
  /** A mistyped, cut or out-of-date address: "not found", with no retry. */
  protected readonly isAddressNotFound = isAddressNotFound;
  private readonly route = inject(ActivatedRoute);
  private readonly router = inject(Router);
  private readonly store = inject(EvidenceStore);
  private readonly api = inject(EvidenceApi);
  private readonly frameworks = inject(FrameworksApi);
  private readonly dialog = inject(MatDialog);
  private readonly title = inject(Title);

  private readonly id$ = this.route.paramMap.pipe(
    map((params) => params.get('id') ?? ''),
    distinctUntilChanged(),
  );
  private readonly loaded = this.store.evidence(this.id$);
  /** The item on screen: kept while it reloads after a write, so the page does not flash. */
  protected readonly evidence = keptWhileLoading(this.loaded.state);
  protected readonly loading = computed(() => this.loaded.loading() && !this.evidence());
  protected readonly problem = this.loaded.problem;
  protected readonly current = computed(() => this.evidence()?.revisions[0] ?? null);
  protected readonly earlier = computed(() => this.evidence()?.revisions.slice(1) ?? []);
  protected readonly isDraft = computed(() => !!this.current() && !this.current()?.submittedAt);
  protected readonly claims = computed(() => (this.evidence()?.claims ?? []).map(claimText).join('; '));

  /** The claimed competencies of every version, for their levels' texts; the page shows without them if they fail. */
  private readonly competencyIds$ = toObservable(
    computed(() =>
      [...new Set((this.evidence()?.revisions ?? []).flatMap((revision) => revision.claims.map((claim) => claim.competency.id)))]
        .sort()
        .join(','),
    ),
  ).pipe(distinctUntilChanged());
  private readonly competencies = loaded(this.competencyIds$, (ids) =>
    ids
      ? forkJoin(ids.split(',').map((id) => this.frameworks.getCompetency(id).pipe(catchError(() => of(null))))).pipe(
          map((details) => new Map(details.filter((detail): detail is CompetencyDetail => !!detail).map((detail) => [detail.id, detail]))),
        )
      : of(new Map<string, CompetencyDetail>()),
  );
  protected readonly details = computed(() => this.competencies.value() ?? new Map<string, CompetencyDetail>());

  protected readonly verdictLabels = VERDICT_LABELS;
  protected readonly downloads = fileDownload<string>();
  /** What the last action did, for screen readers; first what the page that sent here did (a submission). */
  protected readonly status = signal(announcement(this.router.currentNavigation()?.extras.state));
  protected readonly actionProblem = signal<ApiProblem | null>(null);
  protected readonly busy = signal(false);

  protected readonly commentMax = EVIDENCE_LIMITS.commentLength;
  protected readonly comment = new FormControl('', {
    nonNullable: true,
    validators: [Validators.required, Validators.maxLength(this.commentMax)],
  });
  protected readonly commentForm = new FormGroup({ body: this.comment });
  protected readonly commenting = signal(false);
  protected readonly serverError = serverError;

  constructor() {
    effect(() => {
      const title = this.evidence()?.title;
      if (title) this.title.setTitle(`${title} | Proficio`);
    });
  }

  protected retry(): void {
    this.loaded.reload();
  }

  protected download(evidence: EvidenceView, file: EvidenceFileView): void {
    this.downloads.start(file.id, this.api.downloadFile(evidence.id, file), (error) => {
      const problem = problemFromError(error);
      return `${file.name} could not be downloaded: ${problem.detail ?? problem.title}`;
    });
  }

  protected giveVerdict(evidence: EvidenceView, verdict: EvidenceVerdict): void {
    this.actionProblem.set(null);
    this.dialog
      .open<VerdictDialog, VerdictDialogData, EvidenceView>(VerdictDialog, {
        data: { evidence, verdict },
        width: '36rem',
        maxWidth: 'calc(100vw - 1rem)',
      })
      .afterClosed()
      .subscribe((saved) => {
        if (saved) this.status.set(`Verdict saved: ${VERDICT_LABELS[verdict]}.`);
      });
  }

  protected submit(evidence: EvidenceView): void {
    const data: ConfirmDialogData = {
      title: 'Submit this evidence for review?',
      message: `${evidence.employee.name}’s managers are told, and one of them gives a verdict.`,
      consequences: ['This version can no longer be changed.', 'If changes are requested or it is rejected, it can be amended.'],
      confirmLabel: 'Submit for review',
    };
    this.confirmThen(
      data,
      () => this.store.submit(evidence.id, latestRevision(evidence)),
      () => this.status.set('Evidence submitted for review.'),
    );
  }

  protected discard(evidence: EvidenceView): void {
    const whole = evidence.revisions.length === 1;
    const data: ConfirmDialogData = {
      title: whole ? 'Discard this draft?' : 'Discard the new version?',
      message: whole
        ? 'The draft was never submitted: it is deleted with its files.'
        : 'The draft version is deleted with its files; the versions submitted before and their verdicts stay.',
      consequences: ['This cannot be undone.'],
      confirmLabel: whole ? 'Discard the draft' : 'Discard the new version',
      destructive: true,
    };
    this.confirmThen(
      data,
      () => this.store.discard(evidence.id),
      () => {
        if (whole) {
          void this.router.navigate(['/people', evidence.employee.id], { queryParams: { tab: 'evidence' } });
        } else {
          this.status.set('The draft version was discarded.');
        }
      },
    );
  }

  protected addComment(evidence: EvidenceView): void {
    this.comment.setValue(this.comment.value.trim());
    this.comment.markAsTouched();
    if (this.comment.invalid || this.commenting()) return;
    this.commenting.set(true);
    this.store.comment(evidence.id, { body: this.comment.value }).subscribe({
      next: () => {
        this.commenting.set(false);
        this.comment.reset();
        this.status.set('Comment added.');
      },
      error: (error: unknown) => {
        this.commenting.set(false);
        const problem = problemFromError(error);
        const own = problem.errors?.find((fieldError) => fieldError.field === 'body');
        if (own) this.comment.setErrors({ server: own.message });
        else this.actionProblem.set(problem);
      },
    });
  }

  /** Asks with `data`; once confirmed, busy while `write` runs, then `done`, or the API's refusal above the page. */
  private confirmThen(data: ConfirmDialogData, write: () => Observable<unknown>, done: () => void): void {
    this.actionProblem.set(null);
    this.dialog
      .open<ConfirmDialog, ConfirmDialogData, boolean>(ConfirmDialog, { data, width: '32rem' })
      .afterClosed()
      .pipe(
        filter((confirmed) => confirmed === true),
        switchMap(() => {
          this.busy.set(true);
          return write();
        }),
      )
      .subscribe({
        next: () => {
          this.busy.set(false);
          done();
        },
        error: (error: unknown) => {
          this.busy.set(false);
          this.actionProblem.set(problemFromError(error));
        },
      });
  }
}

/** The words a page that navigated here asked to announce (`state: { announce }`). */
function announcement(state: Record<string, unknown> | undefined): string {
  const announce = state?.['announce'];
  return typeof announce === 'string' ? announce : '';
}
