import { Controller, Get, Post, Req } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { UuidParam } from '@libs/http';
import { Operation } from '@libs/resource';
import { toFileResponse } from '../documents/document.mapper';
import { asUploadProblem, readUploadedFile } from './multipart';
import { FileResponseDto, FileUploadDto } from './file.dto';
import { FilesService } from './files.service';

@ApiTags('documents')
@Controller('files')
export class FilesController {
  constructor(private readonly files: FilesService) {}

  @Post()
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: FileUploadDto })
  @Operation({
    permission: 'documents.documents:create',
    summary: 'Upload a file (multipart, streamed) to attach it to a document',
    description: 'The type is sniffed from the bytes (415 when not allowed or when it lies); larger than UPLOAD_MAX_BYTES: 413.',
    created: FileResponseDto,
    problems: [400, 413, 415],
  })
  async uploadFile(@Req() request: FastifyRequest): Promise<FileResponseDto> {
    const file = await this.files.upload(await readUploadedFile(request)).catch((error: unknown) => {
      throw asUploadProblem(error);
    });
    return toFileResponse(file);
  }

  @Get(':id')
  @Operation({ permission: 'documents.documents:create', summary: 'A file you uploaded (what was checked while it streamed in)', ok: FileResponseDto, problems: [404] })
  async getFile(@UuidParam() id: string): Promise<FileResponseDto> {
    return toFileResponse(await this.files.ownUpload(id));
  }
}
