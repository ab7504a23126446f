// Acme's qualify setup: the CLI finds this file from this directory or any below it.
import { defineConfig } from "qualify";

export default defineConfig({
  frameworks: ["acme-qualification", "bant"],
  plugins: ["./acme-plugin.mjs"],
  disable: ["brand-competitor"],
});
