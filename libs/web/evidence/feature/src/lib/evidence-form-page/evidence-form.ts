import { AbstractControl, FormArray, FormControl, FormGroup, ValidationErrors, Validators } from '@angular/forms';
import {
  CompetencyDetail,
  CompetencyLevelView,
  EVIDENCE_LIMITS,
  EvidenceContentRequest,
  EvidenceRevisionView,
  TextValue,
} from '@proficio/shared/contracts';
import { fromIsoDate, localToday, toIsoDate } from '@proficio/web/shared/util/date-input';
import type { DateTime } from 'luxon';
import { isWebLink, levelName } from '../shared/evidence-text';

/** One competency and level the evidence claims, with the answers to the level's questions and the indicators ticked. */
export type ClaimForm = FormGroup<{
  competency: FormControl<CompetencyDetail | null>;
  level: FormControl<number | null>;
  /** One answer per interview question of the chosen level, in the level's order. */
  answers: FormArray<FormControl<string>>;
  /** One tick per behaviour indicator of the chosen level, in the level's order. */
  indicators: FormArray<FormControl<boolean>>;
}>;

export type EvidenceForm = FormGroup<{
  title: FormControl<string>;
  activityFrom: FormControl<DateTime | null>;
  /** The activity ran over a period: `activityTo` is asked for. */
  overPeriod: FormControl<boolean>;
  activityTo: FormControl<DateTime | null>;
  claims: FormArray<ClaimForm>;
  narrative: FormControl<string>;
  links: FormArray<FormControl<string>>;
}>;

/** One option of a claim's level choice: the level's code and label, and what it means. */
export interface LevelChoice {
  readonly level: number;
  readonly code: string;
  readonly label?: TextValue;
  readonly description?: TextValue;
}

/** The levels the competency itself defines, each named by the framework's scale and described by the level (or the scale). */
export function levelChoices(competency: CompetencyDetail): LevelChoice[] {
  return competency.levels.map((level) => {
    const scale = competency.scale.find((step) => step.number === level.level);
    const description = level.description ?? scale?.description;
    const code = scale?.code ?? `Level ${level.level}`;
    // "Level 2" rather than "2 Level 2": a label that holds the code stands for both
    const labelHoldsCode = !!scale?.label && levelName(code, scale.label.text) === scale.label.text;
    return {
      level: level.level,
      code: labelHoldsCode && scale ? scale.label.text : code,
      ...(scale?.label && !labelHoldsCode && scale.label.text !== code ? { label: scale.label } : {}),
      ...(description ? { description } : {}),
    };
  });
}

/** The chosen level of a claim, with its questions and indicators; null until a competency and a level are chosen. */
export function chosenLevel(claim: ClaimForm): CompetencyLevelView | null {
  const { competency, level } = claim.getRawValue();
  return competency?.levels.find((candidate) => candidate.level === level) ?? null;
}

const notInFuture = (control: AbstractControl<DateTime | null>): ValidationErrors | null =>
  control.value && control.value.toMillis() > localToday().toMillis() ? { future: true } : null;

/** The end of a period comes on or after its start, and is given when the activity ran over a period. */
function periodValid(group: AbstractControl): ValidationErrors | null {
  const { overPeriod, activityFrom, activityTo } = (group as EvidenceForm).getRawValue();
  if (!overPeriod) return null;
  const to = group.get('activityTo');
  let error: ValidationErrors | null = null;
  if (!activityTo) error = { required: true };
  else if (activityFrom && activityTo.toMillis() < activityFrom.toMillis()) error = { beforeStart: true };
  // The error belongs to the end date's field, where it is shown; keep any other error it has (a server one).
  const others = { ...(to?.errors ?? {}) };
  delete others['required'];
  delete others['beforeStart'];
  const next = { ...others, ...(error ?? {}) };
  to?.setErrors(Object.keys(next).length ? next : null, { emitEvent: false });
  return null;
}

const webLink = (control: AbstractControl<string>): ValidationErrors | null =>
  control.value.trim() && !isWebLink(control.value.trim()) ? { webLink: true } : null;

export function linkControl(value = ''): FormControl<string> {
  return new FormControl(value, { nonNullable: true, validators: [webLink, Validators.maxLength(EVIDENCE_LIMITS.linkLength)] });
}

export function claimForm(competency: CompetencyDetail | null = null, level: number | null = null): ClaimForm {
  const claim: ClaimForm = new FormGroup({
    competency: new FormControl<CompetencyDetail | null>(competency, Validators.required),
    level: new FormControl<number | null>(level, Validators.required),
    answers: new FormArray<FormControl<string>>([]),
    indicators: new FormArray<FormControl<boolean>>([]),
  });
  fitToLevel(claim);
  return claim;
}

/** Gives a claim one answer box per question and one tick per indicator of its chosen level (empty ones for a new level). */
export function fitToLevel(claim: ClaimForm): void {
  const level = chosenLevel(claim);
  claim.controls.answers.clear({ emitEvent: false });
  claim.controls.indicators.clear({ emitEvent: false });
  for (let i = 0; i < (level?.questions.length ?? 0); i++) {
    claim.controls.answers.push(
      new FormControl('', { nonNullable: true, validators: Validators.maxLength(EVIDENCE_LIMITS.answerLength) }),
      {
        emitEvent: false,
      },
    );
  }
  for (let i = 0; i < (level?.indicators.length ?? 0); i++) {
    claim.controls.indicators.push(new FormControl(false, { nonNullable: true }), { emitEvent: false });
  }
  claim.updateValueAndValidity();
}

export function evidenceForm(): EvidenceForm {
  return new FormGroup(
    {
      title: new FormControl('', {
        nonNullable: true,
        validators: [Validators.required, Validators.maxLength(EVIDENCE_LIMITS.titleLength)],
      }),
      activityFrom: new FormControl<DateTime | null>(null, [Validators.required, notInFuture]),
      overPeriod: new FormControl(false, { nonNullable: true }),
      activityTo: new FormControl<DateTime | null>(null, notInFuture),
      claims: new FormArray<ClaimForm>([claimForm()]),
      narrative: new FormControl('', { nonNullable: true, validators: Validators.maxLength(EVIDENCE_LIMITS.narrativeLength) }),
      links: new FormArray<FormControl<string>>([]),
    },
    { validators: periodValid },
  );
}

/** Puts a revision into the form; `details` are the claimed competencies (`GET /api/competencies/:id`), by id. */
export function fillEvidenceForm(form: EvidenceForm, revision: EvidenceRevisionView, details: ReadonlyMap<string, CompetencyDetail>): void {
  form.controls.claims.clear({ emitEvent: false });
  revision.claims.forEach((claim, index) => {
    const group = claimForm(details.get(claim.competency.id) ?? null, claim.level);
    for (const answer of revision.answers.filter((candidate) => candidate.claim === index)) {
      group.controls.answers.at(answer.question)?.setValue(answer.answer, { emitEvent: false });
    }
    for (const ticked of revision.indicators.filter((candidate) => candidate.claim === index)) {
      group.controls.indicators.at(ticked.indicator)?.setValue(true, { emitEvent: false });
    }
    form.controls.claims.push(group, { emitEvent: false });
  });
  if (form.controls.claims.length === 0) form.controls.claims.push(claimForm(), { emitEvent: false });
  form.controls.links.clear({ emitEvent: false });
  for (const link of revision.links) form.controls.links.push(linkControl(link), { emitEvent: false });
  form.patchValue({
    title: revision.title,
    activityFrom: fromIsoDate(revision.activityFrom),
    overPeriod: !!revision.activityTo,
    activityTo: fromIsoDate(revision.activityTo),
    narrative: revision.narrative ?? '',
  });
  form.markAsPristine();
  form.markAsUntouched();
}

/** The request body the form says: claims in order, answers and ticks by their positions, empty answers and links left out. */
export function contentRequest(form: EvidenceForm): EvidenceContentRequest {
  const value = form.getRawValue();
  const claims = form.controls.claims.controls;
  const narrative = value.narrative.trim();
  const links = value.links.map((link) => link.trim()).filter(Boolean);
  const activityTo = value.overPeriod ? toIsoDate(value.activityTo) : null;
  return {
    title: value.title.trim(),
    activityFrom: toIsoDate(value.activityFrom) ?? '',
    ...(activityTo ? { activityTo } : {}),
    claims: claims.flatMap((claim) => {
      const { competency, level } = claim.getRawValue();
      return competency && level !== null ? [{ competencyId: competency.id, level }] : [];
    }),
    answers: claims.flatMap((claim, index) =>
      claim.controls.answers
        .getRawValue()
        .flatMap((answer, question) => (answer.trim() ? [{ claim: index, question, answer: answer.trim() }] : [])),
    ),
    ...(narrative ? { narrative } : {}),
    indicators: claims.flatMap((claim, index) =>
      claim.controls.indicators.getRawValue().flatMap((ticked, indicator) => (ticked ? [{ claim: index, indicator }] : [])),
    ),
    links,
  };
}
