/**
 * Electron's entry point (package.json "main" -> dist/electron/main.cjs). Everything is in
 * app-lifecycle.ts so tests can start the app against a fake Electron.
 */
import { startApp } from './app-lifecycle';

startApp(process.argv, process.cwd());
