import { PEOPLE_IMPORT_COLUMNS, PEOPLE_IMPORT_TEAM_SEPARATOR } from '@proficio/shared/contracts';

export const PEOPLE_IMPORT_TEMPLATE_FILENAME = 'proficio-people-template.csv';

/** An example person per column, in the order of PEOPLE_IMPORT_COLUMNS. */
const EXAMPLE: Record<(typeof PEOPLE_IMPORT_COLUMNS)[number], string> = {
  email: 'ada.lovelace@example.org',
  name: 'Ada Lovelace',
  'job title': 'Service Desk Analyst',
  'team path': `IT Services ${PEOPLE_IMPORT_TEAM_SEPARATOR} Service Desk`,
  'manager email': 'grace.hopper@example.org',
  'role profile': 'Service Desk Analyst',
};

/**
 * A CSV to fill in: the header row with every column the import reads, and one example row to
 * replace. UTF-8 with a byte-order mark, so that Excel opens accented names correctly.
 */
export function peopleImportTemplate(): Blob {
  const quote = (cell: string) => (/[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);
  const lines = [PEOPLE_IMPORT_COLUMNS.map(quote).join(','), PEOPLE_IMPORT_COLUMNS.map((column) => quote(EXAMPLE[column])).join(',')];
  return new Blob(['\uFEFF', lines.join('\r\n'), '\r\n'], { type: 'text/csv;charset=utf-8' });
}
