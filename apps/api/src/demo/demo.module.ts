import { DynamicModule, Module } from '@nestjs/common';
import { FilesModule } from '../files';
import { FrameworksModule } from '../frameworks';
import { ReviewsModule } from '../reviews';
import { DEMO_OPTIONS, DemoOrganisationSeeder } from './demo-organisation.seeder';

@Module({})
export class DemoModule {
  static forRoot(options: { enabled: boolean }): DynamicModule {
    return {
      module: DemoModule,
      imports: [FrameworksModule, FilesModule, ReviewsModule],
      providers: [{ provide: DEMO_OPTIONS, useValue: options }, DemoOrganisationSeeder],
    };
  }
}
