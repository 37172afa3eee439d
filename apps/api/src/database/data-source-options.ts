import { DataSourceOptions } from 'typeorm';
import { ASSESSMENT_ENTITIES } from '../assessments/assessment.entities';
import { AUTH_ENTITIES } from '../auth/user.entities';
import { ORGANISATION_ENTITIES } from '../employees/employee.entities';
import { FRAMEWORK_ENTITIES } from '../frameworks/entities/framework.entities';
import { PEOPLE_IMPORT_ENTITIES } from '../people-imports/people-import.entities';
import { ROLE_PROFILE_ENTITIES } from '../role-profiles/role-profile.entities';
import { migrations } from './migrations';

export const MIGRATIONS_TABLE = 'typeorm_migrations';

/**
 * The one description of Proficio's database, used by the Nest app, the
 * migration scripts, the TypeORM CLI and the tests. Schema changes happen only
 * through migrations: `synchronize` is off everywhere.
 */
export function dataSourceOptions(url: string): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: [
      ...FRAMEWORK_ENTITIES,
      ...ORGANISATION_ENTITIES,
      ...ROLE_PROFILE_ENTITIES,
      ...PEOPLE_IMPORT_ENTITIES,
      ...AUTH_ENTITIES,
      ...ASSESSMENT_ENTITIES,
    ],
    migrations,
    migrationsTableName: MIGRATIONS_TABLE,
    migrationsTransactionMode: 'all',
    migrationsRun: false,
    synchronize: false,
    applicationName: 'proficio',
  };
}
