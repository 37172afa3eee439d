import { MigrationFileError, newMigration, registerMigration } from './migration-file';

const INDEX = `import { MigrationInterface } from 'typeorm';
import { CreateThings1795300000000 } from './1795300000000-CreateThings';
import { AddColour1795300000005 } from './1795300000005-AddColour';

/** Every migration, oldest first. */
export const migrations: Array<new () => MigrationInterface> = [
  CreateThings1795300000000,
  AddColour1795300000005,
];
`;

describe('newMigration', () => {
  it('names the file and the class after the timestamp and the VerbObject', () => {
    const migration = newMigration('AddEmployeeStatus', 1796000000123);
    expect(migration.fileBase).toBe('1796000000123-AddEmployeeStatus');
    expect(migration.className).toBe('AddEmployeeStatus1796000000123');
    expect(migration.source).toContain('export class AddEmployeeStatus1796000000123 implements MigrationInterface');
    expect(migration.source).toContain("name = 'AddEmployeeStatus1796000000123';");
    expect(migration.source).toContain('async up(queryRunner: QueryRunner)');
    expect(migration.source).toContain('async down(queryRunner: QueryRunner)');
  });

  it.each(['addThing', 'Add', 'Add_Thing', 'Add Thing', '1Add', ''])('refuses the name %j', (name) => {
    expect(() => newMigration(name, 1796000000123)).toThrow(MigrationFileError);
  });

  it('refuses a timestamp that is not 13 digits of milliseconds', () => {
    expect(() => newMigration('AddThing', 1796000000)).toThrow(/13 digits/);
  });
});

describe('registerMigration', () => {
  it('appends the import and the list entry of the newest migration', () => {
    const index = registerMigration(INDEX, newMigration('AddSize', 1796000000000));
    expect(index).toBe(`import { MigrationInterface } from 'typeorm';
import { CreateThings1795300000000 } from './1795300000000-CreateThings';
import { AddColour1795300000005 } from './1795300000005-AddColour';
import { AddSize1796000000000 } from './1796000000000-AddSize';

/** Every migration, oldest first. */
export const migrations: Array<new () => MigrationInterface> = [
  CreateThings1795300000000,
  AddColour1795300000005,
  AddSize1796000000000,
];
`);
  });

  it('keeps timestamp order when the new migration is older than the last one', () => {
    const index = registerMigration(INDEX, newMigration('AddShape', 1795300000002));
    const lines = index.split('\n');
    expect(lines.filter((line) => line.startsWith('import {') && line.includes("'./"))).toEqual([
      "import { CreateThings1795300000000 } from './1795300000000-CreateThings';",
      "import { AddShape1795300000002 } from './1795300000002-AddShape';",
      "import { AddColour1795300000005 } from './1795300000005-AddColour';",
    ]);
    expect(lines.filter((line) => /^ {2}\w+\d{13},$/.test(line))).toEqual([
      '  CreateThings1795300000000,',
      '  AddShape1795300000002,',
      '  AddColour1795300000005,',
    ]);
  });

  it('refuses to register a migration twice', () => {
    const migration = newMigration('AddSize', 1796000000000);
    expect(() => registerMigration(registerMigration(INDEX, migration), migration)).toThrow(/already registered/);
  });

  it('refuses an index.ts whose shape it does not know', () => {
    expect(() => registerMigration('export const migrations = [];\n', newMigration('AddSize', 1796000000000))).toThrow(MigrationFileError);
  });
});
