import { UrlMatchResult, UrlSegment } from '@angular/router';

/** `new` and `:id/edit` are one route, so that the page stays (uploads and all) when a new draft gets its address. */
export function evidenceFormMatcher(segments: UrlSegment[]): UrlMatchResult | null {
  if (segments.length === 1 && segments[0]?.path === 'new') return { consumed: segments };
  if (segments.length === 2 && segments[1]?.path === 'edit' && segments[0]) return { consumed: segments, posParams: { id: segments[0] } };
  return null;
}
