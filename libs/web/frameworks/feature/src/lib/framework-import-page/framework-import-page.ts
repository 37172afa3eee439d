import { BreakpointObserver } from '@angular/cdk/layout';
import { STEPPER_GLOBAL_OPTIONS, StepperOrientation } from '@angular/cdk/stepper';
import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  Injector,
  afterNextRender,
  computed,
  inject,
  signal,
  viewChild,
} from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { FormControl } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckbox, MatCheckboxModule } from '@angular/material/checkbox';
import { MatRadioModule } from '@angular/material/radio';
import { MatStepperModule } from '@angular/material/stepper';
import { RouterLink } from '@angular/router';
import {
  FrameworkContentLoss,
  FrameworkImportCommitRequest,
  FrameworkImportCommitResult,
  FrameworkImportFormat,
  FrameworkImportPreview,
  FrameworkImportTarget,
  FrameworkLosableField,
  FrameworkScaleChoice,
  FrameworkWarning,
} from '@proficio/shared/contracts';
import { FrameworkImportsApi, MAX_IMPORT_BYTES } from '@proficio/web/frameworks/data-access';
import {
  BROWSER_LOCALE,
  CommitButton,
  FileDrop,
  IMPORT_STEPS,
  ImportWizard,
  LocalNumberPipe,
  ProblemDetails,
  StepDoneIcon,
  UploadActions,
  UploadProblem,
  UploadProgress,
} from '@proficio/web/shared/ui';
import {
  ApiProblem,
  LOADING,
  LoadState,
  UploadState,
  fileTooLargeMessage,
  isUploading,
  loadStateParts,
  formatFileSize,
  formatLocalNumber,
  problemFromError,
  toUploadState,
} from '@proficio/web/shared/util';
import { ImportIssueRow, ImportIssuesTable, ImportPreviewSummary, WarningIcon, languageName } from '@proficio/web/frameworks/ui';
import { Observable, Subject, catchError, exhaustMap, map, of, startWith, switchMap } from 'rxjs';
import { FrameworkPick, FrameworkPicker, pickedFramework, requirePickedFramework } from '../shared/framework-picker';
import { IMPORT_FORMAT_OPTIONS, LEVELS_FILE_ACCEPT, importFormatOption } from './import-formats';

type FileField = 'file' | 'levelsFile';

const NARROW_SCREEN = '(max-width: 599.98px)';

interface UploadRequest {
  readonly format: FrameworkImportFormat;
  readonly file: File;
  readonly levelsFile: File | null;
}

interface CommitRequest {
  readonly id: string;
  readonly request: FrameworkImportCommitRequest;
}

/** A committed import, and whether it had been committed before (a 409 answered by reading the import again). */
export interface ImportDone {
  readonly result: FrameworkImportCommitResult;
  readonly alreadyCommitted: boolean;
}

/**
 * `/frameworks/import`: upload a framework file (Proficio JSON, Moodle CSV, SFIA CSV or CASE),
 * see what it would become — counts, warnings, or the errors with their places — and publish it
 * as a framework version. Nothing is written before the confirm step.
 *
 * The upload form is three signals rather than a reactive form: `@angular/forms` sits in the
 * initial chunk (the shell's MatList imports it), so FormGroup & co. would grow the initial bundle.
 */
@Component({
  selector: 'app-framework-import-page',
  imports: [
    CommitButton,
    LocalNumberPipe,
    ProblemDetails,
    FileDrop,
    FrameworkPicker,
    ImportWizard,
    ImportIssuesTable,
    ImportPreviewSummary,
    MatButtonModule,
    MatCheckboxModule,
    MatRadioModule,
    MatStepperModule,
    RouterLink,
    StepDoneIcon,
    UploadActions,
    UploadProblem,
    UploadProgress,
    WarningIcon,
  ],
  providers: [{ provide: STEPPER_GLOBAL_OPTIONS, useValue: { showError: true } }],
  templateUrl: './framework-import-page.html',
  styleUrl: './framework-import-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FrameworkImportPage {
  private readonly api = inject(FrameworkImportsApi);
  private readonly injector = inject(Injector);
  private readonly locale = inject(BROWSER_LOCALE);
  private readonly wizard = viewChild.required(ImportWizard);
  private readonly formatGroup = viewChild<string, ElementRef<HTMLElement>>('formatGroup', { read: ElementRef });
  private readonly fileDrop = viewChild<FileDrop>('fileDrop');
  private readonly levelsFileDrop = viewChild<FileDrop>('levelsFileDrop');
  private readonly lossCheckbox = viewChild<MatCheckbox>('lossCheckbox');
  private readonly emptyCheckbox = viewChild<MatCheckbox>('emptyCheckbox');
  private readonly scaleFrameworkPicker = viewChild(FrameworkPicker);
  private readonly targetGroup = viewChild<string, ElementRef<HTMLElement>>('targetGroup', { read: ElementRef });
  private readonly uploads = new Subject<UploadRequest | null>();
  private readonly commits = new Subject<CommitRequest>();

  /** Side by side on wide screens; stacked on phones, where four step labels side by side would be cut off. */
  protected readonly orientation = toSignal(
    inject(BreakpointObserver)
      .observe(NARROW_SCREEN)
      .pipe(map((state): StepperOrientation => (state.matches ? 'vertical' : 'horizontal'))),
    { initialValue: 'horizontal' as StepperOrientation },
  );

  protected readonly steps = IMPORT_STEPS;
  protected readonly formats = IMPORT_FORMAT_OPTIONS;
  protected readonly levelsFileAccept = LEVELS_FILE_ACCEPT;
  protected readonly maxSize = formatFileSize(MAX_IMPORT_BYTES, this.locale);

  protected readonly format = signal<FrameworkImportFormat | null>(null);
  protected readonly file = signal<File | null>(null);
  /** SFIA only: the levels file. */
  protected readonly levelsFile = signal<File | null>(null);
  protected readonly formatOption = computed(() => importFormatOption(this.format()));
  /** Set once "Upload and check" was pressed, so that missing choices are only reported then. */
  protected readonly attempted = signal(false);

  /** The request sent last; its file names caption the results. */
  protected readonly request = signal<UploadRequest | null>(null);
  protected readonly upload = signal<UploadState<FrameworkImportPreview> | null>(null);
  protected readonly preview = signal<FrameworkImportPreview | null>(null);
  /** The 422 answer: the file is not valid in the chosen format; `errors` name each place. */
  protected readonly invalidFile = signal<ApiProblem | null>(null);
  protected readonly commit = signal<LoadState<ImportDone> | null>(null);
  /** The confirm step's "publish without this content" box, for a version that loses content of the latest one. */
  protected readonly acceptLoss = signal(false);
  /** Set when Import was pressed without ticking that box. */
  protected readonly lossUnconfirmed = signal(false);
  /** The answer to "a new version of X, or a new framework?", asked when the file shares only its identifier with X. */
  protected readonly target = signal<FrameworkImportTarget | null>(null);
  /** Set when Continue was pressed without answering it. */
  protected readonly targetUnchosen = signal(false);
  /** For a file with only a placeholder scale: what to rate its competencies on (the generic 1–5 scale unless changed). */
  protected readonly scaleSource = signal<'generic' | 'framework' | 'placeholder'>('generic');
  /** With `scaleSource` "framework": the framework (version) whose scale to use, searched in the library. */
  protected readonly scaleFramework = new FormControl<FrameworkPick>('', { nonNullable: true });
  private readonly scaleFrameworkPicked = toSignal(this.scaleFramework.valueChanges.pipe(map(pickedFramework)), { initialValue: null });
  /** The confirm step's "publish without competencies" box. */
  protected readonly acceptEmpty = signal(false);
  protected readonly emptyUnconfirmed = signal(false);

  protected readonly uploading = computed(() => isUploading(this.upload()));
  /** A failed upload other than an invalid file (shown on the upload step): 400, 403, 413, 5xx, no network. */
  protected readonly uploadProblem = computed(() => {
    const upload = this.upload();
    return upload?.status === 'error' && upload.problem.status !== 422 ? upload.problem : null;
  });
  private readonly commitParts = loadStateParts(this.commit);
  protected readonly committing = this.commitParts.loading;
  protected readonly commitProblem = this.commitParts.problem;
  protected readonly done = this.commitParts.value;

  protected readonly formatError = computed(() => (this.attempted() && !this.format() ? 'Choose the format of the file.' : null));
  protected readonly fileError = computed(() => {
    const file = this.file();
    return file
      ? fileTooLargeMessage(file, MAX_IMPORT_BYTES, this.locale)
      : this.attempted()
        ? 'Choose the framework file to import.'
        : null;
  });
  protected readonly levelsFileError = computed(() => fileTooLargeMessage(this.levelsFile(), MAX_IMPORT_BYTES, this.locale));
  /** Not an error: the server decides. A hint when the name does not end as the format's files do. */
  protected readonly fileNote = computed(() => {
    const file = this.file();
    const option = this.formatOption();
    if (!file || !option || option.extensions.some((ext) => file.name.toLowerCase().endsWith(ext))) return null;
    return `${file.name} does not end in ${option.extensions.join(' or ')}, as ${option.label} files do. Check the format.`;
  });
  protected readonly extensionsHint = computed(() => {
    const option = this.formatOption();
    return option ? ` (${option.extensions.join(', ')})` : '';
  });

  protected readonly errorRows = computed((): ImportIssueRow[] =>
    (this.invalidFile()?.errors ?? []).map((error) => ({ location: error.field, message: error.message })),
  );
  /** The warnings a refused file had besides its errors (the 422 lists both). */
  protected readonly invalidFileWarningRows = computed((): ImportIssueRow[] =>
    (this.invalidFile()?.warnings ?? []).map((warning) => ({ location: warning.field, message: warning.message })),
  );

  /** What the new version would lose of the latest one; null when nothing, when there is no latest version, or for a new framework. */
  protected readonly loss = computed(() => {
    const existing = this.preview()?.existing;
    return existing && !existing.unchanged && existing.loss && existing.loss.total > 0 && this.target() !== 'new-framework'
      ? existing.loss
      : null;
  });
  protected readonly lossItems = computed(() => {
    const loss = this.loss();
    return loss ? lossItems(loss, this.locale) : [];
  });
  protected readonly lossSummary = computed(() => inWords(this.lossItems()));
  protected readonly askTarget = computed(() => this.preview()?.commitRequires.includes('target') ?? false);
  /** A new framework loses nothing: the losses only matter for a new version. */
  protected readonly needsLossConfirmation = computed(
    () => (this.preview()?.commitRequires.includes('acceptContentLoss') ?? false) && this.target() !== 'new-framework',
  );
  protected readonly needsEmptyConfirmation = computed(() => this.preview()?.commitRequires.includes('acceptEmpty') ?? false);
  /** The file defines no levels, and no earlier version's scale applies: ask which scale to rate on. */
  protected readonly askScale = computed(() => {
    const scale = this.preview()?.scale;
    return !!scale?.placeholder && (!scale.keptFromLatest || this.target() === 'new-framework');
  });
  private readonly scaleChoice = computed((): FrameworkScaleChoice | null => {
    if (!this.askScale()) return null;
    const source = this.scaleSource();
    const framework = this.scaleFrameworkPicked();
    if (source === 'generic') return { source };
    return source === 'framework' && framework ? { source, frameworkVersionId: framework.id } : null;
  });
  /** "title 0 % alike, 10 % of the items in common". */
  protected readonly similarityWords = computed(() => {
    const similarity = this.preview()?.existing?.similarity;
    return similarity
      ? `its title is ${Math.round(similarity.title * 100)} % alike, ${Math.round(similarity.items * 100)} % of the categories and competencies are in both`
      : '';
  });
  protected readonly warningRows = computed((): ImportIssueRow[] => this.preview()?.warnings ?? []);
  protected readonly dataQualityRows = computed((): ImportIssueRow[] =>
    (this.preview()?.dataQualityWarnings ?? []).map((warning) => ({ location: placeOfWarning(warning), message: warning.message })),
  );

  /** What the import would write, in one line; also what the confirm step says it will do. */
  protected readonly outcome = computed(() => {
    const preview = this.preview();
    if (!preview) return null;
    const name = preview.framework.name.text;
    const existing = preview.existing;
    if (!existing) return { kind: 'new' as const, name, version: preview.proposedVersionNumber };
    const target = this.askTarget() ? this.target() : 'new-version';
    if (target === 'new-framework')
      return {
        kind: 'new-framework' as const,
        name,
        version: 1,
        existingName: existing.name.text,
        latestVersionId: existing.latestVersionId,
      };
    return {
      kind: existing.unchanged ? ('unchanged' as const) : target === null ? ('ask' as const) : ('new-version' as const),
      name,
      existingName: existing.name.text,
      version: existing.unchanged ? existing.latestVersionNumber : preview.proposedVersionNumber,
      latestVersion: existing.latestVersionNumber,
      latestVersionId: existing.latestVersionId,
    };
  });

  /** Said by the polite live region: what is going on while nothing else changes on screen. */
  protected readonly announcement = computed(() => {
    const upload = this.upload();
    if (upload?.status === 'processing') return 'Checking the file…';
    if (upload?.status === 'sending') return `Uploading ${this.request()?.file.name ?? 'the file'}…`;
    if (this.committing()) return 'Importing…';
    return '';
  });

  constructor() {
    this.uploads
      .pipe(
        switchMap((request) =>
          request ? this.api.importFramework(request.format, request.file, request.levelsFile).pipe(toUploadState()) : of(null),
        ),
        takeUntilDestroyed(),
      )
      .subscribe((state) => this.showUpload(state));

    this.commits
      .pipe(
        exhaustMap(({ id, request }) => this.commitOnce(id, request)),
        takeUntilDestroyed(),
      )
      .subscribe((state) => {
        this.commit.set(state);
        if (state.status === 'loaded') this.wizard().goTo(IMPORT_STEPS.done);
      });
  }

  protected chooseFormat(format: FrameworkImportFormat): void {
    this.format.set(format);
    if (format !== 'sfia-csv') this.setFile('levelsFile', null);
    this.clearResults();
  }

  /** "Upload and check": sends the file for a preview, or points at what is missing. */
  protected checkFile(): void {
    if (this.uploading()) return;
    this.attempted.set(true);
    const format = this.format();
    const file = this.file();
    const levelsFile = format === 'sfia-csv' ? this.levelsFile() : null;
    if (!format) {
      afterNextRender(() => this.formatGroup()?.nativeElement.querySelector<HTMLElement>('input[type="radio"]')?.focus(), {
        injector: this.injector,
      });
      return;
    }
    if (!file || this.fileError() || this.levelsFileError()) {
      afterNextRender(() => (this.fileError() ? this.fileDrop() : this.levelsFileDrop())?.focus(), {
        injector: this.injector,
      });
      return;
    }
    const request: UploadRequest = { format, file, levelsFile };
    this.request.set(request);
    this.uploads.next(request);
  }

  protected retryUpload(): void {
    const request = this.request();
    if (!request || this.uploading()) return;
    this.uploads.next(request);
  }

  protected cancelUpload(): void {
    this.uploads.next(null);
  }

  /** The preview's Continue: on to the confirm step, once the questions of the file's identity and scale are answered. */
  protected continueToConfirm(): void {
    if (this.askScale() && this.scaleSource() === 'framework' && !requirePickedFramework(this.scaleFramework)) {
      afterNextRender(() => this.scaleFrameworkPicker()?.focus(), { injector: this.injector });
      return;
    }
    if (this.askTarget() && !this.target()) {
      this.targetUnchosen.set(true);
      afterNextRender(() => this.targetGroup()?.nativeElement.querySelector<HTMLElement>('input[type="radio"]')?.focus(), {
        injector: this.injector,
      });
      return;
    }
    this.wizard().goTo(IMPORT_STEPS.confirm);
  }

  protected chooseScaleSource(source: 'generic' | 'framework' | 'placeholder'): void {
    this.scaleSource.set(source);
    // Another answer withdraws the "choose a framework" error; the field keeps its text or choice.
    this.scaleFramework.setErrors(null);
  }

  /** The name of the scale the file's competencies would be rated on, as the confirm step says it. */
  protected readonly scaleWords = computed(() => {
    if (!this.askScale()) return null;
    const source = this.scaleSource();
    if (source === 'generic') return 'the generic 1–5 proficiency scale';
    if (source === 'placeholder') return 'the one-level placeholder scale (nobody can be rated on it until its scale is changed)';
    const chosen = this.scaleFrameworkPicked();
    return chosen ? `the scale of ${chosen.name.text}` : null;
  });

  protected chooseTarget(target: FrameworkImportTarget): void {
    this.target.set(target);
    this.targetUnchosen.set(false);
  }

  /** "Import": commits with the choices the preview asked for, or points at the first box still to tick. */
  protected commitImport(): void {
    const preview = this.preview();
    if (!preview || this.committing()) return;
    const lossMissing = this.needsLossConfirmation() && !this.acceptLoss();
    const emptyMissing = this.needsEmptyConfirmation() && !this.acceptEmpty();
    this.lossUnconfirmed.set(lossMissing);
    this.emptyUnconfirmed.set(emptyMissing);
    if (lossMissing || emptyMissing) {
      afterNextRender(() => (lossMissing ? this.lossCheckbox() : this.emptyCheckbox())?.focus(), { injector: this.injector });
      return;
    }
    const target = this.askTarget() ? this.target() : null;
    const scale = this.scaleChoice();
    this.commits.next({
      id: preview.id,
      request: {
        ...(target ? { target } : {}),
        ...(scale ? { scale } : {}),
        ...(this.needsLossConfirmation() ? { acceptContentLoss: true } : {}),
        ...(this.needsEmptyConfirmation() ? { acceptEmpty: true } : {}),
      },
    });
  }

  protected confirmEmpty(accepted: boolean): void {
    this.acceptEmpty.set(accepted);
    if (accepted) this.emptyUnconfirmed.set(false);
  }

  protected confirmLoss(accepted: boolean): void {
    this.acceptLoss.set(accepted);
    if (accepted) this.lossUnconfirmed.set(false);
  }

  /** Starts again with an empty form (after an import, or to drop a file). */
  protected importAnother(): void {
    this.format.set(null);
    this.setFile('file', null);
    this.setFile('levelsFile', null);
    this.attempted.set(false);
    this.request.set(null);
    this.commit.set(null);
    this.clearResults();
    this.wizard().goTo(IMPORT_STEPS.upload);
  }

  private showUpload(state: UploadState<FrameworkImportPreview> | null): void {
    this.upload.set(state);
    if (state?.status === 'done') {
      this.commit.set(null);
      this.preview.set(state.value);
      this.invalidFile.set(null);
      this.wizard().goTo(IMPORT_STEPS.preview);
    } else if (state?.status === 'error' && state.problem.status === 422) {
      this.preview.set(null);
      this.invalidFile.set(state.problem);
      this.wizard().goTo(IMPORT_STEPS.preview);
    }
  }

  /**
   * Commits; a 409 is answered by reading the import again: committed already (e.g. from another tab), it gives its
   * version; otherwise the import needs a confirmation it did not need when previewed (a richer version was published
   * since), and the fresh preview shows what.
   */
  private commitOnce(id: string, request: FrameworkImportCommitRequest): Observable<LoadState<ImportDone>> {
    return this.api.commitImport(id, request).pipe(
      map((result): LoadState<ImportDone> => ({ status: 'loaded', value: { result, alreadyCommitted: false } })),
      catchError((error: unknown) => {
        const problem = problemFromError(error);
        if (problem.status !== 409) return of<LoadState<ImportDone>>({ status: 'error', problem });
        return this.api.getImport(id).pipe(
          map((preview): LoadState<ImportDone> =>
            preview.committedVersionId
              ? {
                  status: 'loaded',
                  value: {
                    result: {
                      importId: id,
                      frameworkVersionId: preview.committedVersionId,
                      versionNumber: preview.proposedVersionNumber,
                      created: true,
                    },
                    alreadyCommitted: true,
                  },
                }
              : this.previewAgain(preview, problem),
          ),
          catchError(() => of<LoadState<ImportDone>>({ status: 'error', problem })),
        );
      }),
      startWith<LoadState<ImportDone>>(LOADING),
    );
  }

  /** Shows an import's fresh preview after a refused commit, with the confirmation it now needs unticked. */
  private previewAgain(preview: FrameworkImportPreview, problem: ApiProblem): LoadState<ImportDone> {
    this.preview.set(preview);
    this.acceptLoss.set(false);
    this.acceptEmpty.set(false);
    return { status: 'error', problem };
  }

  /** A new file makes the last preview stale: it no longer describes what would be imported. */
  protected setFile(field: FileField, file: File | null): void {
    (field === 'file' ? this.file : this.levelsFile).set(file);
    this.clearResults();
  }

  private clearResults(): void {
    this.upload.set(null);
    this.preview.set(null);
    this.invalidFile.set(null);
    this.commit.set(null);
    this.acceptLoss.set(false);
    this.lossUnconfirmed.set(false);
    this.target.set(null);
    this.targetUnchosen.set(false);
    this.acceptEmpty.set(false);
    this.emptyUnconfirmed.set(false);
    this.scaleSource.set('generic');
    this.scaleFramework.reset();
  }
}

/** Where a data-quality warning applies, as people read it, with its JSON pointer. */
function placeOfWarning(warning: FrameworkWarning): string {
  if (!warning.competencyKey) return warning.location;
  const level = warning.level !== undefined ? `, level ${warning.level}` : '';
  return `Competency ${warning.competencyKey}${level} (${warning.location})`;
}

const LOSS_COUNTS: { readonly key: keyof FrameworkContentLoss; readonly one: string; readonly many: string }[] = [
  { key: 'competencies', one: 'competency', many: 'competencies' },
  { key: 'categories', one: 'category', many: 'categories' },
  { key: 'levelDescriptions', one: 'level description', many: 'level descriptions' },
  { key: 'indicators', one: 'behaviour indicator', many: 'behaviour indicators' },
  { key: 'questions', one: 'interview question', many: 'interview questions' },
  { key: 'guidance', one: 'guidance text', many: 'guidance texts' },
  { key: 'descriptions', one: 'description', many: 'descriptions' },
  { key: 'scaleTexts', one: 'scale text', many: 'scale texts' },
  { key: 'certifications', one: 'certification', many: 'certifications' },
];

const LOSABLE_FIELDS: Record<FrameworkLosableField, string> = {
  licence: 'the licence text',
  attribution: 'the attribution text',
  publisher: 'the publisher',
  sourceUrl: 'the source address',
};

/**
 * What a version would lose, one line per kind, counts in `locale`: "1,672 level descriptions", "30 translations (no French
 * at all)", "the licence text".
 */
export function lossItems(loss: FrameworkContentLoss, locale: string): string[] {
  const counts = LOSS_COUNTS.flatMap(({ key, one, many }) => {
    const count = loss[key] as number;
    return count > 0 ? [`${formatLocalNumber(count, locale)} ${count === 1 ? one : many}`] : [];
  });
  const dropped = loss.languages.length ? ` (no ${loss.languages.map(languageName).join(' or ')} at all)` : '';
  const translations =
    loss.translations > 0
      ? [`${formatLocalNumber(loss.translations, locale)} translation${loss.translations === 1 ? '' : 's'}${dropped}`]
      : [];
  return [...counts, ...translations, ...loss.frameworkFields.map((field) => LOSABLE_FIELDS[field])];
}

/** "a, b and c". */
function inWords(items: readonly string[]): string {
  return items.length > 1 ? `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}` : (items[0] ?? '');
}
