import { Module } from '@nestjs/common';
import { AccessModule } from '../access';
import { AuditModule } from '../audit';
import { FilesModule } from '../files';
import { EvidenceFilesService } from './evidence-files.service';
import { EvidenceQueryService } from './evidence-query.service';
import { EvidenceWriteService } from './evidence-write.service';
import { EvidenceController } from './evidence.controller';

@Module({
  imports: [AuditModule, AccessModule, FilesModule],
  controllers: [EvidenceController],
  providers: [EvidenceQueryService, EvidenceWriteService, EvidenceFilesService],
})
export class EvidenceModule {}
