import { AbstractControl, FormControl, FormGroup, ValidationErrors, ValidatorFn, Validators } from '@angular/forms';
import { NamedRef, REVIEW_LIMITS, ReviewCycleRequest, ReviewCycleView, ReviewParticipantKind } from '@proficio/shared/contracts';
import { ApiProblem } from '@proficio/web/shared/util';
import { toIsoDate } from '@proficio/web/shared/util/date-input';
import type { DateTime } from 'luxon';

/** A control that needs a value only while the participants are of `kind`. */
function requiredFor(kind: ReviewParticipantKind): ValidatorFn {
  return (control: AbstractControl): ValidationErrors | null => {
    const chosen = control.parent?.get('participantsKind')?.value as ReviewParticipantKind | undefined;
    if (chosen !== kind) return null;
    const value = control.value as unknown;
    return value === null || value === '' || (Array.isArray(value) && value.length === 0) ? { required: true } : null;
  };
}

/** A date that must not come before the date in the sibling control `earlier` (`notBefore` error). */
function notBefore(earlier: string): ValidatorFn {
  return (control: AbstractControl): ValidationErrors | null => {
    const start = control.parent?.get(earlier)?.value as DateTime | null | undefined;
    const end = control.value as DateTime | null;
    return start?.isValid && end?.isValid && end < start ? { notBefore: true } : null;
  };
}

export function reviewCycleForm() {
  return new FormGroup({
    name: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.maxLength(REVIEW_LIMITS.nameLength)] }),
    periodStart: new FormControl<DateTime | null>(null, { validators: [Validators.required] }),
    periodEnd: new FormControl<DateTime | null>(null, { validators: [Validators.required, notBefore('periodStart')] }),
    selfDue: new FormControl<DateTime | null>(null, { validators: [Validators.required] }),
    managerDue: new FormControl<DateTime | null>(null, { validators: [Validators.required, notBefore('selfDue')] }),
    participantsKind: new FormControl<ReviewParticipantKind>('team', { nonNullable: true }),
    teamId: new FormControl('', { nonNullable: true, validators: [requiredFor('team')] }),
    roleProfileId: new FormControl('', { nonNullable: true, validators: [requiredFor('role-profile')] }),
    people: new FormControl<NamedRef[]>([], {
      nonNullable: true,
      validators: [requiredFor('people'), Validators.maxLength(REVIEW_LIMITS.pickedPeople)],
    }),
    includeTargetRole: new FormControl(false, { nonNullable: true }),
  });
}

export type ReviewCycleForm = ReturnType<typeof reviewCycleForm>;
export type ReviewCycleFormValue = ReturnType<ReviewCycleForm['getRawValue']>;

/** The controls an open cycle keeps as they are: its reviews exist, with their people and scope. */
export const FIXED_ONCE_OPEN = ['participantsKind', 'teamId', 'roleProfileId', 'people', 'includeTargetRole'] as const;

/** Keeps the checks that read another control in step with it. */
export function revalidateDependents(form: ReviewCycleForm): void {
  form.controls.periodStart.valueChanges.subscribe(() => form.controls.periodEnd.updateValueAndValidity());
  form.controls.selfDue.valueChanges.subscribe(() => form.controls.managerDue.updateValueAndValidity());
  form.controls.participantsKind.valueChanges.subscribe(() => {
    form.controls.teamId.updateValueAndValidity();
    form.controls.roleProfileId.updateValueAndValidity();
    form.controls.people.updateValueAndValidity();
  });
}

/** The request for the form's values: only the chosen kind's participants. */
export function cycleRequest(value: ReviewCycleFormValue): ReviewCycleRequest {
  const kind = value.participantsKind;
  return {
    name: value.name.trim(),
    periodStart: toIsoDate(value.periodStart) ?? '',
    periodEnd: toIsoDate(value.periodEnd) ?? '',
    selfDue: toIsoDate(value.selfDue) ?? '',
    managerDue: toIsoDate(value.managerDue) ?? '',
    participants:
      kind === 'team'
        ? { kind, teamId: value.teamId }
        : kind === 'role-profile'
          ? { kind, roleProfileId: value.roleProfileId }
          : { kind, employeeIds: value.people.map((person) => person.id) },
    includeTargetRole: value.includeTargetRole,
  };
}

/** The form's participants for a cycle (the people picked by hand are named separately, once loaded). */
export function participantsOf(cycle: ReviewCycleView): Pick<ReviewCycleFormValue, 'participantsKind' | 'teamId' | 'roleProfileId'> {
  return {
    participantsKind: cycle.participants.kind,
    teamId: cycle.participants.teamId ?? '',
    roleProfileId: cycle.participants.roleProfileId ?? '',
  };
}

/** API field → form control, for placing the API's field errors. */
export const CYCLE_FIELD_CONTROLS: Readonly<Record<string, string>> = {
  participants: 'participantsKind',
  'participants.kind': 'participantsKind',
  'participants.teamId': 'teamId',
  'participants.roleProfileId': 'roleProfileId',
  'participants.employeeIds': 'people',
};

/** The API's names of the fields, as the form labels them, for messages that name another field. */
const FIELD_WORDS: readonly [RegExp, string][] = [
  [/\bperiodStart\b/g, 'the start of the period'],
  [/\bperiodEnd\b/g, 'the end of the period'],
  [/\bselfDue\b/g, 'the self-assessment deadline'],
  [/\bmanagerDue\b/g, 'the manager assessment deadline'],
];

/**
 * The problem with its field errors as the form can place them: a person picked who does not exist
 * (`participants.employeeIds.3`) is named on the people field, and messages name fields as the form labels them.
 */
export function formProblem(problem: ApiProblem, people: readonly NamedRef[]): ApiProblem {
  if (!problem.errors) return problem;
  return {
    ...problem,
    errors: problem.errors.map((error) => {
      const picked = /^participants\.employeeIds\.(\d+)$/.exec(error.field);
      const message = FIELD_WORDS.reduce((text, [pattern, words]) => text.replace(pattern, words), error.message);
      if (!picked) return { field: error.field, message };
      const person = people[Number(picked[1])];
      return { field: 'participants.employeeIds', message: person ? `${person.name} ${message}` : message };
    }),
  };
}
