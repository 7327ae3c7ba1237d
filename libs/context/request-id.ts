const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** A client-supplied X-Request-Id is kept only when it is short and harmless in logs. */
export function resolveRequestId(header: string | string[] | undefined): string | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  return value && REQUEST_ID.test(value) ? value : undefined;
}
