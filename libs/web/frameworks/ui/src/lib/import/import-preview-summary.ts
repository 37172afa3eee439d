import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { FrameworkCounts, FrameworkImportFormat, FrameworkImportPreview } from '@proficio/shared/contracts';
import { FallbackMarker } from '../text/fallback-marker';
import { languageName } from '../text/language-names';
import { FrameworkVersionPipe, LocalNumberPipe } from '@proficio/web/shared/ui';

const FORMAT_NAMES: Record<FrameworkImportFormat, string> = {
  'proficio-json': 'Proficio JSON',
  'moodle-csv': 'Moodle competency framework CSV',
  'sfia-csv': 'SFIA skills CSV',
  case: '1EdTech CASE package',
};

const COUNT_LABELS: { readonly key: keyof FrameworkCounts; readonly label: string }[] = [
  { key: 'competencies', label: 'Competencies' },
  { key: 'levels', label: 'Levels' },
  { key: 'indicators', label: 'Indicators' },
  { key: 'questions', label: 'Questions' },
];

/** What an uploaded file holds: the framework's name, code, version label and languages, and its counts. */
@Component({
  selector: 'app-import-preview-summary',
  imports: [LocalNumberPipe, FrameworkVersionPipe, FallbackMarker],
  template: `
    <dl class="facts">
      <div>
        <dt>Framework</dt>
        <dd>
          <span [attr.lang]="preview().framework.name.language" data-testid="preview-name">{{ preview().framework.name.text }}</span>
          <app-fallback-marker [value]="preview().framework.name" />
        </dd>
      </div>
      <div>
        <dt>Code</dt>
        <dd class="code">{{ preview().framework.code }}</dd>
      </div>
      <div>
        <dt>Version label</dt>
        <dd>{{ preview().framework.versionLabel | frameworkVersion: '—' }}</dd>
      </div>
      <div>
        <dt>Languages</dt>
        <dd>{{ languages() }}</dd>
      </div>
      <div>
        <dt>File</dt>
        <dd>{{ preview().fileName }}</dd>
      </div>
      <div>
        <dt>Format</dt>
        <dd>{{ formatName() }}</dd>
      </div>
    </dl>

    <dl class="counts" data-testid="preview-counts">
      @for (count of counts(); track count.key) {
        <div [attr.data-count]="count.key">
          <dt>{{ count.label }}</dt>
          <dd>{{ count.value | localNumber }}</dd>
        </div>
      }
    </dl>
  `,
  styles: `
    :host {
      display: block;
    }
    dl {
      margin: 0;
    }
    dd {
      margin: 0;
    }
    .facts {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(13rem, 1fr));
      gap: 0.75rem 1.5rem;
      margin-bottom: 1rem;
    }
    dt {
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-label-large);
    }
    .facts dd {
      overflow-wrap: anywhere;
    }
    .code {
      font-weight: 600;
    }
    .counts {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(9rem, 1fr));
      gap: 0.75rem;
    }
    .counts > div {
      display: flex;
      flex-direction: column-reverse;
      padding: 0.75rem 1rem;
      border-radius: var(--mat-sys-corner-medium);
      background: var(--mat-sys-surface-container);
    }
    .counts dd {
      font: var(--mat-sys-headline-small);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ImportPreviewSummary {
  readonly preview = input.required<FrameworkImportPreview>();

  protected readonly languages = computed(() => this.preview().framework.languages.map(languageName).join(', ') || '—');
  protected readonly formatName = computed(() => FORMAT_NAMES[this.preview().format] ?? this.preview().format);
  protected readonly counts = computed(() => COUNT_LABELS.map(({ key, label }) => ({ key, label, value: this.preview().counts[key] })));
}
