import { DynamicModule, Module } from '@nestjs/common';
import { AuditModule } from '../audit';
import type { PeopleFileOptions } from './people-import-file';
import { PEOPLE_IMPORT_OPTIONS, PeopleImportService } from './people-import.service';
import { PeopleImportWriterService } from './people-import-writer.service';
import { PeopleImportsController } from './people-imports.controller';

@Module({})
export class PeopleImportsModule {
  /** `xlsxMaxBytes`: the most an uploaded workbook may expand to (the PEOPLE_IMPORT_XLSX_MAX_MB setting). */
  static forRoot(options: Required<PeopleFileOptions>): DynamicModule {
    return {
      module: PeopleImportsModule,
      imports: [AuditModule],
      controllers: [PeopleImportsController],
      providers: [{ provide: PEOPLE_IMPORT_OPTIONS, useValue: options }, PeopleImportService, PeopleImportWriterService],
    };
  }
}
