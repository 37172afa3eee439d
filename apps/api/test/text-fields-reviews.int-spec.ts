/** The hostile-text check of text-fields.int-spec.ts for a review's ratings, notes and steps (a suite of its own, run beside the others). */
import { itChecksTheTextFieldsOf, useTextFieldsSuite } from './support/text-fields';

describe('text fields: reviews', () => {
  itChecksTheTextFieldsOf(useTextFieldsSuite(), 'reviews', 100);
});
