import { SkipThrottle } from '@nestjs/throttler';
import { Controller, Get } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Metrics } from '@ruamjai/platform';
import { Public } from '@ruamjai/security';
import { Download } from '../http/reply-headers';

/** Prometheus scrape endpoint. Keep it on the internal network: it needs no token. */
@ApiExcludeController()
@Controller('metrics')
export class MetricsController {
  constructor(private readonly metrics: Metrics) {}

  @Get()
  @Public()
  // Probes and scrapes are never throttled: a busy monitor must not see a healthy service as down.
  @SkipThrottle()
  async scrape(): Promise<Download> {
    const { contentType, body } = await this.metrics.expose();
    return new Download(body, contentType);
  }
}
