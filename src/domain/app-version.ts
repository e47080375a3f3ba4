/** The app's version, as package.json says (written into every export's header). Vite keeps only this field. */
import { version } from '../../package.json';

export const APP_VERSION: string = version;
