import { Pipe, PipeTransform } from '@angular/core';
import { frameworkVersionLabel, withFrameworkVersion } from '@proficio/web/shared/util';

/**
 * `{{ framework.versionLabel | frameworkVersion }}`: a framework's version label, or nothing when it has none
 * ('unversioned', what imports write when the source names no version); `| frameworkVersion: '—'` shows '—' then.
 */
@Pipe({ name: 'frameworkVersion' })
export class FrameworkVersionPipe implements PipeTransform {
  transform(label: string | null | undefined, none = ''): string {
    return frameworkVersionLabel(label) || none;
  }
}

/** `{{ framework.code | withFrameworkVersion: framework.versionLabel }}`: "SFIA 9", or "SMP" when it has no version. */
@Pipe({ name: 'withFrameworkVersion' })
export class WithFrameworkVersionPipe implements PipeTransform {
  transform(name: string | null | undefined, label: string | null | undefined): string {
    return withFrameworkVersion(name ?? '', label);
  }
}
