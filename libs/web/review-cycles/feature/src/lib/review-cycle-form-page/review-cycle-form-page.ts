import { ChangeDetectionStrategy, Component, ElementRef, computed, effect, inject, signal, viewChild } from '@angular/core';
import { ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatDatepickerModule } from '@angular/material/datepicker';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { MatRadioModule } from '@angular/material/radio';
import { MatSelectModule } from '@angular/material/select';
import { Title } from '@angular/platform-browser';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { NamedRef, ReviewCycleView } from '@proficio/shared/contracts';
import { PeopleApi, teamOptions } from '@proficio/web/people/data-access';
import { ReviewCyclesApi, ReviewCyclesStore } from '@proficio/web/review-cycles/data-access';
import { RoleProfilesApi } from '@proficio/web/role-profiles/data-access';
import { HasUnsavedChanges, warnBeforeUnload } from '@proficio/web/shared/ui';
import { FormPageSave, loaded, serverError } from '@proficio/web/shared/util';
import { fromIsoDate, injectDateInputPattern, provideLocaleDateAdapter } from '@proficio/web/shared/util/date-input';
import { Observable, catchError, from, map, mergeMap, of, toArray } from 'rxjs';
import { PeoplePicker } from '../shared/people-picker';
import {
  CYCLE_FIELD_CONTROLS,
  FIXED_ONCE_OPEN,
  cycleRequest,
  formProblem,
  participantsOf,
  reviewCycleForm,
  revalidateDependents,
} from './review-cycle-form';

/** How many people's names load at once when a cycle of people picked by hand is edited. */
const NAME_REQUESTS_AT_ONCE = 4;

/**
 * `/review-cycles/new` and `/review-cycles/:id/edit` (admins): a cycle's name, period, deadlines, who takes part (a
 * team with its sub-teams, everyone in a role profile, or people picked by hand) and whether target roles are in scope.
 * Once open only the name and dates change (the reviews exist); a closed cycle does not change. The API's field errors
 * appear next to the fields; anything else above the form.
 */
@Component({
  selector: 'app-review-cycle-form-page',
  imports: [
    MatButtonModule,
    MatCheckboxModule,
    MatDatepickerModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressSpinnerModule,
    MatRadioModule,
    MatSelectModule,
    PeoplePicker,
    ReactiveFormsModule,
    RouterLink,
  ],
  providers: [provideLocaleDateAdapter()],
  templateUrl: './review-cycle-form-page.html',
  styleUrl: './review-cycle-form-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReviewCycleFormPage implements HasUnsavedChanges {
  private readonly api = inject(ReviewCyclesApi);
  private readonly store = inject(ReviewCyclesStore);
  private readonly peopleApi = inject(PeopleApi);
  private readonly roleProfilesApi = inject(RoleProfilesApi);
  private readonly route = inject(ActivatedRoute);
  private readonly router = inject(Router);
  private readonly title = inject(Title);
  private readonly problemBox = viewChild<ElementRef<HTMLElement>>('problemBox');

  /** The cycle being edited; null for a new one. */
  protected readonly id = this.route.snapshot.paramMap.get('id');
  protected readonly isNew = this.id === null;

  protected readonly form = reviewCycleForm();

  /** The cycle as loaded, with the names of the people picked by hand (a new cycle starts loaded with nothing). */
  private readonly loadedCycle = loaded(() => (this.id === null ? of(null) : this.cycleWithPeople(this.id)));
  protected readonly state = this.loadedCycle.state;
  protected readonly cycle = computed(() => this.loadedCycle.value()?.cycle ?? null);
  protected readonly status = computed(() => this.cycle()?.status ?? 'draft');

  private readonly teams = loaded(() => this.peopleApi.getTeams());
  protected readonly teamOptions = computed(() => teamOptions(this.teams.value() ?? []));
  private readonly roleProfiles = loaded(() => this.roleProfilesApi.listRoleProfiles({ pageSize: 100 }));
  protected readonly roleProfileOptions = computed(() => this.roleProfiles.value()?.items ?? []);

  /** How the browser's locale writes a date (DD/MM/YYYY in en-GB), as the date fields read it. */
  protected readonly datePattern = injectDateInputPattern();
  protected readonly serverError = serverError;
  private readonly submission = new FormPageSave(this.form, { fields: CYCLE_FIELD_CONTROLS, summary: this.problemBox });
  protected readonly saving = this.submission.saving;
  /** Problems no field can show (e.g. the cycle is closed, the API could not be reached). */
  protected readonly problems = this.submission.problems;
  protected readonly kind = signal(this.form.controls.participantsKind.value);
  protected readonly heading = computed(() => (this.isNew ? 'New review cycle' : `Edit ${this.cycle()?.name ?? 'review cycle'}`));

  hasUnsavedChanges(): boolean {
    return this.submission.hasUnsavedChanges();
  }

  constructor() {
    revalidateDependents(this.form);
    this.form.controls.participantsKind.valueChanges.subscribe((kind) => this.kind.set(kind));
    warnBeforeUnload(() => this.hasUnsavedChanges());
    effect(() => {
      const loadedValue = this.loadedCycle.value();
      if (loadedValue) this.fill(loadedValue.cycle, loadedValue.people);
      this.title.setTitle(`${this.heading()} | Proficio`);
    });
  }

  protected cancelLink(): string[] {
    return this.id ? ['/review-cycles', this.id] : ['/review-cycles'];
  }

  protected save(): void {
    if (!this.submission.ready() || this.status() === 'closed') {
      this.problems.set([]);
      this.submission.focusProblem();
      return;
    }
    const value = this.form.getRawValue();
    const cycle = this.cycle();
    const request = cycleRequest(value);
    // An open cycle sends its participants and scope as they are: only the name and dates may change.
    const sent =
      cycle && cycle.status === 'open'
        ? { ...request, participants: cycle.participants, includeTargetRole: cycle.includeTargetRole }
        : request;
    const request$: Observable<ReviewCycleView> = this.id ? this.store.update(this.id, sent) : this.store.create(sent);
    this.submission.run(
      request$,
      (saved) => void this.router.navigate(['/review-cycles', saved.id]),
      (problem) => formProblem(problem, value.people),
    );
  }

  private fill(cycle: ReviewCycleView, people: NamedRef[]): void {
    this.form.reset({
      name: cycle.name,
      periodStart: fromIsoDate(cycle.periodStart),
      periodEnd: fromIsoDate(cycle.periodEnd),
      selfDue: fromIsoDate(cycle.selfDue),
      managerDue: fromIsoDate(cycle.managerDue),
      ...participantsOf(cycle),
      people,
      includeTargetRole: cycle.includeTargetRole,
    });
    if (cycle.status === 'closed') {
      this.form.disable();
    } else if (cycle.status === 'open') {
      for (const name of FIXED_ONCE_OPEN) this.form.controls[name].disable();
    }
  }

  /** The cycle, and the names of its people picked by hand (a person who cannot be read keeps their id). */
  private cycleWithPeople(id: string): Observable<{ cycle: ReviewCycleView; people: NamedRef[] }> {
    return this.api.get(id).pipe(
      mergeMap((cycle) => {
        const ids = cycle.participants.kind === 'people' ? (cycle.participants.employeeIds ?? []) : [];
        if (!ids.length) return of({ cycle, people: [] });
        return from(ids).pipe(
          mergeMap(
            (employeeId) =>
              this.peopleApi.getEmployee(employeeId).pipe(
                map((person): NamedRef => ({ id: person.id, name: person.name })),
                catchError(() => of<NamedRef>({ id: employeeId, name: 'Someone who cannot be shown' })),
              ),
            NAME_REQUESTS_AT_ONCE,
          ),
          toArray(),
          map((named) => ({ cycle, people: ids.flatMap((employeeId) => named.filter((person) => person.id === employeeId)) })),
        );
      }),
    );
  }
}
