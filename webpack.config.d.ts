import type { Configuration } from 'webpack';

/** See webpack.config.js for the `env` options. */
declare function config(env?: Record<string, string | boolean>, argv?: { mode?: string }): Configuration;
export default config;
export declare const DEV_URL: string;
export declare const OFFICE_CDN: string;
