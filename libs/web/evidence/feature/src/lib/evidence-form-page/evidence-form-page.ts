import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  Injector,
  afterNextRender,
  computed,
  effect,
  inject,
  linkedSignal,
  signal,
} from '@angular/core';
import { takeUntilDestroyed, toObservable, toSignal } from '@angular/core/rxjs-interop';
import { ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatDatepickerModule } from '@angular/material/datepicker';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { CompetencyDetail, EVIDENCE_LIMITS, EvidenceFileView, EvidenceView } from '@proficio/shared/contracts';
import { SessionStore, fileDownload } from '@proficio/web/auth/data-access';
import { EvidenceApi, EvidenceStore } from '@proficio/web/evidence/data-access';
import { FrameworksApi } from '@proficio/web/frameworks/data-access';
import { PeopleStore } from '@proficio/web/people/data-access';
import {
  ConfirmDialog,
  ConfirmDialogData,
  HasUnsavedChanges,
  LocalDatePipe,
  ProblemDetails,
  warnBeforeUnload,
} from '@proficio/web/shared/ui';
import {
  ApiProblem,
  applyServerErrors,
  isAddressNotFound,
  keptWhileLoading,
  problemFromError,
  serverError,
} from '@proficio/web/shared/util';
import { injectDateInputPattern, localToday, provideLocaleDateAdapter } from '@proficio/web/shared/util/date-input';
import { EMPTY, Observable, Subject, distinctUntilChanged, filter, forkJoin, map, mergeMap, of, switchMap, tap } from 'rxjs';
import { EvidenceFiles, UploadItem } from '../shared/evidence-files';
import { VERDICT_LABELS, latestRevision } from '../shared/evidence-text';
import { ClaimEditor } from './claim-editor';
import { claimForm, contentRequest, evidenceForm, fillEvidenceForm, linkControl } from './evidence-form';

/** How many files upload at once. */
export const PARALLEL_UPLOADS = 2;

/** Where the form is: a new item, its draft, or an amendment of a revision that got changes requested or was rejected. */
type FormMode = 'new' | 'draft' | 'amend';

/**
 * `/evidence/new?employee=…` and `/evidence/:id/edit`: the evidence form. A title, the activity's date or period, the
 * competencies and levels it claims (each level's own prompts: interview questions with probes and STAR answers,
 * behaviour indicators to tick, or its description), a narrative, links and files. "Save draft" keeps it for later;
 * "Submit" saves and sends it for review. Files go to a saved draft: adding one to a new (or amended) item saves the
 * draft first. Leaving with changes not saved, or uploads still running, asks first.
 */
@Component({
  selector: 'app-evidence-form-page',
  imports: [
    ClaimEditor,
    EvidenceFiles,
    LocalDatePipe,
    MatButtonModule,
    MatCheckboxModule,
    MatDatepickerModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressSpinnerModule,
    ProblemDetails,
    ReactiveFormsModule,
    RouterLink,
  ],
  providers: [provideLocaleDateAdapter()],
  templateUrl: './evidence-form-page.html',
  styleUrl: './evidence-form-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class EvidenceFormPage implements HasUnsavedChanges {
  /** A mistyped, cut or out-of-date address: "not found", with no retry. */
  protected readonly isAddressNotFound = isAddressNotFound;
  private readonly route = inject(ActivatedRoute);
  private readonly router = inject(Router);
  private readonly store = inject(EvidenceStore);
  private readonly api = inject(EvidenceApi);
  private readonly frameworks = inject(FrameworksApi);
  private readonly people = inject(PeopleStore);
  private readonly session = inject(SessionStore);
  private readonly dialog = inject(MatDialog);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);

  protected readonly limits = EVIDENCE_LIMITS;
  protected readonly today = localToday();
  /** How the browser's locale writes a date (DD/MM/YYYY in en-GB), as the date fields read it. */
  protected readonly datePattern = injectDateInputPattern();
  protected readonly serverError = serverError;
  protected readonly verdictLabels = VERDICT_LABELS;

  private readonly id$ = this.route.paramMap.pipe(
    map((params) => params.get('id')),
    distinctUntilChanged(),
  );
  private readonly id = toSignal(this.id$, { requireSync: true });

  /** The item as the API has it (the last answer kept while it reloads after a write); null while new. */
  private readonly loaded = this.store.evidence(this.id$.pipe(filter((id): id is string => id !== null)));
  protected readonly loadProblem = computed(() => (this.id() ? this.loaded.problem() : null));
  private readonly keptEvidence = keptWhileLoading(this.loaded.state);
  /** The item: as loaded, or as the last write answered (kept until the load for its new address arrives). */
  protected readonly evidence = linkedSignal<{ id: string | null; kept: EvidenceView | null }, EvidenceView | null>({
    source: () => ({ id: this.id(), kept: this.keptEvidence() }),
    computation: ({ id, kept }, previous) => {
      if (!id) return null;
      if (kept?.id === id) return kept;
      return previous?.value?.id === id ? previous.value : null;
    },
  });
  protected readonly revision = computed(() => this.evidence()?.revisions[0] ?? null);
  protected readonly mode = computed<FormMode>(() => {
    const revision = this.revision();
    if (!revision) return 'new';
    return revision.submittedAt ? 'amend' : 'draft';
  });
  /** The draft exists on the API: files can go to it. */
  protected readonly draftSaved = computed(() => this.mode() === 'draft');
  protected readonly mayChange = computed(() => {
    const evidence = this.evidence();
    return !evidence || evidence.may.edit || evidence.may.amend;
  });

  /** Whose evidence: the item's, or `?employee=` (else the signed-in person) for a new one. */
  private readonly employeeParam = toSignal(this.route.queryParamMap.pipe(map((params) => params.get('employee'))), {
    requireSync: true,
  });
  protected readonly employeeId = computed(
    () => this.evidence()?.employee.id ?? this.employeeParam() ?? this.session.me()?.employee?.id ?? null,
  );
  private readonly employee = this.people.employee(toObservable(this.employeeId).pipe(filter((id): id is string => !!id && !this.id())));
  protected readonly employeeName = computed(() => this.evidence()?.employee.name ?? this.employee.value()?.name ?? null);
  protected readonly isOwn = computed(() => this.employeeId() !== null && this.employeeId() === this.session.me()?.employee?.id);

  protected readonly heading = computed(() => {
    switch (this.mode()) {
      case 'new':
        return 'New evidence';
      case 'draft':
        return 'Edit the draft';
      case 'amend':
        return 'Amend the evidence';
    }
  });

  protected readonly form = evidenceForm();
  protected readonly claims = this.form.controls.claims;
  protected readonly links = this.form.controls.links;
  protected readonly overPeriod = toSignal(this.form.controls.overPeriod.valueChanges, { initialValue: false });

  /** Which item and revision the form holds (null until filled). */
  private readonly filledFrom = signal<string | null>(null);
  protected readonly filling = signal(false);
  protected readonly fillProblem = signal<ApiProblem | null>(null);
  protected readonly ready = computed(() => (this.mode() === 'new' ? !this.id() : this.filledFrom() !== null));

  protected readonly saving = signal(false);
  protected readonly problem = signal<ApiProblem | null>(null);
  protected readonly conflict = signal(false);
  protected readonly status = signal('');

  protected readonly uploads = signal<readonly UploadItem[]>([]);
  private nextUploadKey = 0;
  /** A new draft is moving to its own address (the page stays): nothing is left behind. */
  private movingToOwnAddress = false;
  private readonly uploadQueue = new Subject<{ readonly key: number; readonly evidenceId: string; readonly file: File }>();
  /** Uploads shown: a finished one goes once the item lists its file. */
  protected readonly shownUploads = computed(() => {
    const stored = new Set((this.revision()?.files ?? []).map((file) => file.id));
    return this.uploads().filter((item) => !(item.state.status === 'done' && stored.has(item.state.value.id)));
  });
  protected readonly uploading = computed(() =>
    this.uploads().some((item) => ['waiting', 'sending', 'processing'].includes(item.state.status)),
  );
  /** The draft's files, or those of the revision an amendment starts from. */
  protected readonly files = computed(() => this.revision()?.files ?? []);
  protected readonly filesNote = computed(() =>
    this.draftSaved() ? null : 'Files are kept with a saved draft: adding one saves the draft first (title, date and level needed).',
  );
  protected readonly downloads = fileDownload<string>();
  /** The verdict an amendment answers. */
  protected readonly verdict = computed(() => (this.mode() === 'amend' ? (this.revision()?.verdict ?? null) : null));

  constructor() {
    warnBeforeUnload(() => this.hasUnsavedChanges());
    // Fills the form from the item the first time it arrives, and again only for another item or revision.
    effect(() => {
      const evidence = this.evidence();
      if (!evidence || this.filling()) return;
      const key = formKey(evidence);
      if (this.filledFrom() !== key) this.fill(evidence, key);
    });
    this.uploadQueue
      .pipe(
        mergeMap(
          ({ key, evidenceId, file }) => this.store.uploadFile(evidenceId, file).pipe(tap((state) => this.setUpload(key, state))),
          PARALLEL_UPLOADS,
        ),
        takeUntilDestroyed(),
      )
      .subscribe();
  }

  hasUnsavedChanges(): boolean {
    return !this.movingToOwnAddress && (this.form.dirty || this.uploading());
  }

  protected addClaim(): void {
    this.claims.push(claimForm());
    this.claims.markAsDirty();
    const index = this.claims.length - 1;
    afterNextRender(() => this.host.nativeElement.querySelector<HTMLInputElement>(`[data-testid="claim-${index}"] input`)?.focus(), {
      injector: this.injector,
    });
  }

  protected removeClaim(index: number): void {
    this.claims.removeAt(index);
    this.claims.markAsDirty();
  }

  protected addLink(): void {
    this.links.push(linkControl());
    this.links.markAsDirty();
    const index = this.links.length - 1;
    afterNextRender(() => this.host.nativeElement.querySelector<HTMLInputElement>(`#evidence-link-${index}`)?.focus(), {
      injector: this.injector,
    });
  }

  protected removeLink(index: number): void {
    this.links.removeAt(index);
    this.links.markAsDirty();
  }

  protected saveDraft(): void {
    this.save().subscribe({
      next: () => {
        this.status.set('Draft saved.');
        this.startWaitingUploads();
      },
      // shown by save()
      error: () => undefined,
    });
  }

  /** Asks, then saves what changed and submits the draft for review; goes to the item's page. */
  protected submit(): void {
    if (!this.validate()) return;
    const name = this.employeeName();
    const data: ConfirmDialogData = {
      title: 'Submit this evidence for review?',
      message: `${this.isOwn() ? 'Your managers' : `${name ?? 'The person'}’s managers`} are told, and one of them gives a verdict.`,
      consequences: [
        'This version can no longer be changed.',
        'If changes are requested or it is rejected, it can be amended: a new version, with this one and its verdict kept.',
      ],
      confirmLabel: 'Submit for review',
    };
    this.dialog
      .open<ConfirmDialog, ConfirmDialogData, boolean>(ConfirmDialog, { data, width: '32rem' })
      .afterClosed()
      .pipe(
        filter((confirmed) => confirmed === true),
        switchMap(() => (this.form.dirty || !this.draftSaved() ? this.save() : of(this.evidence() as EvidenceView))),
        switchMap((saved) => {
          this.saving.set(true);
          return this.store.submit(saved.id, latestRevision(saved));
        }),
      )
      .subscribe({
        next: (submitted) => {
          this.saving.set(false);
          this.form.markAsPristine();
          void this.router.navigate(['/evidence', submitted.id], { state: { announce: 'Evidence submitted for review.' } });
        },
        error: (error: unknown) => this.showProblem(error),
      });
  }

  /** Files dropped or chosen: uploaded to the draft at once, or once it is saved (a new or amended item is saved first). */
  protected addFiles(files: File[]): void {
    const items = files.map((file): UploadItem => ({ key: ++this.nextUploadKey, file, state: { status: 'waiting' } }));
    this.uploads.update((current) => [...current, ...items]);
    this.status.set(`${files.length} ${files.length === 1 ? 'file' : 'files'} added.`);
    if (this.draftSaved()) {
      this.startWaitingUploads();
      return;
    }
    this.save().subscribe({
      next: () => {
        this.status.set('Draft saved; uploading the files.');
        this.startWaitingUploads();
      },
      // shown by save(); the files wait for the next successful save
      error: () => undefined,
    });
  }

  protected dismissUpload(key: number): void {
    this.uploads.update((items) => items.filter((item) => item.key !== key));
  }

  protected removeFile(file: EvidenceFileView): void {
    const evidence = this.evidence();
    if (!evidence) return;
    this.store.deleteFile(evidence.id, file.id).subscribe({
      next: () => this.status.set(`${file.name} removed.`),
      error: (error: unknown) => this.problem.set(problemFromError(error)),
    });
  }

  protected downloadFile(file: EvidenceFileView): void {
    const evidence = this.evidence();
    if (!evidence) return;
    this.downloads.start(file.id, this.api.downloadFile(evidence.id, file), (error) => {
      const problem = problemFromError(error);
      return `${file.name} could not be downloaded: ${problem.detail ?? problem.title}`;
    });
  }

  /** After a 409: the form shows the item as saved now (what was typed here is dropped). */
  protected reloadLatest(): void {
    this.conflict.set(false);
    this.problem.set(null);
    this.form.markAsPristine();
    this.filledFrom.set(null);
    this.loaded.reload();
  }

  protected retryFill(): void {
    const evidence = this.evidence();
    if (evidence) this.fill(evidence, formKey(evidence));
  }

  /** Where Cancel goes: the item's page, or the person's Evidence tab for a new one. */
  protected readonly cancelLink = computed(() => {
    const evidence = this.evidence();
    if (evidence) return { commands: ['/evidence', evidence.id], queryParams: {} };
    const employeeId = this.employeeId();
    return employeeId ? { commands: ['/people', employeeId], queryParams: { tab: 'evidence' } } : { commands: ['/'], queryParams: {} };
  });

  /** Creates the draft, saves it, or (after a verdict) amends it; the page takes the answer as the item. */
  private save(): Observable<EvidenceView> {
    if (!this.validate() || this.saving()) return EMPTY;
    const evidence = this.evidence();
    const employeeId = this.employeeId();
    const content = contentRequest(this.form);
    const write = evidence
      ? this.store.update(evidence.id, { ...content, basedOnRevision: latestRevision(evidence) })
      : employeeId
        ? this.store.create({ ...content, employeeId })
        : null;
    if (!write) return EMPTY;
    this.saving.set(true);
    this.problem.set(null);
    this.conflict.set(false);
    return write.pipe(
      tap({
        next: (saved) => {
          this.saving.set(false);
          this.filledFrom.set(formKey(saved));
          this.evidence.set(saved);
          this.form.markAsPristine();
          if (!evidence) {
            this.movingToOwnAddress = true;
            void this.router
              .navigate(['/evidence', saved.id, 'edit'], { replaceUrl: true })
              .finally(() => (this.movingToOwnAddress = false));
          }
        },
        error: (error: unknown) => this.showProblem(error),
      }),
    );
  }

  /** Marks every field so its error shows, and moves the focus to the first one at fault; true when all is well. */
  private validate(): boolean {
    this.form.markAllAsTouched();
    if (this.form.valid) return true;
    this.problem.set(null);
    this.status.set('Some fields need attention.');
    afterNextRender(
      () =>
        this.host.nativeElement
          .querySelector<HTMLElement>('form .ng-invalid input, form .ng-invalid textarea, form input.ng-invalid, form textarea.ng-invalid')
          ?.focus(),
      { injector: this.injector },
    );
    return false;
  }

  private showProblem(error: unknown): void {
    this.saving.set(false);
    const problem = problemFromError(error);
    if (problem.status === 409) {
      this.conflict.set(true);
      this.problem.set(problem);
      return;
    }
    const unplaced = applyServerErrors(this.form, problem);
    if (unplaced.length === 0) return;
    const rest = problem.errors?.filter((fieldError) => !this.form.get(fieldError.field));
    this.problem.set({ ...problem, errors: rest?.length ? rest : undefined });
  }

  private startWaitingUploads(): void {
    const evidence = this.evidence();
    if (!evidence || !this.draftSaved()) return;
    for (const item of this.uploads()) {
      if (item.state.status !== 'waiting') continue;
      this.setUpload(item.key, { status: 'sending', loaded: 0, total: null });
      this.uploadQueue.next({ key: item.key, evidenceId: evidence.id, file: item.file });
    }
  }

  private setUpload(key: number, state: UploadItem['state']): void {
    this.uploads.update((items) => items.map((item) => (item.key === key ? { ...item, state } : item)));
    const item = this.uploads().find((candidate) => candidate.key === key);
    if (!item) return;
    if (state.status === 'done') this.status.set(`${item.file.name} uploaded.`);
    if (state.status === 'error') this.status.set(`${item.file.name} was not uploaded: ${state.problem.title}.`);
  }

  /** Fetches the claimed competencies (their levels, questions and indicators), then puts the revision into the form. */
  private fill(evidence: EvidenceView, key: string): void {
    const revision = evidence.revisions[0];
    if (!revision) return;
    this.filling.set(true);
    this.fillProblem.set(null);
    const ids = [...new Set(revision.claims.map((claim) => claim.competency.id))];
    (ids.length ? forkJoin(ids.map((id) => this.frameworks.getCompetency(id))) : of([] as CompetencyDetail[])).subscribe({
      next: (details) => {
        fillEvidenceForm(this.form, revision, new Map(details.map((detail) => [detail.id, detail])));
        this.filledFrom.set(key);
        this.filling.set(false);
      },
      error: (error: unknown) => {
        this.filling.set(false);
        this.fillProblem.set(problemFromError(error));
      },
    });
  }
}

/** Which item and revision the form holds. */
function formKey(evidence: EvidenceView): string {
  return `${evidence.id}@${latestRevision(evidence)}`;
}
