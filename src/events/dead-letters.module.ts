import { Module } from '@nestjs/common';
import { DeadLettersController } from './dead-letters.controller';

/** The admin API of the outbox; the outbox itself is EventsModule (libs/events, global). */
@Module({ controllers: [DeadLettersController] })
export class DeadLettersModule {}
