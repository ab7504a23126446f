import type { DealType, Organisation, Role, Stage } from "./core.js";
import { type CallOutcome, type CrmMapping, keyed, mappingKey } from "./mapping.js";
import { type Notes, show, valueAtPath } from "./read.js";

/** A mapping's tables, keyed for lookups, with the warnings every adapter gives for what they miss. */
export class Tables {
  readonly #stages: Map<string, Stage>;
  readonly #roles: Map<string, readonly Role[]>;
  readonly #organisations: Map<string, Organisation>;
  readonly #untrusted: Set<string>;
  readonly #dealTypes: Map<string, DealType>;
  readonly #calls: Map<string, CallOutcome>;

  constructor(
    readonly mapping: CrmMapping,
    readonly notes: Notes,
  ) {
    this.#stages = keyed(mapping.stages);
    this.#roles = keyed(mapping.roles);
    this.#organisations = keyed(mapping.organisations);
    this.#untrusted = new Set(mapping.untrustedRoles.map(mappingKey));
    this.#dealTypes = keyed(mapping.dealTypes);
    this.#calls = keyed(mapping.callOutcomes);
  }

  /** The deal stage of a CRM stage, or undefined with a warning: an unknown stage is never guessed. */
  stage(value: string, path: string, hint = ""): Stage | undefined {
    const stage = this.#stages.get(mappingKey(value));
    if (stage === undefined)
      this.notes.warn(
        path,
        "unmapped-stage",
        `stage ${show(value)} is not in mapping.stages: stage left out${hint}`,
      );
    return stage;
  }

  /** Whose side a role value, label or account type puts a contact on, when the mapping says. */
  organisation(value: string | undefined): Organisation | undefined {
    return value === undefined ? undefined : this.#organisations.get(mappingKey(value));
  }

  /**
   * The confirmed roles of a CRM role value: none, with a warning, when unknown or marked untrusted; none,
   * silently, for a value that names an organisation (a partner, a consultant), which is no buying role.
   */
  roles(value: string, path: string): readonly Role[] {
    const key = mappingKey(value);
    if (this.#organisations.has(key) && !this.#roles.has(key)) return [];
    if (this.#untrusted.has(key)) {
      this.notes.warn(
        path,
        "untrusted-role",
        `role ${show(value)} is marked untrusted in the mapping (a default nobody confirmed): not taken as a role`,
      );
      return [];
    }
    const roles = this.#roles.get(key);
    if (roles === undefined) {
      this.notes.warn(path, "unmapped-role", `role ${show(value)} is not in mapping.roles: left out`);
      return [];
    }
    return roles;
  }

  /** The deal type of a CRM deal type, or undefined with a warning. */
  dealType(value: string, path: string): DealType | undefined {
    const type = this.#dealTypes.get(mappingKey(value));
    if (type === undefined)
      this.notes.warn(
        path,
        "unmapped-type",
        `deal type ${show(value)} is not in mapping.dealTypes: type left out`,
      );
    return type;
  }

  /** Whether a logged call reached the person; an unknown outcome is not counted, with a warning. */
  callConnected(outcome: string | undefined, path: string): boolean {
    if (outcome === undefined) return true;
    const known = this.#calls.get(mappingKey(outcome));
    if (known === undefined) {
      this.notes.warn(
        path,
        "unknown-call-outcome",
        `call outcome ${show(outcome)} is not in mapping.callOutcomes: the call is not counted as a conversation`,
      );
      return false;
    }
    return known === "connected";
  }

  /** `deal.custom` from mapping.custom: each value found at its path in the records, or a warning. */
  custom(root: unknown): Record<string, unknown> | undefined {
    const out: Record<string, unknown> = {};
    for (const [key, path] of Object.entries(this.mapping.custom)) {
      const value = valueAtPath(root, path);
      if (value === undefined)
        this.notes.warn(
          `mapping.custom.${key}`,
          "custom-not-found",
          `${path} is not in the records: custom.${key} left out`,
        );
      else if (value !== null) out[key] = value;
    }
    return Object.keys(out).length > 0 ? out : undefined;
  }

  /** The fields of one kind of record that mapping.custom reads (`opportunity.X` -> X for "opportunity"). */
  customFields(prefix: string): string[] {
    return Object.values(this.mapping.custom).flatMap((p) =>
      p.startsWith(`${prefix}.`) ? [p.slice(prefix.length + 1).split(".")[0] as string] : [],
    );
  }
}
