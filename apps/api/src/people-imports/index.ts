export { PeopleImportsModule } from './people-imports.module';
export { PEOPLE_IMPORT_ENTITIES } from './people-import.entities';
