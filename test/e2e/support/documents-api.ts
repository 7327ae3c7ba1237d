import { readdir } from 'node:fs/promises';
import { join } from 'node:path';

/** A minimal PDF (valid header and trailer) with `padding` bytes of comment to reach a size. */
export function pdfBytes(padding = 0, marker = 'Renewa'): Buffer {
  const body = `%PDF-1.4\n%${marker}\n1 0 obj << /Type /Catalog >> endobj\n%${'x'.repeat(padding)}\ntrailer << /Root 1 0 R >>\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

/** A multipart/form-data body with one file part named `file`. */
export function multipartBody(bytes: Buffer, filename: string, contentType: string, boundary = 'renewa-test-boundary'): { body: Buffer; contentType: string } {
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${contentType}\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { body: Buffer.concat([head, bytes, tail]), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** Every file below `dir` (the local storage driver's objects). */
export async function filesBelow(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
}

/** Re-checks `condition` on every turn of the event loop's timers until it holds (or fails after `ms`). */
export async function eventually(condition: () => Promise<boolean>, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not reached');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
