import { hello } from '@libs/x';
console.log('ok', hello);
