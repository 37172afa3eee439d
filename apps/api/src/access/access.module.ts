import { Module } from '@nestjs/common';
import { AccessService } from './access.service';

/** Who may act on whom: imported by every module that reads or changes people's data. */
@Module({
  providers: [AccessService],
  exports: [AccessService],
})
export class AccessModule {}
