// API-key authentication: `Authorization: Bearer <key>` (header name in any case). Keys are
// compared through an HMAC under the store's secret, so the raw key is never stored, never logged
// and never compared byte by byte in a data-dependent way.
import { createHmac } from "node:crypto";
import type { Store } from "./db/store.js";
import type { OrgRecord, UserRecord } from "./db/records.js";
import { DEFAULT_ORGANIZATION, type EmulatorOrganization, type EmulatorUser } from "./options.js";
import { isoTimestamp, type Clock } from "./time.js";

/** An authenticated caller. */
export interface Principal {
  user: UserRecord;
  org: OrgRecord;
}

export class Auth {
  private readonly principals = new Map<string, Principal>();

  constructor(
    private readonly store: Store,
    users: EmulatorUser[],
    organizations: EmulatorOrganization[],
    clock: Clock,
  ) {
    const now = isoTimestamp(clock());
    const settings = new Map(organizations.map((o) => [o.name, o]));
    this.store.transaction(() => {
      for (const u of users) {
        const orgName = u.organization ?? DEFAULT_ORGANIZATION;
        const orgSettings = settings.get(orgName);
        const org = store.orgs.ensureOrg(orgName, orgSettings?.adv ?? false, now);
        if (orgSettings?.iamIntegrations && store.orgs.iamIntegrations(org.seq).length === 0) {
          for (const i of orgSettings.iamIntegrations) {
            store.orgs.addIamIntegration(
              org.seq,
              { name: i.name, provider: i.provider, isOrgDefault: i.isOrgDefault ?? false, valid: i.valid ?? true, settings: i.settings ?? {} },
              now,
            );
          }
        }
        const hash = this.hash(u.apiKey);
        const local = u.email ?? `user${this.principals.size + 1}@${orgName.toLowerCase().replace(/[^a-z0-9]+/g, "-") || "org"}.emulator.local`;
        const user = store.orgs.ensureUser(hash, org.seq, { email: local, name: u.name ?? local.split("@")[0] ?? "user" }, now);
        this.principals.set(hash, { user, org });
      }
    });
  }

  /** The caller for an Authorization header value, or null when missing or unknown. */
  authenticate(authorization: string | undefined): Principal | null {
    if (!authorization) return null;
    const m = /^Bearer\s+(.+)$/i.exec(authorization.trim());
    if (!m?.[1]) return null;
    const principal = this.principals.get(this.hash(m[1].trim()));
    if (!principal) return null;
    // The organization's flags may have changed (e.g. through the control endpoint).
    const org = this.store.orgs.org(principal.org.seq) ?? principal.org;
    return { user: principal.user, org };
  }

  private hash(apiKey: string): string {
    return createHmac("sha256", this.store.secret).update(apiKey).digest("hex");
  }
}
