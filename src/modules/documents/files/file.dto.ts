import { ApiProperty } from '@nestjs/swagger';

/** An uploaded file: what was checked while it streamed in. */
export class FileResponseDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  /** Sanitised original name. @example "Grundriss EG.pdf" */
  filename: string;
  /** Sniffed from the bytes. @example "application/pdf" */
  contentType: string;
  @ApiProperty({ type: 'integer' })
  byteSize: number;
  /** Hex SHA-256 of the bytes (the download's ETag). */
  sha256: string;
  createdAt: Date;
}

/** The multipart body of an upload (documentation only; the route reads the stream). */
export class FileUploadDto {
  @ApiProperty({ type: 'string', format: 'binary', description: 'The file (PDF, JPEG, PNG, HEIC, TIFF, DOCX, XLSX, plain text, CSV).' })
  file: unknown;
}
