/**
 * The page's entry. The database worker starts first, before the UI's code
 * is even loaded: its cold start (worker script, IndexedDB, SQLite) then
 * runs beside the UI's (parsing, mounting) instead of after it. Calls the
 * UI makes before the database is open wait in the worker.
 */
import { connectWorker } from './rpc/connect';
import './ui/styles/global.css';

connectWorker();
const [{ mount }, { default: App }] = await Promise.all([import('svelte'), import('./ui/App.svelte')]);

export default mount(App, { target: document.getElementById('app')! });
