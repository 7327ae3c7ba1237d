import { AppError } from '@libs/http';

/** The documents context's own problems (not-found and reference problems come from the resource kit). */
export const DocumentsErrors = {
  fileTooLarge: (maxBytes: number) =>
    new AppError({ code: 'DOCUMENTS_FILE_TOO_LARGE', status: 413, detail: `The file is larger than the limit of ${maxBytes} bytes.` }),
  unsupportedType: (type: string | undefined) =>
    new AppError({
      code: 'DOCUMENTS_FILE_TYPE_NOT_ALLOWED',
      status: 415,
      detail: `The file's content (${type ?? 'unknown'}) is not an allowed type: PDF, JPEG, PNG, HEIC, TIFF, DOCX, XLSX, plain text or CSV.`,
    }),
  malformedUpload: (reason: string) => AppError.badRequest('DOCUMENTS_UPLOAD_MALFORMED', `The multipart upload could not be read (${reason.slice(0, 200)}).`),
  noFile: () => AppError.badRequest('DOCUMENTS_FILE_MISSING', 'Send the file as a multipart/form-data part named "file".'),
  notMultipart: () =>
    new AppError({ code: 'DOCUMENTS_NOT_MULTIPART', status: 415, detail: 'Upload the file as multipart/form-data with one part named "file".' }),
  rangeNotSatisfiable: (size: number) =>
    new AppError({ code: 'DOCUMENTS_RANGE_NOT_SATISFIABLE', status: 416, detail: `The range lies outside the file's ${size} bytes.` }),
  contentMissing: (id: string) => AppError.notFound('DOCUMENTS_FILE_CONTENT_MISSING', `The stored content of file ${id} is missing from the storage.`),
  fileNotFound: (id: string) => AppError.notFound('DOCUMENTS_FILE_NOT_FOUND', `No file ${id} that you may use.`),
  retained: (id: string, until: string) =>
    AppError.conflict('DOCUMENTS_DOCUMENT_RETAINED', `The document ${id} falls under a legal retention period until ${until} and cannot be deleted before then.`),
  unknownDocumentType: () =>
    AppError.unprocessable('REFERENCE_NOT_FOUND', 'The document type does not exist.', [{ path: 'typeId', message: 'unknown document type' }]),
  linkNotVisible: (index: number) =>
    AppError.unprocessable('REFERENCE_NOT_FOUND', 'A linked record does not exist or is outside what you may see.', [
      { path: `links[${index}].id`, message: 'unknown or not visible record' },
    ]),
  templateNotFound: (kind: string, language: string) =>
    AppError.notFound('DOCUMENTS_PDF_TEMPLATE_NOT_FOUND', `No PDF template of kind ${kind} in language ${language}.`),
  templateNotFoundById: (id: string) => AppError.notFound('DOCUMENTS_PDF_TEMPLATE_NOT_FOUND', `No PDF template version ${id}.`),
  templateInvalid: (detail: string) => AppError.unprocessable('DOCUMENTS_PDF_TEMPLATE_INVALID', detail),
  requestSubjectMissing: () =>
    AppError.unprocessable('DOCUMENTS_REQUEST_SUBJECT_MISSING', 'A document request needs a contact or a project.', [{ path: 'contactId', message: 'contactId or projectId is required' }]),
  requestNothingRequired: () =>
    AppError.unprocessable('DOCUMENTS_REQUEST_NOTHING_REQUIRED', 'At least one checklist item must be required.', [{ path: 'items', message: 'no required item' }]),
  requestReferenceNotVisible: (path: 'contactId' | 'projectId') =>
    AppError.unprocessable('REFERENCE_NOT_FOUND', 'A referenced record does not exist or is outside what you may see.', [{ path, message: 'unknown or not visible record' }]),
  requestItemTypeUnknown: (index: number) =>
    AppError.unprocessable('REFERENCE_NOT_FOUND', 'The document type does not exist.', [{ path: `items[${index}].typeId`, message: 'unknown document type' }]),
  requestLetterNoAddress: () =>
    AppError.unprocessable('DOCUMENTS_REQUEST_LETTER_NO_ADDRESS', 'The request letter needs a contact with a postal address (street, postal code, city).', [
      { path: 'letterPortalUrl', message: 'the request has no contact with a postal address' },
    ]),
  requestItemNotFound: (itemId: string) => AppError.notFound('DOCUMENTS_REQUEST_ITEM_NOT_FOUND', `The request has no item ${itemId}.`),
  requestItemState: (itemId: string, status: string, action: string) =>
    AppError.conflict('DOCUMENTS_REQUEST_ITEM_STATE', `The item ${itemId} is ${status}; it cannot be ${action}.`),
  requestLinkNotActive: (id: string) => AppError.conflict('DOCUMENTS_REQUEST_LINK_NOT_ACTIVE', `The document request ${id} has no active link to revoke.`),
  /** Unknown token: the same answer whatever the token was, so nothing can be learnt from it. */
  portalLinkUnknown: () => AppError.notFound('DOCUMENTS_PORTAL_LINK_NOT_FOUND', 'This link does not exist.'),
  /** Expired, revoked or withdrawn: gone, without saying which. */
  portalLinkGone: () => new AppError({ code: 'DOCUMENTS_PORTAL_LINK_GONE', status: 410, detail: 'This link is no longer valid. Please ask your consultant for a new one.' }),
  portalItemNotFound: () => AppError.notFound('DOCUMENTS_PORTAL_ITEM_NOT_FOUND', 'This checklist has no such item.'),
  portalItemClosed: () => AppError.conflict('DOCUMENTS_PORTAL_ITEM_CLOSED', 'This item has been accepted already; no further upload is needed.'),
  portalRateLimited: (retryAfterSeconds: number) =>
    new AppError({
      code: 'DOCUMENTS_PORTAL_RATE_LIMITED',
      status: 429,
      detail: `Too many requests; try again in ${retryAfterSeconds} seconds.`,
      extensions: { retryAfterSeconds },
    }),
};
