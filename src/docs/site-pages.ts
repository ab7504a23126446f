import type { Qualifier } from "../engine/qualifier.js";
import type { FrameworkDef } from "../frameworks/framework-def.js";
import { customFieldsPage, operatorsUsed } from "./custom-fields-page.js";
import { findingsPage } from "./findings-page.js";
import { frameworkIndex, frameworkPage } from "./framework-page.js";
import type { SitePage } from "./html-site.js";
import { phrasesOf } from "./in-words.js";
import { operatorsPage } from "./operators-page.js";

/**
 * The pages `qualify docs` writes for the chosen frameworks: the index (`README`), a page per framework,
 * the findings they can raise, the operators their rules use, and the custom fields they read.
 */
export function sitePages(qualifier: Qualifier, chosen: readonly FrameworkDef[]): SitePage[] {
  const phrases = phrasesOf(qualifier.operators.values(), qualifier.policy);
  const sets = [...qualifier.ruleSets, ...chosen];
  return [
    { name: "README", title: "Frameworks", markdown: frameworkIndex(chosen) },
    ...chosen.map((def) => ({ name: def.id, title: def.name, markdown: frameworkPage(def, phrases) })),
    {
      name: "findings",
      title: "Findings",
      markdown: findingsPage(sets, [...qualifier.rules.values()], phrases),
    },
    {
      name: "operators",
      title: "Operators",
      markdown: operatorsPage(qualifier.operators, operatorsUsed(sets)),
    },
    {
      name: "custom-fields",
      title: "Custom fields",
      markdown: customFieldsPage(qualifier.customSchema, chosen, qualifier.operators),
    },
  ];
}
