import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, Injector, afterNextRender, computed, inject, signal, viewChild } from '@angular/core';
import { takeUntilDestroyed, toObservable, toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatPaginatorModule, PageEvent } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatStepperModule } from '@angular/material/stepper';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import {
  PEOPLE_IMPORT_COLUMNS,
  PEOPLE_IMPORT_MAX_BYTES,
  PEOPLE_IMPORT_MAX_ROWS,
  PEOPLE_IMPORT_REQUIRED_COLUMNS,
  PEOPLE_IMPORT_TEAM_SEPARATOR,
  Page,
  PeopleImportCommitResult,
  PeopleImportPreview,
  PeopleImportRowView,
} from '@proficio/shared/contracts';
import { PeopleImportsApi } from '@proficio/web/people-imports/data-access';
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
  provideLocalePaginator,
} from '@proficio/web/shared/ui';
import { saveFile } from '@proficio/web/auth/data-access';
import { PEOPLE_IMPORT_TEMPLATE_FILENAME, peopleImportTemplate } from './people-import-template';
import {
  LoadState,
  UploadState,
  fileTooLargeMessage,
  isUploading,
  loadStateParts,
  formatFileSize,
  formatLocalNumber,
  toLoadState,
  toUploadState,
} from '@proficio/web/shared/util';
import { Subject, exhaustMap, of, switchMap } from 'rxjs';

export const ROW_PAGE_SIZES = [25, 50, 100] as const;
const ACTION_LABELS: Record<PeopleImportRowView['action'], string> = {
  create: 'New',
  update: 'Update',
  unchanged: 'Unchanged',
  error: 'Error',
};
/** The preview table's columns that show a value of the file as it is. */
const TEXT_COLUMNS: readonly { readonly key: 'jobTitle' | 'teamPath' | 'managerEmail' | 'roleProfile'; readonly heading: string }[] = [
  { key: 'jobTitle', heading: 'Job title' },
  { key: 'teamPath', heading: 'Team' },
  { key: 'managerEmail', heading: 'Manager' },
  { key: 'roleProfile', heading: 'Role profile' },
];
const ACCEPT = '.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** What the commit would do, in words: "3 new people, 1 update, 2 teams to create". */
export function describePlan(preview: PeopleImportPreview): string {
  const parts = [
    `${preview.counts.create} new ${preview.counts.create === 1 ? 'person' : 'people'}`,
    `${preview.counts.update} ${preview.counts.update === 1 ? 'update' : 'updates'}`,
    `${preview.counts.unchanged} unchanged`,
  ];
  if (preview.teamsToCreate.length)
    parts.push(`${preview.teamsToCreate.length} new ${preview.teamsToCreate.length === 1 ? 'team' : 'teams'}`);
  return parts.join(', ');
}

interface RowsRequest {
  readonly id: string;
  readonly page: number;
  readonly pageSize: number;
  readonly errorsOnly: boolean;
}

/**
 * `/people-imports` (admins): upload a CSV or XLSX file of people, see what it would do — who is
 * created or updated, each row's errors, the teams that would be created — and import it in one
 * go. Nothing is written before the confirm step; a file with errors cannot be imported.
 */
@Component({
  selector: 'app-people-import-page',
  imports: [
    CommitButton,
    LocalNumberPipe,
    ProblemDetails,
    FileDrop,
    ImportWizard,
    MatButtonModule,
    MatCheckboxModule,
    MatPaginatorModule,
    MatProgressBarModule,
    MatStepperModule,
    MatTableModule,
    RouterLink,
    StepDoneIcon,
    UploadActions,
    UploadProblem,
    UploadProgress,
  ],
  templateUrl: './people-import-page.html',
  styleUrl: './people-import-page.scss',
  // The preview's paginator writes "1 – 25 of 1,234" in the browser's locale.
  providers: [provideLocalePaginator()],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PeopleImportPage {
  private readonly api = inject(PeopleImportsApi);
  private readonly injector = inject(Injector);
  private readonly locale = inject(BROWSER_LOCALE);
  private readonly wizard = viewChild.required(ImportWizard);
  private readonly fileDrop = viewChild(FileDrop);
  private readonly uploads = new Subject<File | null>();
  private readonly commits = new Subject<string>();

  protected readonly steps = IMPORT_STEPS;
  protected readonly columns = PEOPLE_IMPORT_COLUMNS;
  protected readonly requiredColumns = PEOPLE_IMPORT_REQUIRED_COLUMNS;
  protected readonly separator = PEOPLE_IMPORT_TEAM_SEPARATOR;
  private readonly document = inject(DOCUMENT);

  /** Saves a CSV with the header row and one example person, to fill in. */
  protected downloadTemplate(): void {
    saveFile(peopleImportTemplate(), PEOPLE_IMPORT_TEMPLATE_FILENAME, this.document);
  }
  protected readonly maxSize = formatFileSize(PEOPLE_IMPORT_MAX_BYTES, this.locale);
  protected readonly maxRows = formatLocalNumber(PEOPLE_IMPORT_MAX_ROWS, this.locale);
  protected readonly accept = ACCEPT;
  protected readonly pageSizes = ROW_PAGE_SIZES;
  protected readonly textColumns = TEXT_COLUMNS;
  protected readonly tableColumns = ['row', 'person', ...TEXT_COLUMNS.map((column) => column.key), 'result'];

  protected readonly file = signal<File | null>(null);
  protected readonly attempted = signal(false);
  protected readonly upload = signal<UploadState<PeopleImportPreview> | null>(null);
  protected readonly preview = signal<PeopleImportPreview | null>(null);
  protected readonly commit = signal<LoadState<PeopleImportCommitResult> | null>(null);

  protected readonly errorsOnly = signal(false);
  protected readonly page = signal(1);
  protected readonly pageSize = signal<number>(ROW_PAGE_SIZES[0]);

  /** Only the id: the preview marked committed is the same file, whose rows need no reload. */
  private readonly previewId = computed(() => this.preview()?.id ?? null);
  private readonly rowsRequest = computed((): RowsRequest | null => {
    const id = this.previewId();
    return id ? { id, page: this.page(), pageSize: this.pageSize(), errorsOnly: this.errorsOnly() } : null;
  });
  protected readonly rows = toSignal(
    toObservable(this.rowsRequest).pipe(
      switchMap((request) =>
        request ? this.api.listRows(request.id, request).pipe(toLoadState()) : of<LoadState<Page<PeopleImportRowView>> | null>(null),
      ),
    ),
    { initialValue: null },
  );
  protected readonly rowsPage = computed(() => {
    const rows = this.rows();
    return rows?.status === 'loaded' ? rows.value : null;
  });

  protected readonly uploading = computed(() => isUploading(this.upload()));
  protected readonly uploadProblem = computed(() => {
    const upload = this.upload();
    return upload?.status === 'error' ? upload.problem : null;
  });
  protected readonly fileError = computed(() => {
    const file = this.file();
    return (
      fileTooLargeMessage(file, PEOPLE_IMPORT_MAX_BYTES, this.locale) ??
      (!file && this.attempted() ? 'Choose the CSV or Excel file to import.' : null)
    );
  });

  protected readonly hasErrors = computed(() => (this.preview()?.counts.error ?? 0) > 0);
  protected readonly plan = computed(() => {
    const preview = this.preview();
    return preview ? describePlan(preview) : '';
  });
  private readonly commitParts = loadStateParts(this.commit);
  protected readonly committing = this.commitParts.loading;
  protected readonly commitProblem = this.commitParts.problem;
  protected readonly done = this.commitParts.value;

  /** Said by the polite live region while nothing else changes on screen. */
  protected readonly announcement = computed(() => {
    const upload = this.upload();
    if (upload?.status === 'sending') return `Uploading ${this.file()?.name ?? 'the file'}…`;
    if (upload?.status === 'processing') return 'Checking the file…';
    if (this.committing()) return 'Importing people…';
    const page = this.rowsPage();
    if (page) {
      const noun = this.errorsOnly() ? (page.total === 1 ? 'row with errors' : 'rows with errors') : page.total === 1 ? 'row' : 'rows';
      return `${page.total} ${noun}; page ${page.page} of ${Math.max(1, Math.ceil(page.total / page.pageSize))}.`;
    }
    return '';
  });

  constructor() {
    this.uploads
      .pipe(
        switchMap((file) => (file ? this.api.upload(file).pipe(toUploadState()) : of(null))),
        takeUntilDestroyed(),
      )
      .subscribe((state) => {
        this.upload.set(state);
        if (state?.status === 'done') {
          this.commit.set(null);
          this.page.set(1);
          this.errorsOnly.set(state.value.counts.error > 0);
          this.preview.set(state.value);
          this.wizard().goTo(IMPORT_STEPS.preview);
        }
      });
    this.commits
      .pipe(
        exhaustMap((id) => this.api.commit(id).pipe(toLoadState())),
        takeUntilDestroyed(),
      )
      .subscribe((state) => {
        this.commit.set(state);
        if (state.status === 'loaded') {
          this.preview.update((preview) => (preview ? { ...preview, status: 'committed' } : preview));
          this.wizard().goTo(IMPORT_STEPS.done);
        }
      });
  }

  /** "Upload and check": sends the file for a preview, or points at what is missing. */
  protected checkFile(): void {
    if (this.uploading()) return;
    this.attempted.set(true);
    const file = this.file();
    if (!file || this.fileError()) {
      afterNextRender(() => this.fileDrop()?.focus(), { injector: this.injector });
      return;
    }
    this.uploads.next(file);
  }

  protected cancelUpload(): void {
    this.uploads.next(null);
  }

  protected showErrorsOnly(errorsOnly: boolean): void {
    this.errorsOnly.set(errorsOnly);
    this.page.set(1);
  }

  protected changePage(event: PageEvent): void {
    this.page.set(event.pageSize !== this.pageSize() ? 1 : event.pageIndex + 1);
    this.pageSize.set(event.pageSize);
  }

  protected commitImport(): void {
    const preview = this.preview();
    if (preview && !this.hasErrors() && !this.committing()) this.commits.next(preview.id);
  }

  /** Back to the first step with an empty form: another file, or the same file corrected. */
  protected startAgain(): void {
    this.setFile(null);
    this.attempted.set(false);
    this.wizard().goTo(IMPORT_STEPS.upload);
  }

  protected actionLabel(row: PeopleImportRowView): string {
    return ACTION_LABELS[row.action];
  }

  protected errorText(row: PeopleImportRowView): string[] {
    return row.errors.map((error) => (error.column ? `${error.column}: ${error.message}` : error.message));
  }

  /** A new file makes the last preview stale. */
  protected setFile(file: File | null): void {
    this.file.set(file);
    this.upload.set(null);
    this.preview.set(null);
    this.commit.set(null);
  }
}
