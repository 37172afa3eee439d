import { Module } from '@nestjs/common';
import { AuditModule } from '../audit';
import { PeopleImportService } from './people-import.service';
import { PeopleImportWriterService } from './people-import-writer.service';
import { PeopleImportsController } from './people-imports.controller';

@Module({
  imports: [AuditModule],
  controllers: [PeopleImportsController],
  providers: [PeopleImportService, PeopleImportWriterService],
})
export class PeopleImportsModule {}
