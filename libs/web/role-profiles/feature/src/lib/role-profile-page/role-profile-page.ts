import { ChangeDetectionStrategy, Component, computed, inject, linkedSignal, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleChange, MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { MatSelectChange, MatSelectModule } from '@angular/material/select';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { ROLE_PROFILE_LIMITS, RoleProfileDetail, RoleProfileVersionSummary } from '@proficio/shared/contracts';
import { SessionStore } from '@proficio/web/auth/data-access';
import { competencyName, competencyShortName } from '@proficio/web/frameworks/ui';
import {
  DraftRequirement,
  RoleProfilesApi,
  RoleProfilesStore,
  addRequirement,
  changeRequirement,
  draftChanged,
  groupByFramework,
  removeRequirement,
  toDraftRequest,
} from '@proficio/web/role-profiles/data-access';
import {
  ConfirmDialog,
  ConfirmDialogData,
  HasUnsavedChanges,
  LocalDatePipe,
  warnBeforeUnload,
  WithFrameworkVersionPipe,
  LocalNumberPipe,
} from '@proficio/web/shared/ui';
import { ApiProblem, isAddressNotFound, keptWhileLoading, loaded, problemFromError } from '@proficio/web/shared/util';
import { Observable, combineLatest, distinctUntilChanged, filter, map } from 'rxjs';
import { CompetencyPickerData, CompetencyPickerDialog } from '../dialogs/competency-picker-dialog';
import { NameDialog, NameDialogData } from '../dialogs/name-dialog';

const STATUS_LABELS: Record<RoleProfileVersionSummary['status'], string> = { draft: 'Draft', published: 'Published', retired: 'Retired' };

/** "Version 2 · Draft". */
export function versionLabel(version: Pick<RoleProfileVersionSummary, 'versionNumber' | 'status'>): string {
  return `Version ${version.versionNumber} · ${STATUS_LABELS[version.status]}`;
}

/** Turns a problem into one line, naming each requirement the API named by its competency code (its title when it has none). */
export function describeProblem(problem: ApiProblem, requirements: readonly DraftRequirement[]): string {
  const fields = problem.errors
    ?.map((error) => {
      const index = /^requirements\.(\d+)\./.exec(error.field)?.[1];
      const requirement = index === undefined ? undefined : requirements[Number(index)];
      return requirement ? `${competencyShortName(requirement.competency)}: ${error.message}` : `${error.field} ${error.message}`;
    })
    .join('; ');
  return fields || `${problem.title}${problem.detail ? `: ${problem.detail}` : ''}`;
}

/**
 * `/role-profiles/:id` (`?version=N`): a role profile's requirements grouped by framework, each
 * with its target level and that level's description. Admins edit the draft here: add competencies
 * through the picker, change target levels (the descriptions stay in view), mark requirements as
 * nice to have, remove them, save and publish; and start a new version, copy, rename or archive.
 */
@Component({
  selector: 'app-role-profile-page',
  imports: [
    LocalNumberPipe,
    WithFrameworkVersionPipe,
    LocalDatePipe,
    MatButtonModule,
    MatButtonToggleModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatProgressSpinnerModule,
    MatSelectModule,
    RouterLink,
  ],
  templateUrl: './role-profile-page.html',
  styleUrl: './role-profile-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RoleProfilePage implements HasUnsavedChanges {
  /** A mistyped, cut or out-of-date address: "not found", with no retry. */
  protected readonly isAddressNotFound = isAddressNotFound;
  private readonly api = inject(RoleProfilesApi);
  /** Writes go through the store (so lists follow); their answers replace the profile on screen. */
  private readonly store = inject(RoleProfilesStore);
  private readonly session = inject(SessionStore);
  private readonly dialog = inject(MatDialog);
  private readonly route = inject(ActivatedRoute);
  private readonly router = inject(Router);

  private readonly id$ = this.route.paramMap.pipe(
    map((params) => params.get('id') ?? ''),
    distinctUntilChanged(),
  );
  private readonly version$ = this.route.queryParamMap.pipe(
    map((params) => {
      const version = Number(params.get('version'));
      return Number.isInteger(version) && version > 0 ? version : undefined;
    }),
    distinctUntilChanged(),
  );

  /** What the API said last; a write's answer replaces it at once. */
  private readonly loadedProfile = loaded(combineLatest([this.id$, this.version$]).pipe(filter(([id]) => !!id)), ([id, version]) =>
    this.api.getRoleProfile(id, version === undefined ? {} : { version }),
  );
  protected readonly profile = keptWhileLoading(this.loadedProfile.state);
  protected readonly loading = this.loadedProfile.loading;
  protected readonly problem = this.loadedProfile.problem;

  /** "C.1 User Support", or the title alone for a competency without a code. */
  protected readonly competencyName = competencyName;
  protected readonly isAdmin = computed(() => this.session.hasRole('admin'));
  protected readonly version = computed(() => this.profile()?.version ?? null);
  /** Admins edit the draft of a profile that is not archived. */
  protected readonly editing = computed(() => this.isAdmin() && this.version()?.status === 'draft' && !this.profile()?.archived);
  protected readonly draftVersion = computed(() => this.profile()?.versions.find((version) => version.status === 'draft') ?? null);
  protected readonly canStartVersion = computed(
    () => this.isAdmin() && !this.profile()?.archived && !this.draftVersion() && this.version()?.status === 'published',
  );
  protected readonly canDiscardDraft = computed(() => this.editing() && (this.profile()?.versions.length ?? 0) > 1);

  /** The editor's requirements and description; reset whenever another version is shown. */
  protected readonly requirements = linkedSignal<DraftRequirement[]>(() => [...(this.version()?.requirements ?? [])]);
  protected readonly description = linkedSignal(() => this.version()?.description ?? '');
  protected readonly groups = computed(() => groupByFramework(this.requirements()));
  /** The header's totals: of the draft as it is on screen while editing (before it is saved), else as published. */
  protected readonly counts = computed(() => {
    const version = this.version();
    if (!this.editing()) return version?.requirementCounts ?? { required: 0, niceToHave: 0 };
    const required = this.requirements().filter((requirement) => requirement.required).length;
    return { required, niceToHave: this.requirements().length - required };
  });
  protected readonly dirty = computed(() => {
    const version = this.version();
    return !!version && this.editing() && draftChanged(version, this.requirements(), this.description());
  });

  hasUnsavedChanges(): boolean {
    return this.dirty();
  }

  constructor() {
    warnBeforeUnload(() => this.dirty());
  }

  protected readonly busy = signal(false);
  /** What the last action did, or why it failed; read out by screen readers. */
  protected readonly message = signal<{ text: string; error: boolean } | null>(null);

  protected readonly limits = ROLE_PROFILE_LIMITS;
  protected readonly versionLabel = versionLabel;

  protected retry(): void {
    this.loadedProfile.reload();
  }

  protected selectVersion(event: MatSelectChange<number>): void {
    void this.router.navigate([], { relativeTo: this.route, queryParams: { version: event.value }, replaceUrl: true });
  }

  protected changeLevel(requirement: DraftRequirement, event: MatSelectChange<number>): void {
    this.requirements.update((list) => changeRequirement(list, requirement.competency.id, { targetLevel: event.value }));
  }

  protected changeRequired(requirement: DraftRequirement, event: MatButtonToggleChange): void {
    this.requirements.update((list) => changeRequirement(list, requirement.competency.id, { required: event.value === true }));
  }

  protected typeDescription(event: Event): void {
    this.description.set((event.target as HTMLTextAreaElement).value);
  }

  protected addCompetency(): void {
    const data: CompetencyPickerData = { existingIds: this.requirements().map((requirement) => requirement.competency.id) };
    this.dialog
      .open<CompetencyPickerDialog, CompetencyPickerData, DraftRequirement>(CompetencyPickerDialog, {
        data,
        width: '40rem',
        maxHeight: '90vh',
      })
      .afterClosed()
      .subscribe((requirement) => {
        if (!requirement) return;
        this.requirements.update((list) => addRequirement(list, requirement));
        this.message.set({
          text: `${competencyName(requirement.competency)} added at ${requirement.target.code}. Save the draft to keep it.`,
          error: false,
        });
      });
  }

  protected removeCompetency(requirement: DraftRequirement): void {
    const name = competencyName(requirement.competency);
    this.confirm(
      {
        title: `Remove ${name}?`,
        message: `${name} will no longer be part of this draft once you save it.`,
        confirmLabel: 'Remove',
        destructive: true,
      },
      () => {
        this.requirements.update((list) => removeRequirement(list, requirement.competency.id));
        this.message.set({ text: `${name} removed. Save the draft to keep the change.`, error: false });
      },
    );
  }

  protected undoChanges(): void {
    this.requirements.set([...(this.version()?.requirements ?? [])]);
    this.description.set(this.version()?.description ?? '');
  }

  protected saveDraft(): void {
    const profile = this.profile();
    if (!profile) return;
    this.run(this.store.saveDraft(profile.id, toDraftRequest(this.requirements(), this.description())), 'The draft is saved.');
  }

  protected publish(): void {
    const profile = this.profile();
    const version = this.version();
    if (!profile || !version) return;
    const published = profile.versions.find((candidate) => candidate.status === 'published');
    this.confirm(
      {
        title: `Publish version ${version.versionNumber}?`,
        message: `Version ${version.versionNumber} of ${profile.name} will set the targets for everyone in the role.`,
        consequences: [
          'A published version cannot be changed; later changes go into a new version.',
          ...(published ? [`Version ${published.versionNumber} will be retired.`] : []),
        ],
        confirmLabel: 'Publish',
      },
      () => this.run(this.store.publishDraft(profile.id), `Version ${version.versionNumber} is published.`),
    );
  }

  protected startVersion(): void {
    const profile = this.profile();
    if (profile) this.run(this.store.startVersion(profile.id), 'A new draft version is started, copied from the published one.');
  }

  protected discardDraft(): void {
    const profile = this.profile();
    const version = this.version();
    if (!profile || !version) return;
    this.confirm(
      {
        title: `Discard the draft of version ${version.versionNumber}?`,
        message: 'The draft and every change in it will be gone; the published version stays as it is.',
        confirmLabel: 'Discard draft',
        destructive: true,
      },
      () => {
        this.busy.set(true);
        this.store.discardDraft(profile.id).subscribe({
          next: () => {
            this.busy.set(false);
            this.message.set({ text: 'The draft is discarded.', error: false });
            void this.router.navigate([], { relativeTo: this.route, queryParams: { version: null }, replaceUrl: true });
            this.loadedProfile.reload();
          },
          error: (error: unknown) => this.fail(error),
        });
      },
    );
  }

  protected archive(archived: boolean): void {
    const profile = this.profile();
    if (!profile) return;
    const done = archived ? `${profile.name} is archived.` : `${profile.name} is restored.`;
    if (!archived) {
      this.run(this.store.update(profile.id, { archived: false }), done);
      return;
    }
    this.confirm(
      {
        title: `Archive ${profile.name}?`,
        message: 'An archived profile is hidden from the list and cannot be given to anyone new.',
        consequences: [
          `The ${profile.employeeCount + profile.targetEmployeeCount} people who hold it now or as their target keep it.`,
          'You can restore it later.',
        ],
        confirmLabel: 'Archive',
        destructive: true,
      },
      () => this.run(this.store.update(profile.id, { archived: true }), done),
    );
  }

  protected rename(): void {
    const profile = this.profile();
    if (!profile) return;
    this.openNameDialog({ mode: 'rename', profile }, (renamed) => {
      this.show(renamed);
      this.message.set({ text: `Renamed to ${renamed.name}.`, error: false });
    });
  }

  protected copy(): void {
    const profile = this.profile();
    const version = this.version();
    if (!profile || !version) return;
    this.openNameDialog({ mode: 'copy', profile, version: version.versionNumber }, (copy) => {
      void this.router.navigate(['..', copy.id], { relativeTo: this.route });
    });
  }

  private openNameDialog(data: NameDialogData, done: (profile: RoleProfileDetail) => void): void {
    this.dialog
      .open<NameDialog, NameDialogData, RoleProfileDetail>(NameDialog, { data, width: '32rem' })
      .afterClosed()
      .subscribe((profile) => {
        if (profile) done(profile);
      });
  }

  private confirm(data: ConfirmDialogData, confirmed: () => void): void {
    this.dialog
      .open<ConfirmDialog, ConfirmDialogData, boolean>(ConfirmDialog, { data, width: '30rem' })
      .afterClosed()
      .subscribe((ok) => {
        if (ok) confirmed();
      });
  }

  /** Runs a write and shows the profile it answers with. */
  private run(request: Observable<RoleProfileDetail>, done: string): void {
    this.busy.set(true);
    this.message.set(null);
    request.subscribe({
      next: (profile) => {
        this.busy.set(false);
        this.show(profile);
        this.message.set({ text: done, error: false });
      },
      error: (error: unknown) => this.fail(error),
    });
  }

  private show(profile: RoleProfileDetail): void {
    this.loadedProfile.set(profile);
    const shown = Number(this.route.snapshot.queryParamMap.get('version'));
    if (shown && shown !== profile.version.versionNumber) {
      void this.router.navigate([], { relativeTo: this.route, queryParams: { version: profile.version.versionNumber }, replaceUrl: true });
    }
  }

  private fail(error: unknown): void {
    this.busy.set(false);
    this.message.set({ text: describeProblem(problemFromError(error), this.requirements()), error: true });
  }
}
