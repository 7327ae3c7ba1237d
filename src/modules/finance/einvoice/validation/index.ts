export * from './einvoice-artefacts';
export * from './einvoice-validator';
export { EINVOICE_SEF_CACHE_ENV } from './sef-cache';
