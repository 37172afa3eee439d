import { TestBed } from '@angular/core/testing';
import { FrameworkImportPreview } from '@proficio/shared/contracts';
import { ImportPreviewSummary } from './import-preview-summary';

const termAndValue = (div: Element): string =>
  `${div.querySelector('dt')?.textContent?.trim()} ${div.querySelector('dd')?.textContent?.replace(/\s+/g, ' ').trim()}`;

describe('ImportPreviewSummary', () => {
  it('shows the framework, its languages by name and its counts', async () => {
    const preview: FrameworkImportPreview = {
      id: 'i1',
      format: 'sfia-csv',
      fileName: 'skills.csv',
      status: 'previewed',
      createdAt: '2026-01-01T00:00:00Z',
      framework: {
        key: 'sfia',
        code: 'SFIA',
        name: { text: 'SFIA 9', language: 'en', fallback: false },
        versionLabel: '9',
        defaultLanguage: 'en',
        languages: ['en', 'it'],
      },
      counts: { competencies: 2, levels: 7, indicators: 0, questions: 1 },
      warnings: [],
      dataQualityWarnings: [],
      proposedVersionNumber: 1,
      commitRequires: [],
      scale: { name: { text: 'SFIA levels', language: 'en', fallback: false }, levelCount: 7, placeholder: false, keptFromLatest: false },
    };
    const fixture = TestBed.createComponent(ImportPreviewSummary);
    fixture.componentRef.setInput('preview', preview);
    await fixture.whenStable();
    const root = fixture.nativeElement as HTMLElement;

    const facts = Array.from(root.querySelectorAll('.facts > div')).map(termAndValue);
    expect(facts).toEqual([
      'Framework SFIA 9',
      'Code SFIA',
      'Version label 9',
      'Languages English, Italian',
      'File skills.csv',
      'Format SFIA skills CSV',
    ]);
    const counts = Array.from(root.querySelectorAll('.counts > div')).map(termAndValue);
    expect(counts).toEqual(['Competencies 2', 'Levels 7', 'Indicators 0', 'Questions 1']);
  });
});
