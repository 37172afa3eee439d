import { HttpParams } from '@angular/common/http';

/** What a request's query may hold; `undefined`, `null` and blank text are not sent. */
export type HttpParamValue = string | number | boolean | null | undefined;

/**
 * A request's query as HTTP parameters, in the order given: text trimmed, numbers and booleans as they are, and a
 * parameter left out when it is `undefined`, `null` or blank (`{ q: '  ', page: 2 }` sends `page=2`).
 */
export function httpParams<Q extends { [K in keyof Q]: HttpParamValue }>(query: Q): HttpParams {
  let params = new HttpParams();
  for (const [key, value] of Object.entries(query) as [string, HttpParamValue][]) {
    const sent = typeof value === 'string' ? value.trim() : value;
    if (sent !== undefined && sent !== null && sent !== '') params = params.set(key, sent);
  }
  return params;
}
