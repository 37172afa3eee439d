import { PEOPLE_IMPORT_COLUMNS } from '@proficio/shared/contracts';
import Papa from 'papaparse';
import { peopleImportTemplate } from './people-import-template';

describe('peopleImportTemplate', () => {
  it('is a UTF-8 CSV with every column the import reads, and one example person', async () => {
    const blob = peopleImportTemplate();
    expect(blob.type).toBe('text/csv;charset=utf-8');
    // jsdom's Blob has no arrayBuffer(): read it as the browser's FileReader does
    const buffer = await new Promise<ArrayBuffer>((resolve, reject) => {
      const reader = new FileReader();
      reader.onload = () => resolve(reader.result as ArrayBuffer);
      reader.onerror = () => reject(reader.error);
      reader.readAsArrayBuffer(blob);
    });
    const bytes = new Uint8Array(buffer);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8').decode(bytes.slice(3));
    const rows = Papa.parse<string[]>(text.trim()).data;
    expect(rows[0]).toEqual([...PEOPLE_IMPORT_COLUMNS]);
    expect(rows).toHaveLength(2);
    expect(rows[1]).toEqual([
      'ada.lovelace@example.org',
      'Ada Lovelace',
      'Service Desk Analyst',
      'IT Services / Service Desk',
      'grace.hopper@example.org',
      'Service Desk Analyst',
    ]);
  });
});
