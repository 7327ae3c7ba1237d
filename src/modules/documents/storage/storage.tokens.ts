export const UPLOAD_LIMITS = Symbol('UPLOAD_LIMITS');

export interface UploadLimits {
  maxBytes: number;
}
