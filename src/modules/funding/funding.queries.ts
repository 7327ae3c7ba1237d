import { Injectable } from '@nestjs/common';
import type { ApplicationResponseDto } from './applications/application.dto';
import { ApplicationsService } from './applications/applications.service';

/** How other contexts read funding (e.g. documents checking a `funding_application` link's visibility). */
@Injectable()
export class FundingQueries {
  constructor(private readonly applications: ApplicationsService) {}

  /** The application within the current actor's read scope (the system actor sees all), else undefined. */
  application(id: string): Promise<ApplicationResponseDto | undefined> {
    return this.applications.lookup(id);
  }
}
