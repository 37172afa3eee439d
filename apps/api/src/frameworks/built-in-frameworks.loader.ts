import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { BUILT_IN_PACKS } from '@proficio/shared/competency';
import { FrameworkWriterService } from './framework-writer.service';

/**
 * Loads the built-in framework packs at start. Idempotent: a pack whose
 * content is already the latest version of its framework is left alone; a
 * changed pack (a new Proficio release) becomes a new version.
 */
@Injectable()
export class BuiltInFrameworksLoader implements OnApplicationBootstrap {
  private readonly logger = new Logger(BuiltInFrameworksLoader.name);

  private loading?: Promise<void>;

  constructor(private readonly writer: FrameworkWriterService) {}

  onApplicationBootstrap(): Promise<void> {
    return this.ensureLoaded();
  }

  /** Loads the packs once; what needs the built-in frameworks (the demo seeder) awaits this. */
  ensureLoaded(): Promise<void> {
    this.loading ??= this.load();
    return this.loading;
  }

  private async load(): Promise<void> {
    const created: string[] = [];
    for (const pack of BUILT_IN_PACKS) {
      const result = await this.writer.write(pack, { sourceFormat: 'built-in', status: 'published', builtIn: true });
      if (result.created) created.push(`${pack.framework.code} v${result.versionNumber}`);
    }
    if (created.length) this.logger.log(`Loaded built-in frameworks: ${created.join(', ')}.`);
  }
}
