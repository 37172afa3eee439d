import { Module } from '@nestjs/common';
import { BuiltInFrameworksLoader } from './built-in-frameworks.loader';
import { CompetenciesController } from './competencies.controller';
import { CompetencyQueryService } from './competency-query.service';
import { FrameworkQueryService } from './framework-query.service';
import { FrameworkWriterService } from './framework-writer.service';
import { FrameworksController } from './frameworks.controller';

@Module({
  controllers: [FrameworksController, CompetenciesController],
  providers: [FrameworkQueryService, CompetencyQueryService, FrameworkWriterService, BuiltInFrameworksLoader],
  exports: [FrameworkWriterService],
})
export class FrameworksModule {}
