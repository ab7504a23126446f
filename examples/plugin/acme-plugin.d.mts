import type { Plugin } from "../../src/index.js";

declare const plugin: Plugin;
export default plugin;
