import { Module, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { registerCsvContentType } from './csv-body';

/** Import into a module whose routes take `text/csv` bodies (`@CsvBody()`): registers the streaming parser. */
@Module({})
export class CsvModule implements OnModuleInit {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter?.getInstance() as FastifyInstance | undefined;
    if (fastify?.addContentTypeParser) registerCsvContentType(fastify);
  }
}
