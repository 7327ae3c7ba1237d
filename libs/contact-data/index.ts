export * from './contact-data.decorators';
export * from './phone-email';
export * from './postal-address.columns';
export * from './postal-address.dto';
