import { ChangeDetectionStrategy, Component, ElementRef, computed, effect, inject, viewChild } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDatepickerModule } from '@angular/material/datepicker';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { MatSelectModule } from '@angular/material/select';
import { Title } from '@angular/platform-browser';
import { HasUnsavedChanges, PickerSearch, SearchPick, SearchPicker, moreMatchText, warnBeforeUnload } from '@proficio/web/shared/ui';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { EmployeeDetail, EmployeeStatus, NamedRef } from '@proficio/shared/contracts';
import { PeopleApi, PeopleStore, teamOptions } from '@proficio/web/people/data-access';
import { activePeopleSearch } from '@proficio/web/people/data-access/people-search';
import { RoleProfilesApi } from '@proficio/web/role-profiles/data-access';
import { FormPageSave, SEARCH_ON_TYPE_DEBOUNCE_MS, loaded, serverError } from '@proficio/web/shared/util';
import { injectDateInputPattern, provideLocaleDateAdapter } from '@proficio/web/shared/util/date-input';
import type { DateTime } from 'luxon';
import { Observable, map, of } from 'rxjs';
import {
  EMPLOYEE_FIELD_CONTROLS,
  EMPTY_EMPLOYEE_FORM,
  EmployeeFormValue,
  chosenFromList,
  createRequest,
  formValueOf,
  updateRequest,
} from './employee-form';

/** How long a picker waits for typing to pause before it searches. */
export const PICKER_DEBOUNCE_MS = SEARCH_ON_TYPE_DEBOUNCE_MS;
/** How many options a picker shows at a time. */
export const PICKER_PAGE_SIZE = 10;

/** "Type to search among 15 more", or with search text "3 more match: type more to narrow the search". */
export function moreOptionsText(more: number, q: string): string {
  return q ? moreMatchText(more) : `Type to search among ${more} more`;
}

/** A reference field of the form, picked by searching. */
interface ReferencePicker {
  readonly control: FormControl<SearchPick<NamedRef>>;
  readonly label: string;
  readonly hint: string;
  readonly search: PickerSearch<NamedRef>;
  /** What is never offered. */
  readonly exclude: (ref: NamedRef) => boolean;
  /** Said when text typed was never picked from the list. */
  readonly errors: Readonly<Record<string, string>>;
}

const ROLE_PROFILE_NOT_CHOSEN = { notChosen: 'Choose a role profile from the list, or leave it empty' };

const STATUSES: readonly { value: EmployeeStatus; label: string }[] = [
  { value: 'active', label: 'Active' },
  { value: 'left', label: 'Has left' },
];

/**
 * `/people/new` and `/people/:id/edit` (admins): a person's name, email, job title, team, manager,
 * role profiles, start date and (when editing) status. The API's field errors appear next to the
 * fields; anything else above the form.
 */
@Component({
  selector: 'app-employee-form-page',
  imports: [
    MatButtonModule,
    MatDatepickerModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressSpinnerModule,
    MatSelectModule,
    ReactiveFormsModule,
    RouterLink,
    SearchPicker,
  ],
  providers: [provideLocaleDateAdapter()],
  templateUrl: './employee-form-page.html',
  styleUrl: './employee-form-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class EmployeeFormPage implements HasUnsavedChanges {
  private readonly api = inject(PeopleApi);
  private readonly people = inject(PeopleStore);
  private readonly roleProfilesApi = inject(RoleProfilesApi);
  private readonly route = inject(ActivatedRoute);
  private readonly router = inject(Router);
  private readonly title = inject(Title);
  private readonly problemBox = viewChild<ElementRef<HTMLElement>>('problemBox');

  /** The person being edited; null when adding someone. */
  protected readonly id = this.route.snapshot.paramMap.get('id');
  protected readonly isNew = this.id === null;

  protected readonly form = new FormGroup({
    name: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.maxLength(200)] }),
    email: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.email, Validators.maxLength(320)] }),
    jobTitle: new FormControl('', { nonNullable: true, validators: [Validators.maxLength(200)] }),
    teamId: new FormControl('', { nonNullable: true }),
    manager: new FormControl<NamedRef | string | null>(null, { validators: [chosenFromList] }),
    roleProfile: new FormControl<NamedRef | string | null>(null, { validators: [chosenFromList] }),
    targetRoleProfile: new FormControl<NamedRef | string | null>(null, { validators: [chosenFromList] }),
    startDate: new FormControl<DateTime | null>(null),
    status: new FormControl<EmployeeStatus>('active', { nonNullable: true }),
  });

  /** The person as loaded, for editing (a create starts loaded with nothing). */
  private readonly loadedEmployee = loaded(() => (this.id === null ? of(null) : this.api.getEmployee(this.id)));
  protected readonly state = this.loadedEmployee.state;
  protected readonly employee = this.loadedEmployee.value;
  private initial: EmployeeFormValue = EMPTY_EMPLOYEE_FORM;

  private readonly teams = loaded(() => this.api.getTeams());
  protected readonly teamOptions = computed(() => teamOptions(this.teams.value() ?? []));

  private readonly roleProfileSearch: PickerSearch<NamedRef> = (q) =>
    this.roleProfilesApi
      .listRoleProfiles({ q, pageSize: PICKER_PAGE_SIZE })
      .pipe(map((page) => ({ ...page, items: page.items.map((profile): NamedRef => ({ id: profile.id, name: profile.name })) })));
  /** The manager among active people (someone cannot be their own manager), the role profiles among the library's. */
  protected readonly referencePickers: readonly ReferencePicker[] = [
    {
      control: this.form.controls.manager,
      label: 'Manager',
      hint: 'Choose from the list or type to search; leave empty for no manager',
      search: activePeopleSearch(),
      exclude: (person) => person.id === this.id,
      errors: { notChosen: 'Choose a person from the list, or leave it empty' },
    },
    {
      control: this.form.controls.roleProfile,
      label: 'Role profile',
      hint: 'The role this person holds now',
      search: this.roleProfileSearch,
      exclude: () => false,
      errors: ROLE_PROFILE_NOT_CHOSEN,
    },
    {
      control: this.form.controls.targetRoleProfile,
      label: 'Target role profile',
      hint: 'The role this person is growing towards',
      search: this.roleProfileSearch,
      exclude: () => false,
      errors: ROLE_PROFILE_NOT_CHOSEN,
    },
  ];
  protected readonly nameOf = (ref: NamedRef): string => ref.name;
  protected readonly moreOptionsText = moreOptionsText;

  protected readonly statuses = STATUSES;
  /** How the browser's locale writes a date (DD/MM/YYYY in en-GB), as the start date field reads it. */
  protected readonly datePattern = injectDateInputPattern();
  protected readonly serverError = serverError;
  private readonly submission = new FormPageSave(this.form, { fields: EMPLOYEE_FIELD_CONTROLS, summary: this.problemBox });
  protected readonly saving = this.submission.saving;
  /** Problems no field can show (e.g. the API could not be reached). */
  protected readonly problems = this.submission.problems;
  protected readonly heading = computed(() => (this.isNew ? 'Add a person' : `Edit ${this.employee()?.name ?? 'person'}`));

  hasUnsavedChanges(): boolean {
    return this.submission.hasUnsavedChanges();
  }

  constructor() {
    warnBeforeUnload(() => this.hasUnsavedChanges());
    effect(() => {
      const employee = this.employee();
      if (employee) {
        this.initial = formValueOf(employee);
        this.form.reset(this.initial);
      }
      this.title.setTitle(`${this.heading()} | Proficio`);
    });
  }

  protected cancelLink(): string[] {
    return this.id ? ['/people', this.id] : ['/people'];
  }

  protected save(): void {
    if (!this.submission.ready()) return;
    const value = this.form.getRawValue();
    const request$: Observable<EmployeeDetail | null> = this.id
      ? this.updateIfChanged(this.id, value)
      : this.people.createEmployee(createRequest(value));
    this.submission.run(request$, (saved) => void this.router.navigate(['/people', saved?.id ?? this.id]));
  }

  private updateIfChanged(id: string, value: EmployeeFormValue): Observable<EmployeeDetail | null> {
    const request = updateRequest(this.initial, value);
    return Object.keys(request).length ? this.people.updateEmployee(id, request) : of(null);
  }
}
