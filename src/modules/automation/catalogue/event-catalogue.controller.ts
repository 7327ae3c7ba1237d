import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Operation } from '@libs/resource';
import { EventCatalogue } from './event-catalogue.service';
import { EventTypeDto } from './event-type.dto';

@ApiTags('automation')
@Controller('automation/event-types')
export class EventCatalogueController {
  constructor(private readonly catalogue: EventCatalogue) {}

  @Get()
  @Operation({
    permission: 'automation.workflows:read',
    summary: 'The event catalogue: every domain event type with its payload schema',
    description: 'What a workflow can be triggered by (`triggerEventType`) and what its conditions and templates can read.',
    ok: [EventTypeDto],
  })
  listEventTypes(): EventTypeDto[] {
    return this.catalogue.list();
  }
}
