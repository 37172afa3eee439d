import { FormControl, FormGroup, FormRecord } from '@angular/forms';
import { ReviewRatingRequest, ReviewRatingView, ReviewView } from '@proficio/shared/contracts';

/** A rating as the form holds it: `choice` is '' (none yet), a level number as text, `not_assessed` or `not_applicable`. */
export interface RatingControls {
  readonly choice: FormControl<string>;
  readonly rationale: FormControl<string>;
  /** Accepted evidence the manager relies on (manager ratings only). */
  readonly evidence: FormControl<string[]>;
}
export type RatingRow = FormGroup<RatingControls>;

/** The review page's forms, by competency id: the person's ratings, the manager's, and the manager's notes. */
export interface ReviewForms {
  readonly self: FormRecord<RatingRow>;
  readonly manager: FormRecord<RatingRow>;
  readonly notes: FormRecord<FormControl<string>>;
  readonly generalNote: FormControl<string>;
}

function choiceOf(rating: ReviewRatingView | undefined): string {
  if (!rating) return '';
  return rating.outcome === 'rated' ? String(rating.level ?? '') : rating.outcome;
}

function ratingRow(rating: ReviewRatingView | undefined): RatingRow {
  return new FormGroup<RatingControls>({
    choice: new FormControl(choiceOf(rating), { nonNullable: true }),
    rationale: new FormControl(rating?.rationale ?? '', { nonNullable: true }),
    evidence: new FormControl([...(rating?.evidenceIds ?? [])], { nonNullable: true }),
  });
}

/** Forms holding what the review has saved. */
export function buildReviewForms(review: ReviewView): ReviewForms {
  const self = new FormRecord<RatingRow>({});
  const manager = new FormRecord<RatingRow>({});
  const notes = new FormRecord<FormControl<string>>({});
  for (const row of review.competencies) {
    self.addControl(row.competency.id, ratingRow(row.self));
    manager.addControl(row.competency.id, ratingRow(row.manager));
    notes.addControl(row.competency.id, new FormControl(row.note ?? '', { nonNullable: true }));
  }
  return { self, manager, notes, generalNote: new FormControl(review.generalNote ?? '', { nonNullable: true }) };
}

/**
 * The ratings to send: each competency with a choice, in the review's order. The manager's carry the evidence
 * ticked; an empty rationale is left out (the API then names the manager's as required).
 */
export function ratingRequests(review: ReviewView, form: FormRecord<RatingRow>, role: 'self' | 'manager'): ReviewRatingRequest[] {
  return review.competencies.flatMap((row) => {
    const controls = form.controls[row.competency.id]?.controls;
    const choice = controls?.choice.value ?? '';
    if (!controls || !choice) return [];
    const rationale = controls.rationale.value.trim();
    const request: ReviewRatingRequest =
      choice === 'not_assessed' || choice === 'not_applicable'
        ? { competencyId: row.competency.id, outcome: choice }
        : { competencyId: row.competency.id, outcome: 'rated', level: Number(choice) };
    if (rationale) request.rationale = rationale;
    if (role === 'manager' && controls.evidence.value.length) request.evidence = [...controls.evidence.value];
    return [request];
  });
}
