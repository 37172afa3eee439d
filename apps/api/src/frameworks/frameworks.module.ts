import { Module } from '@nestjs/common';
import { BuiltInFrameworksLoader } from './built-in-frameworks.loader';
import { FrameworkQueryService } from './framework-query.service';
import { FrameworkWriterService } from './framework-writer.service';
import { FrameworksController } from './frameworks.controller';

@Module({
  controllers: [FrameworksController],
  providers: [FrameworkQueryService, FrameworkWriterService, BuiltInFrameworksLoader],
  exports: [FrameworkWriterService],
})
export class FrameworksModule {}
