import { Get } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import type { ChainReport } from '@ruamjai/event-store';
import type { Actor } from '@ruamjai/kernel';
import { PlanReads } from '@ruamjai/planning';
import { CurrentActor } from '../../http/command-http';
import { ApiController } from '../../http/controllers';

@ApiController('audit', 'api/v1/audit/verification')
export class VerifyAuditChainController {
  constructor(private readonly reads: PlanReads) {}

  @Get()
  @ApiOkResponse({
    description:
      'ตรวจสอบห่วงโซ่แฮชของบันทึกเหตุการณ์ทั้งหมด / Walks the whole log: ok, the chain head, and the first event that was altered, removed or reordered',
  })
  verify(@CurrentActor() actor: Actor): Promise<ChainReport> {
    return this.reads.verifyAuditChain(actor);
  }
}
