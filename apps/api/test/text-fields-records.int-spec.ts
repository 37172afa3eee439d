/** The hostile-text check of text-fields.int-spec.ts for assessments, evidence, framework imports and review cycles (a suite of its own, run beside the others). */
import { itChecksTheTextFieldsOf, useTextFieldsSuite } from './support/text-fields';

describe('text fields: records', () => {
  itChecksTheTextFieldsOf(useTextFieldsSuite(), 'records', 100);
});
