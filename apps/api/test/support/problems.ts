import type { ProblemDetails } from '@proficio/shared/contracts';

/** What a problem response says of each field it names, as `<field> <message>` (e.g. `level must be a whole number`). */
export const fieldErrors = (response: { body: unknown }): string[] =>
  ((response.body as ProblemDetails).errors ?? []).map((error) => `${error.field} ${error.message}`);
