import { Module } from '@nestjs/common';
import { AuditModule } from '../audit';
import { BuiltInFrameworksLoader } from './built-in-frameworks.loader';
import { CompetenciesController } from './competencies.controller';
import { CompetencyQueryService } from './competency-query.service';
import { FrameworkDocumentReader } from './framework-document.reader';
import { FrameworkExportService } from './framework-export.service';
import { FrameworkImportService } from './framework-import.service';
import { FrameworkImportsController } from './framework-imports.controller';
import { FrameworkQueryService } from './framework-query.service';
import { FrameworkScaleService } from './framework-scale.service';
import { FrameworkTreeCache } from './framework-tree.cache';
import { FrameworkWriterService } from './framework-writer.service';
import { FrameworksController } from './frameworks.controller';

@Module({
  imports: [AuditModule],
  controllers: [FrameworkImportsController, FrameworksController, CompetenciesController],
  providers: [
    FrameworkQueryService,
    CompetencyQueryService,
    FrameworkDocumentReader,
    FrameworkExportService,
    FrameworkImportService,
    FrameworkWriterService,
    FrameworkScaleService,
    BuiltInFrameworksLoader,
    // One per API instance: it keeps the trees of versions that cannot change only (see the class).
    { provide: FrameworkTreeCache, useFactory: () => new FrameworkTreeCache() },
  ],
  exports: [FrameworkWriterService, BuiltInFrameworksLoader],
})
export class FrameworksModule {}
