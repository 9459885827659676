import { Controller, Get, Inject } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { EVENT_STORE, verifyChains, type ChainReport, type EventStore } from '@ruamjai/event-store';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('api/v1/audit/verification')
export class VerifyAuditChainController {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  @Get()
  @ApiOkResponse({
    description:
      'ตรวจสอบห่วงโซ่แฮชของบันทึกเหตุการณ์ทั้งหมด / Walks the whole log: ok, the chain head, and the first event that was altered, removed or reordered',
  })
  verify(): Promise<ChainReport> {
    return verifyChains(this.store);
  }
}
